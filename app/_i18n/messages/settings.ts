import { defineCatalogue } from '../define-catalogue';

export const settings = defineCatalogue({
  en: {
    title: 'Settings',
    lede: 'Retention, callback policy and targets, users, API tokens and language.',
  },
  'zh-CN': {
    title: '设置',
    lede: '数据保留、回调策略与目标、用户、API 令牌和语言。',
  },
});
