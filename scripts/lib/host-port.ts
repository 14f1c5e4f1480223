/** Splits "host:port" (also "[::1]:7233"); a missing or invalid port is a configuration error, named. */
export function parseHostPort(address: string, setting: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(address);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (!host || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${setting} must look like host:port (got "${address}")`);
  }
  return { host, port };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0']);

/** Only an address on this machine can be served by a Temporal dev server we start ourselves. */
export function isLocalHost(host: string): boolean {
  return loopbackHosts.has(host);
}
