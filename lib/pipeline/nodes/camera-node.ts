import { z } from 'zod';
import type { NodeDefinition } from './node-definition';

export const cameraNodeConfig = z.strictObject({
  cameraId: z.string().min(1, 'choose a camera'),
  /** Analysis frame rate and size: the analyzer decodes at this rate, whatever the camera sends. */
  fps: z.number().int().min(1).max(30).default(5),
  width: z.number().int().min(64).max(3840).default(640),
  height: z.number().int().min(64).max(2160).default(360),
});

export const cameraNode = {
  type: 'camera',
  label: 'Camera',
  description: 'A registered camera stream, decoded at the analysis rate',
  category: 'source',
  ports: { inputs: [], outputs: [{ name: 'video', type: 'video' }] },
  config: cameraNodeConfig,
} satisfies NodeDefinition;
