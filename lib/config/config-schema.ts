import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(1).max(65_535);

/** Every setting Vigil reads from its environment, with the embedded defaults of a one-box install. */
export const configSchema = z.object({
  VIGIL_PORT: port.default(3000),
  VIGIL_HOST: z.string().default('0.0.0.0'),
  /** The seed platform's websocket port; the same feed as /ws on the web port. 0 turns the alias off. */
  VIGIL_WS_ALIAS_PORT: z.coerce.number().int().min(0).max(65_535).default(5200),
  VIGIL_DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().optional(),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_UI_PORT: port.default(8233),
  VIGIL_TASK_QUEUE: z.string().default('vigil'),
  VIGIL_TEMPORAL_BIN: z.string().optional(),
  VIGIL_SECRET_KEY: z.string().optional(),
  VIGIL_ADMIN_USERNAME: z.string().min(1).default('admin'),
  VIGIL_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** How workloads on this box reach the web app (analyzers post alarm events here). */
  VIGIL_INTERNAL_URL: z.string().url().optional(),
  VIGIL_RUNTIME: z.enum(['local', 'kubernetes']).default('local'),
  // Kubernetes runtime: workloads go to this namespace; no kubeconfig means the in-cluster ServiceAccount.
  VIGIL_KUBE_NAMESPACE: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace name').default('vigil'),
  VIGIL_KUBECONFIG: z.string().optional(),
  VIGIL_KUBE_IMAGE_PULL_SECRETS: z.string().default(''),
  VIGIL_RUNTIME_PORT_RANGE: z
    .string()
    .regex(/^\d+-\d+$/, 'a range such as 33000-65535')
    .default('33000-65535'),
  // Passed on to workloads (algorithm servers, analyzers) so they find node and ffmpeg; nothing else leaks to them.
  PATH: z.string().optional(),
  HOME: z.string().optional(),
  LANG: z.string().optional(),
  TZ: z.string().optional(),
  VIGIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIL_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  VIGIL_COOKIE_SECURE: booleanFromEnv.default(false),
  VIGIL_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  VIGIL_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  VIGIL_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Longest a camera may go without a ready analyzer while a pipeline is updated to a new revision (reported when exceeded). */
  VIGIL_UPDATE_MAX_GAP_MS: z.coerce.number().int().min(0).default(5000),
  // Media server (seed ports: RTMP 31935, HTTP-FLV 30080). 'none': the start command runs no media server.
  VIGIL_MEDIA_SERVER: z.enum(['builtin', 'none']).default('builtin'),
  VIGIL_MEDIA_HOST: z.string().default('0.0.0.0'),
  VIGIL_MEDIA_INTERNAL_HOST: z.string().default('127.0.0.1'),
  VIGIL_MEDIA_PUBLIC_HOST: z.string().optional(),
  VIGIL_RTMP_PORT: port.default(31935),
  VIGIL_FLV_PORT: port.default(30080),
  VIGIL_MEDIA_STATUS_HOST: z.string().default('127.0.0.1'),
  VIGIL_MEDIA_STATUS_PORT: port.default(30081),
});

export type RawConfig = z.infer<typeof configSchema>;

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

export interface VigilConfig {
  port: number;
  /** Base URL workloads use to reach the web app. */
  internalUrl: string;
  runtime: {
    kind: 'local' | 'kubernetes';
    portRange: { from: number; to: number };
    stateDir: string;
    baseEnvironment: Record<string, string>;
    kubernetes: { namespace: string; kubeconfigPath?: string; imagePullSecrets: string[] };
  };
  websocketAliasPort: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  temporal: { address: string; namespace: string; taskQueue: string; uiPort: number; binary?: string };
  secretKey?: string;
  admin: { username: string; password?: string };
  logLevel: RawConfig['VIGIL_LOG_LEVEL'];
  session: { ttlHours: number; secureCookie: boolean };
  http: { maxBodyBytes: number };
  login: { maxFailures: number; windowSeconds: number };
  media: MediaConfig;
  /** Pipeline updates (docs/architecture.md, "Pipeline updates"). */
  pipelines: { updateMaxGapMs: number };
}

