import { defineCatalogue } from '../define-catalogue';

export const live = defineCatalogue({
  en: {
    title: 'Live view',
    lede: 'The annotated streams of the running pipelines.',
  },
  'zh-CN': {
    title: '实时视频',
    lede: '运行中流水线的标注视频流。',
  },
});
