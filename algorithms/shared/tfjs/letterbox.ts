import * as tf from '@tensorflow/tfjs';
import type { RgbFrame } from '../detector.port';

/** How a frame was fitted into a model input: multiply model-input pixels by `scale` to get frame pixels. */
export interface Letterbox {
  inputWidth: number;
  inputHeight: number;
  scale: number;
}

/**
 * Resizes a frame keeping its aspect ratio so that it fits `width`×`height`, padding right and bottom with black
 * (padding at the far edges keeps the mapping back to frame pixels a single scale factor). Returns a float32
 * [1, height, width, 3] tensor of 0–255 values; callers cast or normalise it.
 */
export function letterbox(frame: RgbFrame, width: number, height: number): { tensor: tf.Tensor4D; box: Letterbox } {
  const fit = Math.min(width / frame.width, height / frame.height);
  const resizedWidth = Math.max(1, Math.round(frame.width * fit));
  const resizedHeight = Math.max(1, Math.round(frame.height * fit));
  const tensor = tf.tidy(() => {
    const image = tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
    const resized = tf.image.resizeBilinear(image, [resizedHeight, resizedWidth]);
    return tf.pad(resized, [[0, height - resizedHeight], [0, width - resizedWidth], [0, 0]]).expandDims(0) as tf.Tensor4D;
  });
  return { tensor, box: { inputWidth: width, inputHeight: height, scale: frame.width / resizedWidth } };
}

/** The model input size for a frame: long side `longSide`, the other rounded up to a multiple of `multiple`. */
export function fitInputSize(frame: Pick<RgbFrame, 'width' | 'height'>, longSide: number, multiple: number): { width: number; height: number } {
  const fit = longSide / Math.max(frame.width, frame.height);
  const roundUp = (value: number) => Math.max(multiple, Math.ceil((value * fit) / multiple) * multiple);
  return { width: roundUp(frame.width), height: roundUp(frame.height) };
}
