import { z } from 'zod';
import type { Detection } from '../analysis/tracked-object';

const evObject = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
  name: z.string(),
  confidence: z.number().min(0).max(1),
});

/** The EV_SDK 4.0 output protocol every algorithm server answers /v1/infer with (notes/extreme-vision.md §1). */
export const evOutputSchema = z.object({
  algorithm_data: z.object({ is_alert: z.boolean(), target_info: z.array(evObject) }).passthrough(),
  model_data: z.object({ objects: z.array(evObject) }).passthrough(),
});
export type EvOutput = z.infer<typeof evOutputSchema>;

/** EV objects → detections; `model_data.objects` is what Vigil's rules work on. */
export function detectionsFromEv(output: EvOutput): Detection[] {
  return output.model_data.objects.map((object) => ({
    label: object.name,
    score: object.confidence,
    box: { x: object.x, y: object.y, width: object.width, height: object.height },
  }));
}
