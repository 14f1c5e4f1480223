import { randomBytes } from 'node:crypto';

/** 32 random bytes; the prefix lets secret scanners and people recognise a Vigil callback signing secret. */
export function newCallbackSecret(): string {
  return `vcs_${randomBytes(32).toString('base64url')}`;
}