export interface MediaConfig {
  server: 'builtin' | 'none';
  /** Bind address of RTMP and HTTP-FLV. */
  host: string;
  /** How Vigil's own processes (analyzers, relays, the web app) reach the media server. */
  internalHost: string;
  /** Host put in playback URLs for browsers; the request's host when unset. */
  publicHost?: string;
  rtmpPort: number;
  flvPort: number;
  /** The media process's JSON status endpoint (loopback by default: the web app reads it, browsers do not). */
  statusHost: string;
  statusPort: number;
}

/** DATABASE_URL: postgres://… or postgresql://… selects PostgreSQL; sqlite:<file> or nothing selects SQLite. */
export function parseDatabaseTarget(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { dialect: 'sqlite', file: `${dataDir}/vigil.db` };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${url.split(':')[0]}:…")`);
}

export function toVigilConfig(raw: RawConfig): VigilConfig {
  return {
    port: raw.VIGIL_PORT,
    internalUrl: (raw.VIGIL_INTERNAL_URL ?? `http://127.0.0.1:${raw.VIGIL_PORT}`).replace(/\/$/, ''),
    runtime: { kind: raw.VIGIL_RUNTIME, portRange: parsePortRange(raw.VIGIL_RUNTIME_PORT_RANGE), stateDir: `${raw.VIGIL_DATA_DIR}/runtime`, baseEnvironment: pickDefined({ PATH: raw.PATH, HOME: raw.HOME, LANG: raw.LANG, TZ: raw.TZ }),
      kubernetes: { namespace: raw.VIGIL_KUBE_NAMESPACE, kubeconfigPath: raw.VIGIL_KUBECONFIG, imagePullSecrets: raw.VIGIL_KUBE_IMAGE_PULL_SECRETS.split(',').map((name) => name.trim()).filter(Boolean) } },
    websocketAliasPort: raw.VIGIL_WS_ALIAS_PORT,
    host: raw.VIGIL_HOST,
    dataDir: raw.VIGIL_DATA_DIR,
    database: parseDatabaseTarget(raw.DATABASE_URL, raw.VIGIL_DATA_DIR),
    temporal: {
      address: raw.TEMPORAL_ADDRESS,
      namespace: raw.TEMPORAL_NAMESPACE,
      taskQueue: raw.VIGIL_TASK_QUEUE,
      uiPort: raw.TEMPORAL_UI_PORT,
      binary: raw.VIGIL_TEMPORAL_BIN,
    },
    secretKey: raw.VIGIL_SECRET_KEY,
    admin: { username: raw.VIGIL_ADMIN_USERNAME, password: raw.VIGIL_ADMIN_PASSWORD },
    logLevel: raw.VIGIL_LOG_LEVEL,
    session: { ttlHours: raw.VIGIL_SESSION_TTL_HOURS, secureCookie: raw.VIGIL_COOKIE_SECURE },
    http: { maxBodyBytes: raw.VIGIL_MAX_BODY_BYTES },
    login: { maxFailures: raw.VIGIL_LOGIN_MAX_FAILURES, windowSeconds: raw.VIGIL_LOGIN_WINDOW_SECONDS },
    media: {
      server: raw.VIGIL_MEDIA_SERVER,
      host: raw.VIGIL_MEDIA_HOST,
      internalHost: raw.VIGIL_MEDIA_INTERNAL_HOST,
      publicHost: raw.VIGIL_MEDIA_PUBLIC_HOST,
      rtmpPort: raw.VIGIL_RTMP_PORT,
      flvPort: raw.VIGIL_FLV_PORT,
      statusHost: raw.VIGIL_MEDIA_STATUS_HOST,
      statusPort: raw.VIGIL_MEDIA_STATUS_PORT,
    },
    pipelines: { updateMaxGapMs: raw.VIGIL_UPDATE_MAX_GAP_MS },
  };
}

function parsePortRange(range: string): { from: number; to: number } {
  const [from, to] = range.split('-').map(Number) as [number, number];
  if (from < 1024 || to > 65_535 || from > to) throw new Error(`VIGIL_RUNTIME_PORT_RANGE must be within 1024-65535, low to high (got ${range})`);
  return { from, to };
}

function pickDefined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
