import { defineCatalogue } from '../define-catalogue';

export const pipelines = defineCatalogue({
  en: {
    title: 'Pipelines',
    lede: 'Camera → algorithm → rules → sinks, compiled and run as durable workflows.',
  },
  'zh-CN': {
    title: '流水线',
    lede: '摄像头 → 算法 → 规则 → 输出，编译后作为持久化工作流运行。',
  },
});
