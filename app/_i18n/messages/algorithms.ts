import { defineCatalogue } from '../define-catalogue';

export const algorithms = defineCatalogue({
  en: {
    title: 'Algorithms',
    lede: 'The registered algorithms, their versions, where they are used and their running instances.',
  },
  'zh-CN': {
    title: '算法',
    lede: '已注册的算法、版本、使用位置及运行实例。',
  },
});
