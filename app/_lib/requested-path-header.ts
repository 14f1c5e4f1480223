/** Set by the root proxy.ts, read by the console layout. */
export const requestedPathHeader = 'x-vigil-requested-path';
