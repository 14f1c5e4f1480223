import { defineCatalogue } from '../define-catalogue';

export const training = defineCatalogue({
  en: {
    title: 'Training',
    lede: 'Federated fine-tuning of algorithms on the sites that hold the data.',
  },
  'zh-CN': {
    title: '训练',
    lede: '在数据所在站点上对算法进行联邦微调。',
  },
});
