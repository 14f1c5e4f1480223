import { defineCatalogue } from '../define-catalogue';

/** Words every page uses: actions, states, the language switcher. */
export const common = defineCatalogue({
  en: {
    appName: 'Vigil',
    actions: { save: 'Save', cancel: 'Cancel', delete: 'Delete', edit: 'Edit', add: 'Add', refresh: 'Refresh', close: 'Close', apply: 'Apply', reset: 'Reset', exportCsv: 'Export CSV', importCsv: 'Import CSV' },
    states: { loading: 'Loading…', saving: 'Saving…', saved: 'Saved', empty: 'Nothing here yet.', error: 'Something went wrong: {message}' },
    yes: 'Yes',
    no: 'No',
    none: '—',
    language: { label: 'Language', en: 'English', 'zh-CN': '简体中文', changed: 'Language changed' },
  },
  'zh-CN': {
    appName: 'Vigil',
    actions: { save: '保存', cancel: '取消', delete: '删除', edit: '编辑', add: '添加', refresh: '刷新', close: '关闭', apply: '应用', reset: '重置', exportCsv: '导出 CSV', importCsv: '导入 CSV' },
    states: { loading: '加载中…', saving: '保存中…', saved: '已保存', empty: '暂无内容。', error: '出错了：{message}' },
    yes: '是',
    no: '否',
    none: '—',
    language: { label: '语言', en: 'English', 'zh-CN': '简体中文', changed: '语言已切换' },
  },
});
