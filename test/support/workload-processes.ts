import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortRange } from '../../runtime/local/port-allocator';
import { readRuntimeState, type WorkloadRecord } from '../../runtime/local/runtime-state-file';

export interface WorkloadProcess {
  pid: number;
  kind: 'analyzer' | 'algorithm-server';
  port: number;
  argv: string[];
}

/**
 * Live (non-zombie) analyzer and algorithm-server processes listening on a port of `range`, found in /proc: what
 * really runs, whoever started it and whatever any state file says. The port range is this test process's own
 * slice, so other test files' workloads are not counted.
 */
export function workloadProcesses(range: PortRange): WorkloadProcess[] {
  const found: WorkloadProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state === 'Z') continue;
      const portIndex = argv.indexOf('--port');
      const port = portIndex >= 0 ? Number(argv[portIndex + 1]) : Number.NaN;
      if (!(port >= range.min && port <= range.max)) continue;
      const kind = argv.some((arg) => arg.endsWith('analyzer/main.ts')) ? 'analyzer' : argv.some((arg) => arg.startsWith('algorithms/')) ? 'algorithm-server' : undefined;
      if (kind) found.push({ pid: Number(entry), kind, port, argv });
    } catch {
      // exited while we looked
    }
  }
  return found.sort((a, b) => a.pid - b.pid);
}

/** What the local runtime of `dataDir` has persisted (read only: the worker holding the runtime may be running). */
export async function persistedWorkloads(dataDir: string): Promise<WorkloadRecord[]> {
  return (await readRuntimeState(join(dataDir, 'runtime', 'state.json'))).workloads;
}
