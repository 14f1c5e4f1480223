import { z } from 'zod';

/** What the media server says about one stream: Vigil's shape, not node-media-server's (converted in media/server). */
export const mediaStreamSchema = z.object({
  /** `/app/name`, e.g. `/relay/cam_…` or `/live/pip_…_cam_…`. */
  path: z.string(),
  app: z.string(),
  name: z.string(),
  /** relay: a camera's single copy · restream: annotated video · alias: the seed's echostream path · other: published by hand. */
  kind: z.enum(['relay', 'restream', 'alias', 'other']),
  /** reconnecting: the publisher left less than 30 s ago and may resume; players stay attached. */
  state: z.enum(['publishing', 'reconnecting', 'idle']),
  publisher: z
    .object({
      protocol: z.string(),
      remoteAddress: z.string(),
      since: z.string().describe('ISO-8601'),
      video: z.object({ codec: z.string(), width: z.number().int(), height: z.number().int(), fps: z.number() }).nullable(),
    })
    .nullable(),
  /** Connected players (HTTP-FLV, WS-FLV, RTMP), relays and analyzers reading the stream included. */
  players: z.number().int(),
  /** Bits per second over the last ~5 s. */
  inBitrate: z.number(),
  outBitrate: z.number(),
  inBytes: z.number(),
  outBytes: z.number(),
});
export type MediaStream = z.infer<typeof mediaStreamSchema>;

/** GET /streams of the media process's status endpoint. */
export const mediaServerStatusSchema = z.object({
  startedAt: z.string(),
  rtmpPort: z.number().int(),
  flvPort: z.number().int(),
  streams: z.array(mediaStreamSchema),
});
export type MediaServerStatus = z.infer<typeof mediaServerStatusSchema>;

/** GET /api/v1/streams. */
export const streamsResponseSchema = z.object({
  server: z.object({
    state: z.enum(['up', 'disabled']),
    startedAt: z.string().optional(),
    rtmpPort: z.number().int(),
    flvPort: z.number().int(),
  }),
  items: z.array(mediaStreamSchema.extend({ urls: z.object({ flv: z.string(), rtmp: z.string() }) })),
});
export type StreamsResponse = z.infer<typeof streamsResponseSchema>;

export function streamKind(app: string): MediaStream['kind'] {
  if (app === 'relay') return 'relay';
  if (app === 'live') return 'restream';
  if (app === 'echostream') return 'alias';
  return 'other';
}

/** FLV/RTMP codec ids as node-media-server reports them. */
export function videoCodecName(codecId: number): string {
  return ({ 7: 'h264', 12: 'hevc', 13: 'av1' } as Record<number, string>)[codecId] ?? `codec-${codecId}`;
}
