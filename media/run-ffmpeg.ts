import { spawn } from 'node:child_process';
import { redactUrlCredentials } from '../lib/redact-url';

export class FfmpegFailure extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'exit' | 'spawn',
  ) {
    super(message);
    this.name = 'FfmpegFailure';
  }
}

/** Runs ffmpeg to completion, collecting stdout; killed after `timeoutMs`. Error text never carries URL credentials. */
export function runFfmpeg(args: string[], options: { timeoutMs: number; binary?: string; maxOutputBytes?: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.binary ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let settled = false;
    const finish = (error?: Error, output?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(output ?? Buffer.alloc(0));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new FfmpegFailure(`no frame within ${Math.round(options.timeoutMs / 1000)} s`, 'timeout'));
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= (options.maxOutputBytes ?? 64 * 1024 * 1024)) chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.on('error', (error) => finish(new FfmpegFailure(`cannot run ffmpeg: ${error.message}`, 'spawn')));
    child.on('close', (code, signal) => {
      if (code === 0) finish(undefined, Buffer.concat(chunks));
      else {
        const detail = redactUrlCredentials(stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${code ?? signal}`;
        finish(new FfmpegFailure(detail, 'exit'));
      }
    });
  });
}
