/** Resource id prefixes (DESIGN.md §7): an id says what it names. */
export const idPrefixes = {
  user: 'usr',
  session: 'ses',
  apiToken: 'tok',
  camera: 'cam',
  algorithm: 'alg',
  pipeline: 'pip',
  alarm: 'alm',
  delivery: 'dlv',
  deliveryAttempt: 'dla',
  callbackTarget: 'cbt',
  callbackArrival: 'cba',
  retentionRun: 'ret',
  audit: 'aud',
  trainingJob: 'trj',
  modelVersion: 'mdv',
} as const;

export type IdKind = keyof typeof idPrefixes;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** Builds `<prefix>_<16 base32 chars>` from 10 random bytes supplied by the caller (keeps this module pure). */
export function formatId(kind: IdKind, randomBytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of randomBytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `${idPrefixes[kind]}_${out}`;
}
