import { describe, expect, it } from 'vitest';
import { embeddedIpv4, formatIp, parseIp, parseIpRange, parseIpv4, parseIpv6, rangeContains } from './ip-address';

const v4 = (text: string) => (parseIpv4(text) ? formatIp(parseIpv4(text)!) : undefined);
const v6 = (text: string) => parseIpv6(text)?.bytes.join(',');

describe('parseIpv4', () => {
  it('reads dotted decimal and every inet_aton shorthand as the same address', () => {
    for (const form of ['127.0.0.1', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '127.1', '127.0.1', '0x7F.0.0.0x1', '017700000001', '127.0.0.1.']) {
      expect(v4(form), form).toBe('127.0.0.1');
    }
    expect(v4('169.254.43518')).toBe('169.254.169.254');
    expect(v4('0')).toBe('0.0.0.0');
    expect(v4('0x')).toBe('0.0.0.0');
  });

  it('rejects what is not an address', () => {
    for (const text of ['256.0.0.1', '1.2.3.4.5', '1..2', '08.0.0.1', 'example.com', '4294967296', '1.2.3.256', '1.2.65536', '', 'abc', '1.2.3.-1']) expect(v4(text), text).toBeUndefined();
  });
});

describe('parseIpv6', () => {
  it('expands :: and reads embedded IPv4, brackets and zone ids', () => {
    expect(v6('::1')).toBe([...new Array(15).fill(0), 1].join(','));
    expect(v6('[::1]')).toBe(v6('0:0:0:0:0:0:0:1'));
    expect(v6('fe80::1%eth0')).toBe(v6('fe80:0:0:0:0:0:0:1'));
    expect(v6('::ffff:127.0.0.1')).toBe(v6('::ffff:7f00:1'));
    expect(v6('::')).toBe(new Array(16).fill(0).join(','));
    expect(v6('2001:db8::')).toBe(v6('2001:db8:0:0:0:0:0:0'));
    expect(formatIp(parseIpv6('fd00:ec2::254')!)).toBe('fd00:ec2:0:0:0:0:0:254');
  });

  it('rejects malformed addresses', () => {
    for (const text of ['1:2:3:4:5:6:7:8:9', '1::2::3', ':::', '12345::', '1:2:3:4:5:6:7', '::ffff:1.2.3', 'g::1', '1.2.3.4', '::1.2.3.4:5', '1:2:3:4:5:6:7::8:9']) expect(v6(text), text).toBeUndefined();
  });
});

describe('ranges and embedded IPv4', () => {
  it('matches prefixes of any length, per family', () => {
    const range = parseIpRange('172.16.0.0/12')!;
    expect(rangeContains(range, parseIp('172.31.255.255')!)).toBe(true);
    expect(rangeContains(range, parseIp('172.32.0.0')!)).toBe(false);
    expect(rangeContains(parseIpRange('fc00::/7')!, parseIp('fdff::1')!)).toBe(true);
    expect(rangeContains(parseIpRange('fc00::/7')!, parseIp('fe00::1')!)).toBe(false);
    expect(rangeContains(parseIpRange('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
    expect(rangeContains(parseIpRange('10.0.0.0/8')!, parseIp('::ffff:10.0.0.1')!)).toBe(false);
    expect(parseIpRange('10.0.0.0/33')).toBeUndefined();
    expect(parseIpRange('10.1/8')).toBeUndefined();
    expect(parseIpRange('example.com')).toBeUndefined();
  });

  it('finds the IPv4 inside mapped, compatible, NAT64 and 6to4 addresses', () => {
    const inner = (text: string) => {
      const found = embeddedIpv4(parseIp(text)!);
      return found ? formatIp(found) : undefined;
    };
    expect(inner('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(inner('::ffff:a01:203')).toBe('10.1.2.3');
    expect(inner('::127.0.0.1')).toBe('127.0.0.1');
    expect(inner('64:ff9b::192.168.0.1')).toBe('192.168.0.1');
    expect(inner('2002:a9fe:a9fe::1')).toBe('169.254.169.254');
    expect(inner('::1')).toBeUndefined();
    expect(inner('2001:4860:4860::8888')).toBeUndefined();
  });
});
