import type { IncomingMessage } from 'node:http';
import { RequestError } from './request-error';

/**
 * Reads the whole body, refusing more than maxBytes. An announced Content-Length over the limit is refused before
 * reading; a chunked body is drained so the client can read the 413, and cut off if it goes on far past the limit.
 */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = (received: string) =>
    new RequestError(413, 'body_too_large', `the body is ${received}; this server accepts at most ${maxBytes} bytes (--max-body-bytes)`);
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) {
    request.resume();
    throw tooLarge(`${announced} bytes`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.byteLength;
    if (received > maxBytes * 4) {
      request.destroy();
      throw tooLarge(`over ${maxBytes * 4} bytes`);
    }
    if (received <= maxBytes) chunks.push(chunk);
  }
  if (received > maxBytes) throw tooLarge(`${received} bytes`);
  return Buffer.concat(chunks, received);
}
