import { defineCatalogue } from '../define-catalogue';

export const canvas = defineCatalogue({
  en: {
    title: 'Pipeline editor',
    lede: 'Drag nodes from the palette and connect them.',
  },
  'zh-CN': {
    title: '流水线编辑器',
    lede: '从组件面板拖入节点并连接。',
  },
});
