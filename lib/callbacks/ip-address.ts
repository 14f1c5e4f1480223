/** An IP address as its bytes (4 for IPv4, 16 for IPv6): the one form that range checks compare. */
export interface IpAddress {
  version: 4 | 6;
  bytes: readonly number[];
}

export interface IpRange {
  address: IpAddress;
  prefix: number;
}

/**
 * IPv4 as inet_aton reads it (and browsers, and many HTTP clients): 1–4 dot-separated parts, each decimal,
 * 0x-hex or 0-octal, the last filling the remaining bytes. `2130706433`, `0x7f.1` and `0177.0.0.1` are all
 * 127.0.0.1 — an SSRF filter that only knows dotted decimal is bypassed by them.
 */
export function parseIpv4(text: string): IpAddress | undefined {
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  const parts = trimmed.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const value = parseIpv4Part(part);
    if (value === undefined) return undefined;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((value) => value > 255)) return undefined;
  const lastBytes = 4 - values.length;
  if (last >= 256 ** lastBytes) return undefined;
  const bytes = [...values];
  for (let index = lastBytes - 1; index >= 0; index -= 1) bytes.push(Math.floor(last / 256 ** index) % 256);
  return { version: 4, bytes };
}

function parseIpv4Part(part: string): number | undefined {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return Number.parseInt(part.slice(1), 8);
  if (/^(0|[1-9]\d*)$/.test(part)) return Number(part);
  return undefined;
}

/** IPv6 with `::` compression, an embedded dotted IPv4 tail, optional brackets and zone id (`fe80::1%eth0`). */
export function parseIpv6(text: string): IpAddress | undefined {
  let value = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (!value.includes(':')) return undefined;
  const halves = value.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  const head = parseWords(halves[0]!, !compressed);
  const tail = compressed ? parseWords(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return { version: 6, bytes: words.flatMap((word) => [word >> 8, word & 0xff]) };
}

/** Colon-separated 16-bit groups; a dotted IPv4 is allowed as the last group of the address only. */
function parseWords(text: string, mayEndWithIpv4: boolean): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const words: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (mayEndWithIpv4 && index === groups.length - 1 && group.includes('.')) {
      const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(group) ? parseIpv4(group) : undefined;
      if (!v4) return undefined;
      words.push(v4.bytes[0]! * 256 + v4.bytes[1]!, v4.bytes[2]! * 256 + v4.bytes[3]!);
    } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
      words.push(Number.parseInt(group, 16));
    } else {
      return undefined;
    }
  }
  return words;
}

export function parseIp(text: string): IpAddress | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** `10.0.0.0/8`, `fc00::/7`, or a bare address (a /32 or /128). */
export function parseIpRange(text: string): IpRange | undefined {
  const [addressText, prefixText, extra] = text.split('/');
  if (extra !== undefined || !addressText) return undefined;
  // Ranges are written by people in settings: only canonical dotted IPv4 here, never the inet_aton shorthands.
  const address = addressText.includes(':') ? parseIpv6(addressText) : /^\d{1,3}(\.\d{1,3}){3}$/.test(addressText) ? parseIpv4(addressText) : undefined;
  if (!address) return undefined;
  const maxPrefix = address.bytes.length * 8;
  const prefix = prefixText === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= maxPrefix)) return undefined;
  return { address, prefix };
}

export function rangeContains(range: IpRange, address: IpAddress): boolean {
  if (range.address.version !== address.version) return false;
  let bits = range.prefix;
  for (let index = 0; bits > 0; index += 1, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((range.address.bytes[index]! & mask) !== (address.bytes[index]! & mask)) return false;
  }
  return true;
}

/**
 * The IPv4 address an IPv6 address carries, where it is only a wrapper around one: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002:AABB:CCDD::/48).
 */
export function embeddedIpv4(address: IpAddress): IpAddress | undefined {
  if (address.version !== 6) return undefined;
  const b = address.bytes;
  const zeros = (from: number, to: number) => b.slice(from, to).every((byte) => byte === 0);
  const tail = { version: 4 as const, bytes: b.slice(12, 16) };
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return tail;
  if (zeros(0, 12) && !zeros(12, 15)) return tail;
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return tail;
  if (b[0] === 0x20 && b[1] === 0x02) return { version: 4, bytes: b.slice(2, 6) };
  return undefined;
}

export function formatIp(address: IpAddress): string {
  if (address.version === 4) return address.bytes.join('.');
  const words = [];
  for (let index = 0; index < 16; index += 2) words.push(((address.bytes[index]! << 8) | address.bytes[index + 1]!).toString(16));
  return words.join(':');
}
