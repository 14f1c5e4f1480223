import { defineCatalogue } from '../define-catalogue';

export const alarms = defineCatalogue({
  en: {
    title: 'Alarms',
    lede: 'Alarms as they arrive, with their snapshots, events and callback deliveries.',
  },
  'zh-CN': {
    title: '告警',
    lede: '实时到达的告警，含快照、事件与回调投递记录。',
  },
});
