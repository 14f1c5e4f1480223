import sharp from 'sharp';
import type { Roi } from '../lib/geometry/roi';
import { buildOverlaySvg, type OverlayObject } from '../lib/analysis/overlay-svg';

/** The alarm's frame as JPEG with its boxes and regions drawn (only at alarm time, so SVG quality is affordable). */
export async function renderSnapshot(frame: { data: Buffer; width: number; height: number }, objects: OverlayObject[], regions: Roi[]): Promise<Buffer> {
  const overlay = Buffer.from(buildOverlaySvg(frame, objects, regions));
  return sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } })
    .composite([{ input: overlay, top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}
