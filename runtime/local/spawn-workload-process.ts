import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorkloadSpec } from '../workload-runtime.port';

export interface WorkloadLaunch {
  argv: readonly string[];
  env: Record<string, string>;
  workingDirectory?: string;
  logFile: string;
  /** A line written to the log before the process's own output, so a reader sees where each run begins. */
  banner: string;
}

/**
 * Starts the workload detached: in its own session and process group (one signal stops it and its helpers),
 * with output going to its log file rather than to a pipe that would break when the platform exits.
 * Spawn failures (executable not found) arrive as the child's 'error' event.
 */
export function spawnWorkloadProcess(launch: WorkloadLaunch): ChildProcess {
  mkdirSync(dirname(launch.logFile), { recursive: true });
  const output = openSync(launch.logFile, 'a');
  try {
    writeSync(output, `${launch.banner}\n`);
    const [command, ...args] = launch.argv;
    if (command === undefined) throw new Error('empty command');
    return spawn(command, [...args], {
      cwd: launch.workingDirectory,
      // Next.js types declare NODE_ENV as required on ProcessEnv; a workload gets exactly the env it is given.
      env: launch.env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', output, output],
    });
  } finally {
    // The child has its own copy of the descriptor now.
    closeSync(output);
  }
}

/**
 * argv and env of a run: `{port}` in an argument or env value becomes the assigned port, which is also PORT.
 * secretEnv joins the environment as given (it is never on argv, which any user can read in /proc).
 */
export function buildLaunchArguments(spec: WorkloadSpec, port: number | undefined, baseEnvironment: Readonly<Record<string, string>>): Pick<WorkloadLaunch, 'argv' | 'env'> {
  const substitute = (text: string) => (port === undefined ? text : text.replaceAll('{port}', String(port)));
  const env: Record<string, string> = { ...baseEnvironment };
  for (const [name, value] of Object.entries(spec.env)) env[name] = substitute(value);
  Object.assign(env, spec.secretEnv);
  if (port !== undefined) env.PORT = String(port);
  return { argv: (spec.command ?? []).map(substitute), env };
}
