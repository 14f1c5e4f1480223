/** Keyset cursor over (time, id) descending: stable under inserts, unlike offsets. Opaque base64url JSON. */
export interface TimeIdCursor {
  t: string;
  id: string;
}

export function encodeCursor(cursor: TimeIdCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(value: string): TimeIdCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as TimeIdCursor).t === 'string' && typeof (parsed as TimeIdCursor).id === 'string') {
      return { t: (parsed as TimeIdCursor).t, id: (parsed as TimeIdCursor).id };
    }
  } catch {
    // fall through: reported as invalid by the caller
  }
  return undefined;
}
