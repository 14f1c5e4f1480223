import { parseArgs } from 'node:util';

export interface SiteAgentArgs {
  siteId: string;
  dataDir: string;
  temporalAddress: string;
  artifactsDir: string;
  namespace: string;
  platformTaskQueue: string;
  heartbeatSeconds: number;
  logLevel: string;
}

export const siteAgentUsage =
  'usage: node --import tsx training/site-agent-main.ts --site <id> --data <dir> --temporal <host:port> --artifacts <dir> [--namespace default] [--task-queue vigil] [--heartbeat-seconds 15] [--log-level info]';

/** The agent takes argv only (it runs at a customer's site, apart from the platform's config module). */
export function parseSiteAgentArgs(argv: string[]): SiteAgentArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string' },
      data: { type: 'string' },
      temporal: { type: 'string' },
      artifacts: { type: 'string' },
      namespace: { type: 'string', default: 'default' },
      'task-queue': { type: 'string', default: 'vigil' },
      'heartbeat-seconds': { type: 'string', default: '15' },
      'log-level': { type: 'string', default: 'info' },
    },
    strict: true,
  });
  const missing = (['site', 'data', 'temporal', 'artifacts'] as const).filter((name) => !values[name]);
  if (missing.length > 0) throw new Error(`missing ${missing.map((name) => `--${name}`).join(', ')}\n${siteAgentUsage}`);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(values.site!)) throw new Error(`--site must be lower-case letters, digits and dashes (it names task queue site-<id>), got ${values.site}`);
  const heartbeatSeconds = Number(values['heartbeat-seconds']);
  if (!(heartbeatSeconds > 0 && heartbeatSeconds <= 55)) throw new Error('--heartbeat-seconds must be in (0, 55]: a site is offline after 60 s without one');
  return {
    siteId: values.site!,
    dataDir: values.data!,
    temporalAddress: values.temporal!,
    artifactsDir: values.artifacts!,
    namespace: values.namespace,
    platformTaskQueue: values['task-queue'],
    heartbeatSeconds,
    logLevel: values['log-level'],
  };
}
