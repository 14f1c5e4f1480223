import { defineCatalogue } from '../define-catalogue';

export const workflows = defineCatalogue({
  en: {
    title: 'Workflows',
    lede: 'Pipelines, deliveries, retention runs and training jobs as Temporal runs them.',
  },
  'zh-CN': {
    title: '工作流',
    lede: 'Temporal 中运行的流水线、投递、数据清理与训练任务。',
  },
});
