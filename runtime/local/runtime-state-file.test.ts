import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeStateFileError } from './local-runtime-errors';
import { readRuntimeState, writeRuntimeState } from './runtime-state-file';

describe('runtime state file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-state-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads a missing file as empty and round-trips what it wrote, leaving no temporary file', async () => {
    const file = join(directory, 'nested', 'state.json');
    expect(await readRuntimeState(file)).toEqual({ version: 1, workloads: [] });
    const state = {
      version: 1 as const,
      workloads: [
        {
          spec: { id: 'analyzer-a', kind: 'analyzer' as const, owner: 'pip_a', labels: { pipeline: 'pip_a' }, command: ['run'], env: {}, resources: {} },
          specHash: 'abc',
          owners: ['pip_a'],
          process: { pid: 42, startTime: '1234', startedAt: 1 },
          restarts: 2,
          failureStreak: 1,
          logFile: '/tmp/analyzer-a.log',
        },
      ],
    };
    await writeRuntimeState(file, state);
    expect(await readRuntimeState(file)).toEqual(state);
    expect(readdirSync(join(directory, 'nested'))).toEqual(['state.json']);
    // Specs carry secretEnv: owner-only, whatever the umask.
    const umask = process.umask(0);
    try {
      await writeRuntimeState(file, state);
    } finally {
      process.umask(umask);
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file it cannot understand instead of starting afresh and orphaning processes', async () => {
    const file = join(directory, 'broken.json');
    writeFileSync(file, '{"version": 1, "workloads": [');
    await expect(readRuntimeState(file)).rejects.toBeInstanceOf(RuntimeStateFileError);
    writeFileSync(file, '{"version": 2, "workloads": []}');
    await expect(readRuntimeState(file)).rejects.toThrow(/version/);
  });
});
