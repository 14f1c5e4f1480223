import pino, { type DestinationStream, type Logger } from 'pino';
import { redactUrlCredentials } from '../lib/redact-url';

export type { Logger };

// Keys that may hold secrets anywhere in a log object; pino replaces their values before writing.
const redactedPaths = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'signingKey',
  '*.signingKey',
  'authorization',
  '*.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'credentials',
  '*.credentials',
];

/** Structured JSON logs; URL credentials are scrubbed from every message and string field. */
export function createLogger(options: { level: string; destination?: DestinationStream; name?: string }): Logger {
  return pino(
    {
      name: options.name ?? 'vigil',
      level: options.level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactUrlCredentials(arg) : scrubStrings(arg)));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}

function scrubStrings(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? redactUrlCredentials(item) : scrubStrings(item, depth + 1)));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = typeof item === 'string' ? redactUrlCredentials(item) : scrubStrings(item, depth + 1);
  }
  return out;
}
