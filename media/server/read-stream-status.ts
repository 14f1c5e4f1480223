import { streamKind, videoCodecName, type MediaStream } from '../../lib/media/stream-status';
import type { NmsBroadcast } from './nms-types';

/** node-media-server's broadcasts → Vigil's stream status (the vendor shape stops here). Rates are bytes/s in, bits/s out. */
export function readStreamStatus(broadcasts: Map<string, NmsBroadcast>, rates: (path: string) => { inBps: number; outBps: number }): MediaStream[] {
  const streams: MediaStream[] = [];
  for (const [path, broadcast] of broadcasts) {
    const [, app = '', name = ''] = path.split('/');
    const publisher = broadcast.publisher;
    const rate = rates(path);
    let outBytes = 0;
    for (const subscriber of broadcast.subscribers.values()) outBytes += subscriber.outBytes || 0;
    streams.push({
      path,
      app,
      name,
      kind: streamKind(app),
      state: broadcast.getPublishStatus(),
      publisher: publisher
        ? {
            protocol: publisher.protocol,
            remoteAddress: publisher.ip,
            since: new Date(publisher.createTime).toISOString(),
            video: publisher.videoCodec
              ? { codec: videoCodecName(publisher.videoCodec), width: publisher.videoWidth, height: publisher.videoHeight, fps: publisher.videoFramerate }
              : null,
          }
        : null,
      players: broadcast.subscribers.size,
      inBitrate: Math.round(rate.inBps * 8),
      outBitrate: Math.round(rate.outBps * 8),
      inBytes: publisher?.inBytes ?? 0,
      outBytes,
    });
  }
  return streams.sort((a, b) => a.path.localeCompare(b.path));
}
