import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { WorkloadSpec } from '../workload-runtime.port';
import { workloadSpecSchema } from '../workload-spec';
import { RuntimeStateFileError } from './local-runtime-errors';

/** What one workload needs to be found again by the next runtime instance. */
const workloadRecordSchema = z.object({
  spec: workloadSpecSchema,
  specHash: z.string(),
  owners: z.array(z.string()).min(1),
  port: z.number().int().optional(),
  /** The process last started; absent while the workload waits for a restart or has failed. */
  process: z.object({ pid: z.number().int().positive(), startTime: z.string(), startedAt: z.number() }).optional(),
  restarts: z.number().int().min(0),
  failureStreak: z.number().int().min(0),
  lastExit: z
    .object({
      code: z.number().int().nullable(),
      signal: z.string().nullable(),
      reason: z.enum(['exited', 'liveness-probe-failed', 'out-of-memory', 'vanished', 'missing-after-platform-restart']),
      at: z.string(),
    })
    .optional(),
  logFile: z.string(),
});

const runtimeStateSchema = z.object({ version: z.literal(1), workloads: z.array(workloadRecordSchema) });

// The schema checks the file; the port's WorkloadSpec (readonly argv and maps) is what the code works with.
export type WorkloadRecord = Omit<z.infer<typeof workloadRecordSchema>, 'spec'> & { spec: WorkloadSpec };
export interface RuntimeState {
  version: 1;
  workloads: WorkloadRecord[];
}

/** A missing file is an empty state (first start); an unreadable one is an error, never silently emptied. */
export async function readRuntimeState(file: string): Promise<RuntimeState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, workloads: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RuntimeStateFileError(file, 'not valid JSON');
  }
  const parsed = runtimeStateSchema.safeParse(json);
  if (!parsed.success) throw new RuntimeStateFileError(file, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/**
 * Write to a temporary file, flush it, then rename over the old one: a crash leaves the old or the new state, never half.
 * Owner-only (0600) from its creation: specs carry secretEnv (service tokens).
 */
export async function writeRuntimeState(file: string, state: RuntimeState): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    // The mode given to open() is only used for a new file and is masked by the umask: set it outright.
    await handle.chmod(0o600);
    await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
