import { parseArgs } from 'node:util';

export interface ServerOptions {
  port: number;
  host: string;
  logLevel: string;
  /** How many requests may wait behind the running inference before 503. */
  queueSize: number;
  maxBodyBytes: number;
}

/**
 * Settings for an algorithm server, a separate program from the platform (it may run in its own container), so it
 * does not load the platform's server/config.ts: argv first, then the PORT variable that container runtimes set.
 */
export function readServerOptions(argv: string[] = process.argv.slice(2)): ServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      'log-level': { type: 'string', default: 'info' },
      'queue-size': { type: 'string', default: '4' },
      'max-body-bytes': { type: 'string', default: String(32 * 1024 * 1024) },
    },
    strict: true,
  });
  // eslint-disable-next-line no-restricted-properties -- a standalone algorithm process: PORT is its whole environment contract.
  const port = readInteger('--port', values.port ?? process.env.PORT ?? '8080', 0, 65_535);
  return {
    port,
    host: values.host,
    logLevel: values['log-level'],
    queueSize: readInteger('--queue-size', values['queue-size'], 0, 1000),
    maxBodyBytes: readInteger('--max-body-bytes', values['max-body-bytes'], 1, 1024 * 1024 * 1024),
  };
}

function readInteger(name: string, text: string, low: number, high: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < low || value > high) throw new Error(`${name} must be a whole number from ${low} to ${high}, got "${text}"`);
  return value;
}
