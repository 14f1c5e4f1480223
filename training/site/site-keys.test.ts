import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFixedPoint, encodeFixedPoint } from '../../lib/federated/fixed-point';
import { maskContribution, sumMasked } from '../../lib/federated/secure-aggregation';
import { derivePeerSeeds, loadOrCreateSiteKeys } from './site-keys';

describe('site keys for secure aggregation', () => {
  const folders = ['a', 'b', 'c'].map((name) => mkdtempSync(join(tmpdir(), `vigil-site-${name}-`)));
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('keeps one X25519 key per site folder across restarts', async () => {
    const first = await loadOrCreateSiteKeys(folders[0]!);
    expect((await loadOrCreateSiteKeys(folders[0]!)).publicKey).toBe(first.publicKey);
    expect((await loadOrCreateSiteKeys(folders[1]!)).publicKey).not.toBe(first.publicKey);
  });

  it('two sites derive the same pair seed from public keys only, and masks built from them cancel', async () => {
    const keys = await Promise.all(folders.map((folder) => loadOrCreateSiteKeys(folder)));
    const participants = keys.map((key, index) => ({ siteId: `site-${index}`, publicKey: key.publicKey }));
    const context = { jobId: 'trj_1', round: 2, maskingAttempt: 0 };
    const seeds = keys.map((key, index) => derivePeerSeeds(key, `site-${index}`, context, participants));
    expect(Array.from(seeds[0]!.find((peer) => peer.siteId === 'site-1')!.seed)).toEqual(Array.from(seeds[1]!.find((peer) => peer.siteId === 'site-0')!.seed));
    const otherRound = derivePeerSeeds(keys[0]!, 'site-0', { ...context, round: 3 }, participants);
    expect(Array.from(otherRound[0]!.seed)).not.toEqual(Array.from(seeds[0]![0]!.seed));

    const updates = [[0.5, -0.25], [0.125, 0.0625], [-1, 2]];
    const masked = updates.map((update, index) => maskContribution(encodeFixedPoint(update), `site-${index}`, seeds[index]!));
    expect(Array.from(decodeFixedPoint(sumMasked(masked)))).toEqual([-0.375, 1.8125]);
  });
});
