import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLastLines, trimLogFile } from './workload-log-file';

describe('workload log file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-log-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps the newest output within twice the bound, and tails across the rolled-over part', async () => {
    const file = join(directory, 'workload.log');
    appendFileSync(file, Array.from({ length: 10 }, (_, index) => `old ${index}\n`).join(''));
    await trimLogFile(file, 20);
    expect(readFileSync(file, 'utf8')).toBe('');
    appendFileSync(file, 'new 0\nnew 1\n');
    expect(await readLastLines(file, 3, 1_000)).toEqual(['old 9', 'new 0', 'new 1']);
    expect(await readLastLines(file, 1, 1_000)).toEqual(['new 1']);
  });

  it('drops a partial first line when it reads only the end of a big file, and answers [] for a missing one', async () => {
    const file = join(directory, 'big.log');
    appendFileSync(file, 'a'.repeat(100) + '\nlast line\n');
    expect(await readLastLines(file, 5, 15)).toEqual(['last line']);
    expect(await readLastLines(join(directory, 'missing.log'), 5, 100)).toEqual([]);
  });
});
