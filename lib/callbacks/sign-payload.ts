/**
 * Callback signatures of DESIGN.md §4.3: `X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`,
 * with the timestamp in Unix seconds. Web Crypto keeps this module free of node:* so receivers in the browser,
 * the web app and the worker share one implementation.
 */
export const signatureHeader = 'x-vigil-signature';
export const timestampHeader = 'x-vigil-timestamp';
export const eventIdHeader = 'x-vigil-event-id';

/** How far a signed timestamp may be from the receiver's clock before the request counts as a replay. */
export const defaultToleranceSeconds = 300;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^([0-9a-f]{2})+$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/** The string that is signed: the timestamp binds the body to a moment, so a captured request cannot be replayed later. */
export function signedContent(timestamp: string, body: string): string {
  return `${timestamp}.${body}`;
}

export async function signPayload(secret: string, timestamp: string, body: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(signedContent(timestamp, body)));
  return `sha256=${toHex(mac)}`;
}

/** The three headers a callback carries. */
export async function signatureHeaders(input: { secret: string; eventId: string; timestampSeconds: number; body: string }): Promise<Record<string, string>> {
  const timestamp = String(input.timestampSeconds);
  return {
    [eventIdHeader]: input.eventId,
    [timestampHeader]: timestamp,
    [signatureHeader]: await signPayload(input.secret, timestamp, input.body),
  };
}

export type VerifyResult = { valid: true } | { valid: false; reason: string };

/** Checks a received callback; the comparison is Web Crypto's own (constant time). */
export async function verifySignature(input: {
  secret: string;
  signature: string | null;
  timestamp: string | null;
  body: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): Promise<VerifyResult> {
  if (!input.signature) return { valid: false, reason: `no ${signatureHeader} header` };
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) return { valid: false, reason: `missing or malformed ${timestampHeader} header` };
  const skew = Math.abs(input.nowSeconds - Number(input.timestamp));
  if (skew > (input.toleranceSeconds ?? defaultToleranceSeconds)) return { valid: false, reason: `timestamp is ${skew} s away from now` };
  const mac = input.signature.startsWith('sha256=') ? fromHex(input.signature.slice('sha256='.length)) : undefined;
  if (!mac) return { valid: false, reason: 'signature is not sha256=<hex>' };
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(input.secret, 'verify'), mac, encoder.encode(signedContent(input.timestamp, input.body)));
  return ok ? { valid: true } : { valid: false, reason: 'signature does not match' };
}
