import type { Point } from './geometry';
import type { Detection } from './tracked-object';

export type AnchorPoint = 'bottom-center' | 'center' | 'top-center';

/** The point of a box that decides region membership, normalised to the frame. */
export function anchorOf(box: Detection['box'], anchor: AnchorPoint, frame: { width: number; height: number }): Point {
  const x = (box.x + box.width / 2) / frame.width;
  const y = anchor === 'bottom-center' ? box.y + box.height : anchor === 'center' ? box.y + box.height / 2 : box.y;
  return [x, y / frame.height];
}
