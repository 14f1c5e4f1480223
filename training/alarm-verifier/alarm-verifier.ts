import type { ModelWeights } from '../../lib/federated/weights';
import { createMlpTrainable, predictProbabilities } from '../mlp/mlp-trainable';
import { alarmCropSize, alarmVerifierShape, trueAlarmClass } from './alarm-verifier-shape';

export { alarmCropSize, alarmVerifierClasses } from './alarm-verifier-shape';

/**
 * Scores an alarm's object crop as true or false alarm, learnt at each site from the labels its operators
 * give in the UI (issue 7, 2b): a small dense network over 32×32 grey crops, cheap enough to train on a
 * site's CPU between alarms.
 */
export const alarmVerifierTrainable = createMlpTrainable({
  name: 'alarm-verifier',
  width: alarmCropSize,
  height: alarmCropSize,
  shape: alarmVerifierShape,
});

/**
 * The probability that each crop (32×32 grey, from cropToGrey) shows a true alarm: the same network and pixel
 * scaling that training and evaluation use, so an analyzer scores exactly what the sites learnt.
 */
export async function scoreAlarmCrops(weights: ModelWeights, crops: readonly Uint8Array[]): Promise<number[]> {
  const size = alarmCropSize * alarmCropSize;
  const inputs = new Float32Array(crops.length * size);
  crops.forEach((crop, index) => {
    if (crop.length !== size) throw new Error(`an alarm crop has ${crop.length} pixels; the verifier takes ${alarmCropSize}×${alarmCropSize}`);
    for (let pixel = 0; pixel < size; pixel += 1) inputs[index * size + pixel] = crop[pixel]! / 255;
  });
  const probabilities = await predictProbabilities(weights, inputs, alarmVerifierShape);
  return crops.map((_, index) => probabilities[index * alarmVerifierShape.classes + trueAlarmClass]!);
}
