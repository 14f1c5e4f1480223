import { z } from 'zod';

const workloadPhases = ['starting', 'running', 'ready', 'crash-loop', 'failed', 'stopped'] as const;
const exitReasons = ['exited', 'liveness-probe-failed', 'out-of-memory', 'vanished', 'missing-after-platform-restart'] as const;

/** One running copy of an algorithm version as the runtime reports it (runtime/workload-runtime.port.ts, flattened for JSON). */
export const algorithmInstanceSchema = z.object({
  id: z.string(),
  kind: z.enum(['algorithm-server', 'analyzer']),
  owners: z.array(z.string()).describe('the pipelines that claim it'),
  phase: z.enum(workloadPhases),
  ready: z.boolean(),
  restarts: z.number().int(),
  since: z.string().describe('when the current phase began'),
  lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), reason: z.enum(exitReasons), at: z.string() }).nullable(),
  nextRestartAt: z.string().nullable(),
  endpoint: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  message: z.string().nullable(),
  logs: z.array(z.string()).nullable().describe('last output lines, oldest first; null for viewers (output may hold paths, addresses or secrets an algorithm prints)'),
  logProblem: z.string().nullable(),
});
export type AlgorithmInstance = z.infer<typeof algorithmInstanceSchema>;

export const algorithmInstancesSchema = z.object({
  algorithm: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  logsIncluded: z.boolean().describe('false when the caller is below operator'),
  instances: z.array(algorithmInstanceSchema),
  inspectedAt: z.string(),
});
export type AlgorithmInstances = z.infer<typeof algorithmInstancesSchema>;

export const algorithmInstancesQuerySchema = z.strictObject({
  tail: z.coerce.number().int().min(0).max(200).default(50).describe('log lines per instance (operators and admins)'),
});

