import type { IncomingHttpHeaders } from 'node:http';
import sharp from 'sharp';
import type { RgbFrame } from './detector.port';
import { RequestError } from './request-error';

/** Larger frames are refused: 8192×8192 RGB is 192 MiB, far past any camera an analyzer decodes. */
export const maxFrameSide = 8192;

/** Turns an /v1/infer body into an RGB24 frame: JPEG decoded by sharp, or raw RGB24 sized by X-Frame-Width/Height. */
export async function decodeFrame(headers: IncomingHttpHeaders, body: Buffer): Promise<RgbFrame> {
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType === 'image/jpeg') return decodeJpeg(body);
  if (contentType === 'application/octet-stream') return readRawFrame(headers, body);
  throw new RequestError(
    415,
    'unsupported_content_type',
    `Content-Type "${contentType || '(none)'}" is not accepted: send image/jpeg, or application/octet-stream (raw RGB24) with X-Frame-Width and X-Frame-Height`,
  );
}

async function decodeJpeg(body: Buffer): Promise<RgbFrame> {
  if (body.byteLength === 0) throw new RequestError(400, 'empty_body', 'the body is empty: send one JPEG image');
  try {
    const { data, info } = await sharp(body, { limitInputPixels: maxFrameSide * maxFrameSide, failOn: 'error' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels, expected 3`);
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (error) {
    throw new RequestError(400, 'bad_image', `the body is not a decodable JPEG image: ${(error as Error).message}`);
  }
}

function readRawFrame(headers: IncomingHttpHeaders, body: Buffer): RgbFrame {
  const width = readDimension(headers, 'x-frame-width');
  const height = readDimension(headers, 'x-frame-height');
  const expected = width * height * 3;
  if (body.byteLength !== expected) {
    throw new RequestError(
      400,
      'bad_frame_size',
      `the body has ${body.byteLength} bytes, but a ${width}x${height} RGB24 frame has ${expected} (width × height × 3)`,
      { width, height, expectedBytes: expected, receivedBytes: body.byteLength },
    );
  }
  return { width, height, data: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
}

function readDimension(headers: IncomingHttpHeaders, name: 'x-frame-width' | 'x-frame-height'): number {
  const raw = headers[name];
  const header = name === 'x-frame-width' ? 'X-Frame-Width' : 'X-Frame-Height';
  if (raw === undefined) throw new RequestError(400, 'missing_frame_size', `raw RGB24 bodies need the ${header} header (pixels)`);
  const value = Number(raw);
  if (!/^\d+$/.test(String(raw)) || value < 1 || value > maxFrameSide) {
    throw new RequestError(400, 'bad_frame_size', `${header} must be a whole number of pixels from 1 to ${maxFrameSide}, got "${String(raw)}"`);
  }
  return value;
}
