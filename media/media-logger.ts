import type { Logger } from '../server/logger';

/** The part of a pino logger the media layer uses; stream URLs reach it only through redactUrlCredentials. */
export type MediaLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

const ignore = () => undefined;

/** For callers (benchmarks, tests) that want no logs. */
export const silentLogger: MediaLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore } as unknown as MediaLogger;
