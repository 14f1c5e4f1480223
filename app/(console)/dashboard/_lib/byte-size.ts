const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;
export type ByteUnit = (typeof units)[number];

/** A byte count in the largest decimal unit that keeps it at 1 or more, for Intl's unit formatting (GB, 千兆字节 …). */
export function byteSize(bytes: number): { value: number; unit: ByteUnit } {
  let value = bytes;
  let index = 0;
  while (Math.abs(value) >= 1000 && index < units.length - 1) {
    value /= 1000;
    index += 1;
  }
  return { value, unit: units[index]! };
}
