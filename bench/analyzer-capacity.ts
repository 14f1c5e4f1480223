import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import { freePort } from '../test/media-fixtures';
import { benchRules, makeMostlyStillVideo } from './analyzer-bench-support';

// How many 640x360 @ 5 fps streams one machine sustains with motion gating: real analyzer processes (analyzer/main.ts,
// each with its ffmpeg decoding a looping mostly-still camera in real time) added in steps until one falls behind.
// Alone: node --import tsx bench/analyzer-capacity.ts <motion-server-base-url> [max-streams]

const fps = 5;
const steps = [1, 2, 4, 6, 8, 12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128];
const warmupMs = 5000;
const windowMs = 15_000;
// Keeping up: every stream analyses ≥ 95 % of its frames over the window, and drops at most 1 %.
const minFpsShare = 0.95;
const maxDropShare = 0.01;

interface AnalyzerStats {
  reader: { framesDropped: number; state: string };
  analysis: { frames: number; inferred: number };
  overheadMs: { median: number | null; p99: number | null };
}

interface Running {
  child: ChildProcess;
  port: number;
}

/** Busy and total jiffies of the whole machine (Linux /proc/stat). */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + fields[4]!;
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/** CPU seconds used so far by a process and its live children (an analyzer and its ffmpeg), from /proc. */
function processTreeCpuSeconds(pid: number): number {
  const ticks = (id: number | string) => {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // Exited.
  }
  // USER_HZ is 100 on Linux.
  return (ticks(pid) + children.reduce((sum, child) => sum + ticks(child), 0)) / 100;
}

const stats = async (analyzer: Running): Promise<AnalyzerStats> => (await (await fetch(`http://127.0.0.1:${analyzer.port}/stats`)).json()) as AnalyzerStats;

async function waitReady(analyzer: Running, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (analyzer.child.exitCode !== null) throw new Error(`an analyzer exited (${analyzer.child.exitCode})`);
    const ready = await fetch(`http://127.0.0.1:${analyzer.port}/readyz`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('an analyzer did not become ready');
}

export async function findSustainedStreams(options: { motionBaseUrl: string; maxStreams: number; log(line: string): void }): Promise<{ sustained: number; limitedBy?: string }> {
  const video = makeMostlyStillVideo();
  const directory = mkdtempSync(join(tmpdir(), 'vigil-capacity-'));
  // The platform's alarm endpoint, taking every event (the analyzers' outboxes post here).
  const platform = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(platform.address() as { port: number }).port}/api/v1/alarms/events`;
  const analyzers: Running[] = [];
  let sustained = 0;
  let limitedBy: string | undefined;

  const start = async (index: number): Promise<Running> => {
    const spec: AnalyzerRunSpec = {
      pipeline: { id: `pip_cap${index}`, name: 'Capacity', revision: 1 },
      analyzer: {
        cameraNodeId: 'c1', cameraId: `cam_cap${index}`, cameraName: 'Capacity', fps, width: 640, height: 360,
        algorithms: [{ algorithmNodeId: 'a1', algorithmId: 'alg_motion', params: { learningRate: 0.5, minArea: 2500 }, minScore: 0, rules: benchRules(), restreams: [] }],
      },
      streamUrl: `file://${video}`,
      algorithms: { alg_motion: { name: 'motion', version: '1.0.0', baseUrl: options.motionBaseUrl } },
      report: { endpoint, token: 'bench', spoolDir: join(directory, `outbox-${index}`) },
      motionGate: true,
    };
    const file = join(directory, `run-${index}.json`);
    writeFileSync(file, JSON.stringify(spec), { mode: 0o600 });
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'analyzer/main.ts', '--spec', file, '--port', String(port)], { stdio: 'ignore' });
    return { child, port };
  };

  try {
    for (const count of steps.filter((step) => step <= options.maxStreams)) {
      const added = await Promise.all(Array.from({ length: count - analyzers.length }, (_, offset) => start(analyzers.length + offset)));
      analyzers.push(...added);
      await Promise.all(added.map((analyzer) => waitReady(analyzer, 120_000)));
      await new Promise((resolve) => setTimeout(resolve, warmupMs));
      const before = await Promise.all(analyzers.map(stats));
      const cpuBefore = cpuTimes();
      const ownBefore = analyzers.reduce((sum, analyzer) => sum + processTreeCpuSeconds(analyzer.child.pid!), 0);
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const after = await Promise.all(analyzers.map(stats));
      const cpuAfter = cpuTimes();
      const ownAfter = analyzers.reduce((sum, analyzer) => sum + processTreeCpuSeconds(analyzer.child.pid!), 0);
      // The analyzers' own share of a core per stream: robust to whatever else the machine runs.
      const perStream = (100 * (ownAfter - ownBefore)) / (windowMs / 1000) / count;
      const rates = after.map((stat, index) => (stat.analysis.frames - before[index]!.analysis.frames) / (windowMs / 1000));
      const dropped = after.reduce((sum, stat, index) => sum + stat.reader.framesDropped - before[index]!.reader.framesDropped, 0);
      const frames = after.reduce((sum, stat, index) => sum + stat.analysis.frames - before[index]!.analysis.frames, 0);
      const inferred = after.reduce((sum, stat, index) => sum + stat.analysis.inferred - before[index]!.analysis.inferred, 0);
      const p99s = after.map((stat) => stat.overheadMs.p99 ?? 0);
      const cpu = (100 * (cpuAfter.busy - cpuBefore.busy)) / (cpuAfter.total - cpuBefore.total);
      const slowest = Math.min(...rates);
      const keepsUp = slowest >= fps * minFpsShare && dropped <= frames * maxDropShare;
      options.log(
        `  ${String(count).padStart(3)} streams: slowest ${slowest.toFixed(2)} fps, dropped ${dropped}/${frames + dropped}, inferred ${((100 * inferred) / Math.max(1, frames)).toFixed(0)} %, ` +
          `overhead p99 (worst stream) ${Math.max(...p99s).toFixed(2)} ms, ${perStream.toFixed(1)} % of a core per stream (analyzer + ffmpeg), machine CPU ${cpu.toFixed(0)} % → ${keepsUp ? 'keeps up' : 'falls behind'}`,
      );
      if (!keepsUp) {
        limitedBy = `${count} streams fell behind at ${cpu.toFixed(0)} % CPU`;
        break;
      }
      sustained = count;
    }
  } finally {
    await Promise.all(analyzers.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }));
    platform.close();
  }
  return { sustained, ...(limitedBy ? { limitedBy } : {}) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, max] = process.argv.slice(2);
  if (!baseUrl) throw new Error('usage: bench/analyzer-capacity.ts <motion-server-base-url> [max-streams]');
  const result = await findSustainedStreams({ motionBaseUrl: baseUrl, maxStreams: Number(max ?? 64), log: (line) => console.log(line) });
  console.log(`sustained: ${result.sustained} streams`);
}
