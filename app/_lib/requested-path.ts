import { headers } from 'next/headers';
import { requestedPathHeader } from './requested-path-header';

/** The path + query of the page being rendered (forwarded by the root proxy.ts), or undefined. */
export async function readRequestedPath(): Promise<string | undefined> {
  return (await headers()).get(requestedPathHeader) ?? undefined;
}
