import { defineCatalogue } from '../define-catalogue';

/** The console shell: navigation, the signed-in user panel. */
export const nav = defineCatalogue({
  en: {
    console: 'Console',
    main: 'Main',
    skipToContent: 'Skip to content',
    signedInUser: 'Signed-in user',
    logOut: 'Log out',
    loggingOut: 'Logging out…',
    roles: { admin: 'Administrator', operator: 'Operator', viewer: 'Viewer' },
    sections: { dashboard: 'Dashboard', live: 'Live view', pipelines: 'Pipelines', cameras: 'Cameras', algorithms: 'Algorithms', alarms: 'Alarms', training: 'Training', workflows: 'Workflows', settings: 'Settings' },
  },
  'zh-CN': {
    console: '控制台',
    main: '主导航',
    skipToContent: '跳到正文',
    signedInUser: '当前用户',
    logOut: '退出登录',
    loggingOut: '正在退出…',
    roles: { admin: '管理员', operator: '操作员', viewer: '访客' },
    sections: { dashboard: '总览', live: '实时视频', pipelines: '流水线', cameras: '摄像头', algorithms: '算法', alarms: '告警', training: '训练', workflows: '工作流', settings: '设置' },
  },
});
