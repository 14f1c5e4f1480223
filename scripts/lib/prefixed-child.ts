import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface PrefixedChild {
  name: string;
  pid: number;
  /** Settles once the process is gone (never rejects; a spawn failure reads as code 127). */
  exited: Promise<ChildExit>;
  isRunning(): boolean;
  /** SIGTERM to the child's process group, SIGKILL after graceMs. */
  stop(graceMs: number): Promise<ChildExit>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs a command with each output line prefixed by `[name]`, so several children share one terminal readably.
 * The child leads its own process group: Ctrl-C reaches only us, and we stop children in our order, wrappers included.
 */
export function spawnPrefixed(name: string, command: string, args: string[], options: SpawnOptions = {}): PrefixedChild {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = `[${name}]`;
  pipeLines(child.stdout, process.stdout, prefix);
  pipeLines(child.stderr, process.stderr, prefix);
  let running = true;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`${prefix} could not start ${command}: ${error.message}\n`);
      running = false;
      resolve({ code: 127, signal: null });
    });
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });

  const signalGroup = (signal: NodeJS.Signals, evenAfterExit = false) => {
    if ((!running && !evenAfterExit) || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone between our check and the kill.
    }
  };

  return {
    name,
    pid: child.pid ?? -1,
    exited,
    isRunning: () => running,
    async stop(graceMs) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => {
        process.stderr.write(`${prefix} did not stop within ${graceMs} ms; sending SIGKILL\n`);
        signalGroup('SIGKILL');
      }, graceMs);
      const exit = await exited;
      clearTimeout(timer);
      // Grandchildren the leader left behind (e.g. a wrapper's child) go with the group.
      signalGroup('SIGKILL', true);
      return exit;
    },
  };
}

function pipeLines(source: Readable, target: Writable, prefix: string): void {
  createInterface({ input: source, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix} ${line}\n`));
}
