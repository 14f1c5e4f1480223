import { z } from 'zod';
import type { NodeDefinition } from './node-definition';

export const algorithmNodeConfig = z.strictObject({
  algorithmId: z.string().min(1, 'choose an algorithm'),
  /** Runtime parameters sent to the algorithm server as X-Params (its manifest's params schema). */
  params: z.record(z.string(), z.unknown()).default({}),
  /** Detections below this score are dropped before any rule sees them. */
  minScore: z.number().min(0).max(1).default(0.3),
});

export const algorithmNode = {
  type: 'algorithm',
  label: 'Algorithm',
  description: 'Runs a registered algorithm server on every analysed frame',
  category: 'analysis',
  ports: { inputs: [{ name: 'video', type: 'video' }], outputs: [{ name: 'detections', type: 'detections' }] },
  config: algorithmNodeConfig,
} satisfies NodeDefinition;
