import { defineCatalogue } from '../define-catalogue';

export const dashboard = defineCatalogue({
  en: {
    title: 'Dashboard',
    lede: 'Cameras, pipelines, alarms and the health of the system at a glance.',
  },
  'zh-CN': {
    title: '总览',
    lede: '摄像头、流水线、告警与系统健康状况一览。',
  },
});
