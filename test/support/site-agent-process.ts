import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const repositoryRoot = join(import.meta.dirname, '..', '..');

export interface SiteAgentProcess {
  siteId: string;
  child: ChildProcess;
  /** What the agent printed (its pino lines), for failure messages. */
  output: () => string;
  /** SIGKILL: a site that vanishes mid-round, as a power cut would. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** `node --import tsx training/site-agent-main.ts …` as its own process, exactly as a site would run it. */
export function startSiteAgent(options: { siteId: string; dataDir: string; temporalAddress: string; artifactsDir: string; taskQueue: string; heartbeatSeconds?: number }): SiteAgentProcess {
  const args = ['--import', 'tsx', 'training/site-agent-main.ts', '--site', options.siteId, '--data', options.dataDir, '--temporal', options.temporalAddress, '--artifacts', options.artifactsDir, '--task-queue', options.taskQueue, '--heartbeat-seconds', String(options.heartbeatSeconds ?? 2), '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { siteId: options.siteId, child, output: () => chunks.join(''), kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
