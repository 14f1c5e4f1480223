import { describe, expect, it } from 'vitest';
import { checkAddress, checkCallbackUrl, checkResolvedAddresses, type CallbackPolicy } from './url-policy';

const closed: CallbackPolicy = { allowPrivateNetworks: false, allowList: [], denyList: [] };
const allowed = (url: string, policy: CallbackPolicy = closed) => checkCallbackUrl(url, policy).allowed;
const reason = (url: string, policy: CallbackPolicy = closed) => {
  const decision = checkCallbackUrl(url, policy);
  return decision.allowed ? undefined : decision.reason;
};

describe('checkCallbackUrl: syntax', () => {
  it('accepts http and https URLs of public hosts', () => {
    expect(allowed('https://hooks.example.com/vigil')).toBe(true);
    expect(allowed('http://93.184.216.34:8080/cb?x=1')).toBe(true);
    expect(allowed('http://[2606:4700::1111]/')).toBe(true);
  });

  it('refuses other schemes, credentials and garbage', () => {
    expect(reason('ftp://example.com/')).toMatch(/scheme ftp:/);
    expect(reason('file:///etc/passwd')).toMatch(/scheme file:/);
    expect(reason('javascript:alert(1)')).toMatch(/scheme/);
    expect(reason('https://user:pw@example.com/')).toMatch(/credentials/);
    expect(reason('https://user@example.com/')).toMatch(/credentials/);
    expect(reason('not a url')).toMatch(/not a valid URL/);
  });
});

describe('checkCallbackUrl: address literals in every spelling', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[64:ff9b::7f00:1]/', 'loopback'],
    ['http://10.0.0.5/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.254/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://0xc0a80101/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://0xa9fea9fe/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://240.0.0.1/', 'reserved'],
  ])('%s is refused as %s', (url, kind) => {
    expect(reason(url)).toContain(`a ${kind} address`);
  });

  it('does not mistake public addresses near private ranges', () => {
    for (const url of ['http://172.15.255.255/', 'http://172.32.0.0/', 'http://11.0.0.1/', 'http://192.169.0.1/', 'http://169.253.1.1/', 'http://[2001:4860:4860::8888]/', 'http://100.128.0.1/']) {
      expect(allowed(url), url).toBe(true);
    }
  });
});

describe('checkCallbackUrl: names', () => {
  it('refuses names of this machine and of metadata services without asking DNS', () => {
    for (const url of ['http://localhost/', 'http://LOCALHOST./', 'http://api.localhost/', 'http://localhost.localdomain/', 'http://ip6-localhost/']) expect(reason(url), url).toMatch(/loopback/);
    expect(reason('http://metadata.google.internal/computeMetadata/v1/')).toMatch(/metadata/);
  });

  it('passes other names on for the resolved-address check', () => {
    expect(checkCallbackUrl('https://Hooks.Example.COM./x', closed)).toEqual({ allowed: true, host: 'hooks.example.com' });
  });
});

describe('allowList, denyList and allowPrivateNetworks', () => {
  const policy: CallbackPolicy = { allowPrivateNetworks: false, allowList: ['127.0.0.1', '10.20.0.0/16', 'receiver.internal', 'fd00:1::/32'], denyList: ['10.20.30.0/24', 'evil.example.com', '203.0.113.7'] };

  it('allows listed addresses, ranges and names', () => {
    expect(allowed('http://127.0.0.1:8080/cb', policy)).toBe(true);
    expect(allowed('http://[::ffff:127.0.0.1]/', policy)).toBe(true);
    expect(allowed('http://10.20.1.2/', policy)).toBe(true);
    expect(allowed('http://[fd00:1::5]/', policy)).toBe(true);
    expect(checkAddress('receiver.internal', '192.168.7.7', policy)).toEqual({ allowed: true });
    expect(allowed('http://127.0.0.2/', policy)).toBe(false);
  });

  it('lets denyList win over allowList and over public addresses', () => {
    expect(reason('http://10.20.30.40/', policy)).toMatch(/deny list/);
    expect(reason('https://evil.example.com/', policy)).toMatch(/deny list/);
    expect(reason('http://203.0.113.7/', policy)).toMatch(/deny list/);
    expect(checkAddress('fine.example.com', '10.20.30.1', policy)).toMatchObject({ allowed: false });
    expect(checkAddress('evil.example.com', '93.184.216.34', policy)).toMatchObject({ allowed: false });
  });

  it('opens loopback, private and link-local with allowPrivateNetworks, but never metadata or multicast', () => {
    const open = { ...closed, allowPrivateNetworks: true };
    for (const url of ['http://127.0.0.1/', 'http://localhost/', 'http://10.1.1.1/', 'http://[fe80::1]/', 'http://169.254.10.10/']) expect(allowed(url, open), url).toBe(true);
    for (const url of ['http://169.254.169.254/', 'http://224.0.0.1/', 'http://0.0.0.0/', 'http://metadata.google.internal/']) expect(allowed(url, open), url).toBe(false);
  });

  it('allows the metadata address only when it is listed explicitly', () => {
    expect(allowed('http://169.254.169.254/', { ...closed, allowList: ['169.254.169.254'] })).toBe(true);
  });
});

describe('checkResolvedAddresses', () => {
  it('refuses a name when any of its addresses is refused (DNS rebinding, mixed answers)', () => {
    expect(checkResolvedAddresses('mixed.example.com', ['93.184.216.34', '10.0.0.1'], closed)).toMatchObject({ allowed: false, reason: expect.stringContaining('10.0.0.1') });
    expect(checkResolvedAddresses('ok.example.com', ['93.184.216.34', '2606:4700::1111'], closed)).toEqual({ allowed: true });
    expect(checkResolvedAddresses('v6.example.com', ['::ffff:192.168.0.1'], closed)).toMatchObject({ allowed: false });
    expect(checkResolvedAddresses('none.example.com', [], closed)).toMatchObject({ allowed: false, reason: expect.stringContaining('no address') });
    expect(checkResolvedAddresses('weird.example.com', ['not-an-ip'], closed)).toMatchObject({ allowed: false });
  });
});
