import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const repositoryRoot = join(import.meta.dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed (pino lines), for failure messages and for waiting on a log line. */
  output(): string;
  /** Resolves once its log says `message` (e.g. "worker polling"); fails if it exits first or after `timeoutMs`. */
  waitForLog(message: string, timeoutMs?: number): Promise<void>;
  /** SIGKILL: the worker vanishes as in a crash or power cut; its workloads keep running (they are detached). */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** Whether it is still running. */
  running(): boolean;
}

/**
 * `node --import tsx worker/main.ts` as its own OS process, exactly as the start command runs it: every setting
 * comes from `env` (nothing of the test process leaks in beyond PATH and HOME).
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: repositoryRoot,
    // Next.js types declare NODE_ENV as required; the worker gets exactly this environment.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } as Record<string, string> as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      for (const listener of listeners) listener();
      resolve(code);
    }),
  );
  const output = () => chunks.join('');
  const running = () => exitCode === undefined;
  return {
    child,
    pid: child.pid!,
    output,
    running,
    waitForLog(message, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (output().includes(`"msg":"${message}"`)) finish();
          else if (!running()) finish(new Error(`the worker exited (${exitCode}) before logging "${message}":\n${output().slice(-4000)}`));
        };
        const timer = setTimeout(() => finish(new Error(`the worker did not log "${message}" within ${timeoutMs} ms:\n${output().slice(-4000)}`)), timeoutMs);
        const finish = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        };
        listeners.add(check);
        check();
      });
    },
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (running()) child.kill('SIGTERM');
      return exited;
    },
  };
}
