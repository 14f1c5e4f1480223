import { randomBytes } from 'node:crypto';
import { formatId, type IdKind } from '../lib/ids/ids';

export function newId(kind: IdKind): string {
  return formatId(kind, randomBytes(10));
}
