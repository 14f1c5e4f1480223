/**
 * The anchor centres (input pixels) of BlazeFace's full-range 256×256 variant, in the model's output order:
 * a 16×16 grid of stride 16 with 2 anchors per cell, then an 8×8 grid of stride 32 with 6 (MediaPipe's SSD setup).
 */
export function blazefaceAnchors(inputSize: number): Float32Array {
  const layers = [
    { stride: inputSize / 16, perCell: 2 },
    { stride: inputSize / 8, perCell: 6 },
  ];
  const centres: number[] = [];
  for (const { stride, perCell } of layers) {
    const cells = Math.ceil(inputSize / stride);
    for (let row = 0; row < cells; row++) {
      for (let column = 0; column < cells; column++) {
        for (let anchor = 0; anchor < perCell; anchor++) centres.push(stride * (column + 0.5), stride * (row + 0.5));
      }
    }
  }
  return Float32Array.from(centres);
}
