import { classifyAddress, privateNetworkClasses } from './address-class';
import { embeddedIpv4, formatIp, parseIp, parseIpRange, rangeContains, type IpAddress, type IpRange } from './ip-address';

/** The callbackPolicy setting (lib/contracts/settings.ts), as this module reads it. */
export interface CallbackPolicy {
  allowPrivateNetworks: boolean;
  allowList: readonly string[];
  denyList: readonly string[];
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: string };

export interface CheckedCallbackUrl {
  allowed: true;
  /** Host name without brackets or trailing dot, lower case. */
  host: string;
  /** Set when the URL names an address: no DNS lookup, the address itself was checked. */
  literal?: IpAddress;
}

// Names that resolve to the machine itself or to a cloud metadata service without any DNS server being asked.
const loopbackNames = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);
const metadataNames = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

interface CompiledList {
  names: Set<string>;
  ranges: IpRange[];
}

function compileList(entries: readonly string[]): CompiledList {
  const list: CompiledList = { names: new Set(), ranges: [] };
  for (const entry of entries) {
    const value = normaliseHost(entry);
    const range = parseIpRange(value);
    if (range) list.ranges.push(range);
    else list.names.add(value);
  }
  return list;
}

function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

/** An address matches a list by itself or by the IPv4 address it wraps (::ffff:10.0.0.1 is 10.0.0.1). */
function listHasAddress(list: CompiledList, address: IpAddress): IpRange | undefined {
  const forms = [address, embeddedIpv4(address)].filter((form): form is IpAddress => form !== undefined);
  return list.ranges.find((range) => forms.some((form) => rangeContains(range, form)));
}

/**
 * The URL itself: http(s) only, no credentials, then the host — denyList first (it always wins), an address
 * literal is judged like a resolved address, and names of the machine itself or of metadata services are
 * refused without asking DNS. Other names pass here; their addresses are checked at delivery time.
 */
export function checkCallbackUrl(rawUrl: string, policy: CallbackPolicy): CheckedCallbackUrl | { allowed: false; reason: string } {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { allowed: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol} is not allowed (http and https only)` };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in the URL are not allowed' };
  const host = normaliseHost(url.hostname);
  if (!host) return { allowed: false, reason: 'the URL has no host' };
  const literal = parseIp(host);
  if (literal) {
    const decision = checkAddress(host, formatIp(literal), policy);
    return decision.allowed ? { allowed: true, host, literal } : decision;
  }
  const deny = compileList(policy.denyList);
  if (deny.names.has(host)) return { allowed: false, reason: `host ${host} is on the callback deny list` };
  const allow = compileList(policy.allowList);
  if (allow.names.has(host)) return { allowed: true, host };
  if (metadataNames.has(host)) return { allowed: false, reason: `host ${host} is a cloud metadata service` };
  if (loopbackNames.has(host) || host.endsWith('.localhost')) {
    return policy.allowPrivateNetworks ? { allowed: true, host } : { allowed: false, reason: `host ${host} names this machine (loopback)` };
  }
  return { allowed: true, host };
}

/**
 * One address the host resolved to (or the literal of the URL). denyList wins; then an allow-listed host
 * name or address range; then only public addresses, or private/loopback/link-local ones when the policy
 * allows private networks.
 */
export function checkAddress(host: string, addressText: string, policy: CallbackPolicy): PolicyDecision {
  const address = parseIp(addressText);
  if (!address) return { allowed: false, reason: `${addressText} is not an IP address` };
  const name = normaliseHost(host);
  const deny = compileList(policy.denyList);
  if (deny.names.has(name) || listHasAddress(deny, address)) return { allowed: false, reason: `${addressText} (${name}) is on the callback deny list` };
  const allow = compileList(policy.allowList);
  if (allow.names.has(name) || listHasAddress(allow, address)) return { allowed: true };
  const kind = classifyAddress(address);
  if (kind === 'public') return { allowed: true };
  if (policy.allowPrivateNetworks && privateNetworkClasses.has(kind)) return { allowed: true };
  return { allowed: false, reason: `${addressText} (${name}) is a ${kind} address; allow-list it to send callbacks there` };
}

/** All addresses must pass: a name that resolves to one public and one private address is refused. */
export function checkResolvedAddresses(host: string, addresses: readonly string[], policy: CallbackPolicy): PolicyDecision {
  if (addresses.length === 0) return { allowed: false, reason: `${host} resolved to no address` };
  for (const address of addresses) {
    const decision = checkAddress(host, address, policy);
    if (!decision.allowed) return decision;
  }
  return { allowed: true };
}
