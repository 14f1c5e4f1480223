import sharp from 'sharp';
import type { AlarmEvent } from '../../lib/contracts/alarms';
import { alarmCropSize } from './alarm-verifier-shape';

type Box = AlarmEvent['objects'][number]['box'];

/** The object's box with 10 % context around it, as 32×32 grey pixels (boxes in pixels, or normalised 0–1). */
export async function cropToGrey(jpeg: Buffer, box: Box): Promise<Uint8Array> {
  const image = sharp(jpeg);
  const { width = 0, height = 0 } = await image.metadata();
  const normalised = box.x <= 1 && box.y <= 1 && box.width <= 1 && box.height <= 1;
  const scale = normalised ? { x: width, y: height } : { x: 1, y: 1 };
  const padX = box.width * scale.x * 0.1;
  const padY = box.height * scale.y * 0.1;
  const left = clamp(Math.floor(box.x * scale.x - padX), 0, width - 1);
  const top = clamp(Math.floor(box.y * scale.y - padY), 0, height - 1);
  const right = clamp(Math.ceil((box.x + box.width) * scale.x + padX), left + 1, width);
  const bottom = clamp(Math.ceil((box.y + box.height) * scale.y + padY), top + 1, height);
  const pixels = await image
    .extract({ left, top, width: right - left, height: bottom - top })
    .greyscale()
    .resize(alarmCropSize, alarmCropSize, { fit: 'fill' })
    .raw()
    .toBuffer();
  return new Uint8Array(pixels);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
