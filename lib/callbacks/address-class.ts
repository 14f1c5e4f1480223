import { embeddedIpv4, parseIpRange, rangeContains, type IpAddress, type IpRange } from './ip-address';

/** What kind of network an address belongs to; only `public` is reachable by callbacks without an allow-list entry. */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'unspecified' | 'multicast' | 'broadcast' | 'reserved';

/** Classes `allowPrivateNetworks` opens up; the rest (metadata, unspecified, multicast, …) need an explicit allow-list entry. */
export const privateNetworkClasses: ReadonlySet<AddressClass> = new Set(['loopback', 'private', 'link-local']);

// Order matters: the first match wins, so the metadata hosts come before the link-local and shared ranges holding them.
const table: [AddressClass, string[]][] = [
  ['metadata', ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']],
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fec0::/10']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['broadcast', ['255.255.255.255']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  ['reserved', ['192.0.0.0/24', '192.0.2.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4', '100::/64', '2001:db8::/32']],
];

const ranges: [AddressClass, IpRange][] = table.flatMap(([kind, texts]) => texts.map((text) => [kind, parseIpRange(text)!] as [AddressClass, IpRange]));

/** Classifies an address; an IPv6 wrapper around an IPv4 address (mapped, NAT64, 6to4) is judged by the IPv4 inside. */
export function classifyAddress(address: IpAddress): AddressClass {
  const inner = embeddedIpv4(address);
  if (inner) return classifyAddress(inner);
  return ranges.find(([, range]) => rangeContains(range, address))?.[0] ?? 'public';
}
