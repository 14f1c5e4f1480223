import { lookup } from 'node:dns/promises';

/** Host name → every address it resolves to; injectable so tests can point a name at a chosen address. */
export type ResolveHost = (host: string) => Promise<string[]>;

/** The system resolver (getaddrinfo, as connections use it: /etc/hosts included). */
export const resolveHostWithSystemDns: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
