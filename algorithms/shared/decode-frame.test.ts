import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode-frame';

const raw = (width: string, height: string) => ({ 'content-type': 'application/octet-stream', 'x-frame-width': width, 'x-frame-height': height });

describe('decodeFrame', () => {
  it('takes raw RGB24 of exactly width × height × 3 bytes', async () => {
    const frame = await decodeFrame(raw('4', '2'), Buffer.alloc(24, 7));
    expect(frame).toMatchObject({ width: 4, height: 2 });
    expect(frame.data.byteLength).toBe(24);
    await expect(decodeFrame(raw('4', '2'), Buffer.alloc(23))).rejects.toMatchObject({ status: 400, code: 'bad_frame_size' });
    await expect(decodeFrame(raw('4.5', '2'), Buffer.alloc(27))).rejects.toMatchObject({ status: 400, code: 'bad_frame_size' });
    await expect(decodeFrame(raw('0', '2'), Buffer.alloc(0))).rejects.toMatchObject({ status: 400, code: 'bad_frame_size' });
  });

  it('decodes JPEG, grey ones included, to three channels', async () => {
    const grey = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#808080' } }).greyscale().jpeg().toBuffer();
    const frame = await decodeFrame({ 'content-type': 'image/jpeg; charset=binary' }, grey);
    expect(frame).toMatchObject({ width: 8, height: 6 });
    expect(frame.data.byteLength).toBe(8 * 6 * 3);
  });

  it('refuses other content types with 415 and empty or broken JPEGs with 400', async () => {
    await expect(decodeFrame({ 'content-type': 'image/png' }, Buffer.alloc(1))).rejects.toMatchObject({ status: 415 });
    await expect(decodeFrame({}, Buffer.alloc(1))).rejects.toMatchObject({ status: 415, message: expect.stringContaining('(none)') });
    await expect(decodeFrame({ 'content-type': 'image/jpeg' }, Buffer.alloc(0))).rejects.toMatchObject({ status: 400, code: 'empty_body' });
    await expect(decodeFrame({ 'content-type': 'image/jpeg' }, Buffer.from([0xff, 0xd8, 0xff]))).rejects.toMatchObject({ status: 400, code: 'bad_image' });
  });
});
