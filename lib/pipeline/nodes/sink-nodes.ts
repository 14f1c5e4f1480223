import { z } from 'zod';
import type { NodeDefinition } from './node-definition';

const eventsInput = { inputs: [{ name: 'events', type: 'events' as const }], outputs: [] };

export const callbackNodeConfig = z.strictObject({
  url: z
    .string()
    .url('a URL')
    .max(2048)
    .refine((url) => /^https?:\/\//i.test(url), 'callback URLs must be http:// or https://'),
  timeoutSeconds: z.number().int().min(1).max(60).default(10),
});

export const callbackNode = {
  type: 'callback',
  label: 'HTTP callback',
  description: 'POSTs each alarm event, signed with HMAC-SHA256, retried with backoff',
  category: 'sink',
  ports: eventsInput,
  config: callbackNodeConfig,
} satisfies NodeDefinition;

export const websocketNode = {
  type: 'websocket',
  label: 'WebSocket',
  description: 'Pushes alarm events to browsers and clients on /ws',
  category: 'sink',
  ports: eventsInput,
  config: z.strictObject({ channel: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -').default('alarms') }),
} satisfies NodeDefinition;

export const recordNode = {
  type: 'record',
  label: 'Snapshot store',
  description: 'Keeps an annotated snapshot (and optionally a clip) of each alarm',
  category: 'sink',
  ports: eventsInput,
  config: z.strictObject({ snapshot: z.boolean().default(true), clipSeconds: z.number().int().min(0).max(60).default(0) }),
} satisfies NodeDefinition;

export const restreamNode = {
  type: 'restream',
  label: 'Annotated restream',
  description: 'Frames with boxes and regions drawn, pushed as RTMP and playable as HTTP-FLV',
  category: 'sink',
  ports: { inputs: [{ name: 'detections', type: 'detections' as const }], outputs: [] },
  config: z.strictObject({
    bitrateKbps: z.number().int().min(100).max(20_000).default(1500),
    drawRegions: z.boolean().default(true),
    drawLabels: z.boolean().default(true),
  }),
} satisfies NodeDefinition;
