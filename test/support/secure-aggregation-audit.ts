import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../../db/connect';
import { decodeFixedPoint } from '../../lib/federated/fixed-point';
import { flattenWeights } from '../../lib/federated/weights';
import { decodeBundle, decodeWeights } from '../../lib/federated/weights-codec';

/**
 * Everything the coordinator holds (artifact files, database rows, its logs) against every update a site
 * kept to itself: no file, row or line may be, name or approximate one of them.
 */
export async function assertNoIndividualUpdateLeaked(input: { db: Db; artifactsDir: string; logs: string; jobId: string; rounds: number; siteFolders: string[] }): Promise<void> {
  const raw = input.siteFolders.flatMap((folder) =>
    Array.from({ length: input.rounds }, (_, index) => {
      const bytes = readFileSync(join(folder, 'private', input.jobId, `round-${index + 1}-update.bin`));
      return { sha256: createHash('sha256').update(bytes).digest('hex'), weights: flattenWeights(decodeWeights(new Uint8Array(bytes))) };
    }),
  );
  expect(raw).toHaveLength(input.siteFolders.length * input.rounds);

  const stored = readdirSync(input.artifactsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, bytes: new Uint8Array(readFileSync(join(entry.parentPath, entry.name))) }));
  const rows = JSON.stringify(await Promise.all(['training_jobs', 'training_rounds', 'model_versions', 'sites'].map((table) => input.db.selectFrom(table as 'sites').selectAll().execute())));

  for (const update of raw) {
    expect(stored.map((file) => file.name)).not.toContain(update.sha256);
    expect(rows).not.toContain(update.sha256);
    expect(input.logs).not.toContain(update.sha256);
  }

  let maskedCount = 0;
  for (const file of stored) {
    const bundle = decodeBundle(file.bytes);
    if (bundle.kind === 'masked-update') {
      maskedCount += 1;
      // A real contribution (a scaled delta) lies well within ±1; a masked one is spread over ±2^19.
      const decoded = decodeFixedPoint(bundle.tensors[0]!.values);
      expect(decoded.filter((value) => Math.abs(value) < 1).length / decoded.length).toBeLessThan(0.001);
    } else if (bundle.kind === 'weights') {
      const weights = flattenWeights(decodeWeights(file.bytes));
      for (const update of raw) expect(maxAbsoluteDifference(weights, update.weights)).toBeGreaterThan(1e-4);
    }
  }
  expect(maskedCount).toBeGreaterThanOrEqual(input.siteFolders.length * input.rounds);
}

function maxAbsoluteDifference(a: Float64Array, b: Float64Array): number {
  let max = 0;
  for (let index = 0; index < a.length; index += 1) max = Math.max(max, Math.abs(a[index]! - b[index]!));
  return max;
}
