import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export interface CallbackRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The addresses the URL policy vetted: the connection goes to one of these and nowhere else. */
  addresses: readonly string[];
}

export interface CallbackResponse {
  status: number;
  retryAfter: string | null;
  /** The start of the answer's body, for the attempt log. */
  bodyExcerpt: string;
}

const excerptBytes = 512;

/**
 * POSTs the callback with DNS pinned to the vetted addresses: a resolver that answers differently on the
 * second lookup (DNS rebinding) cannot redirect the connection to an address the policy never saw.
 * Redirects are not followed; no connection pooling, so no socket outlives the check that allowed it.
 */
export function postCallback(request: CallbackRequest): Promise<CallbackResponse> {
  const url = new URL(request.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: pinnedLookup(request.addresses),
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] ?? null,
            bodyExcerpt: Buffer.concat(chunks).subarray(0, excerptBytes).toString('utf8'),
          });
        response.on('data', (chunk: Buffer) => {
          if (size < excerptBytes) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

function pinnedLookup(addresses: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    // Node passes the family as a number, but its type (and older callers) also allow 'IPv4' / 'IPv6'.
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const entries = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })).filter((entry) => !family || entry.family === family);
    const first = entries[0];
    if (!first) {
      callback(Object.assign(new Error(`no vetted address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (options.all) callback(null, entries);
    else callback(null, first.address, first.family);
  };
}
