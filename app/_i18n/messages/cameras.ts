import { defineCatalogue } from '../define-catalogue';

export const cameras = defineCatalogue({
  en: {
    title: 'Cameras',
    lede: 'The video sources (RTSP, RTMP and files) with their status and snapshots.',
  },
  'zh-CN': {
    title: '摄像头',
    lede: '视频源（RTSP、RTMP 与文件）及其状态和快照。',
  },
});
