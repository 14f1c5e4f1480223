import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlarmEvent } from '../lib/contracts/alarms';
import { encodeWeights } from '../lib/federated/weights-codec';
import { createLogger } from '../server/logger';
import { alarmVerifierTrainable } from '../training/alarm-verifier/alarm-verifier';
import { mnistMlpTrainable } from '../training/mnist/mnist-mlp';
import { createFileArtifactStore } from '../training/artifact-store';
import type { AnalyzerVerifierSpec } from './analyzer-run-spec';
import { createEventVerifier } from './event-verifier';
import { loadVerifierModel } from './load-verifier-model';
import { inlineVerifierModel, maxInlineModelBytes, ModelTooLargeToInlineError } from '../activities/resolve-analyzer-verifier';

const root = mkdtempSync(join(tmpdir(), 'vigil-verifier-'));
const store = createFileArtifactStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
  return { logger: createLogger({ level: 'info', destination }), text: () => lines.join('') };
}

/** The alarm-verifier network with zero weights and a last bias that decides the score: softmax([b0, b1])[1]. */
function biasedVerifier(falseBias: number, trueBias: number): Uint8Array {
  const weights = alarmVerifierTrainable.initialise(1).map((tensor) => ({ ...tensor, values: new Float32Array(tensor.values.length) }));
  weights.at(-1)!.values.set([falseBias, trueBias]);
  return encodeWeights(weights);
}

const event = (state: AlarmEvent['state'], objects = [{ label: 'motion', score: 0.8, box: { x: 10, y: 10, width: 20, height: 20 } }]): AlarmEvent => ({
  id: 'alm_abcd1234', version: 1, type: 'intrusion', state, time: new Date(0).toISOString(),
  pipeline: { id: 'pip_x', name: 'X', revision: 1 }, camera: { id: 'cam_x', name: 'X' }, algorithm: { id: 'alg_x', name: 'motion', version: '1' }, objects,
});
const snapshot = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 90, b: 90 } } }).jpeg().toBuffer();

describe('the analyzer\'s alarm verifier', () => {
  it('scores each snapshot with the published model, carries the verdict to updates, forgets it when the incident ends', async () => {
    const ref = await store.put(biasedVerifier(-2, 2));
    const spec: AnalyzerVerifierSpec = { modelVersionId: 'mdv_good', ...ref, artifactRoot: root };
    const verifier = createEventVerifier(spec, { logger: capturingLogger().logger, load: loadVerifierModel });
    await verifier.loaded;
    expect(verifier.status()).toMatchObject({ modelVersionId: 'mdv_good', state: 'ready', verified: 0 });
    const expected = { modelVersionId: 'mdv_good', score: Number((1 / (1 + Math.exp(-4))).toFixed(4)), verdict: 'true' };
    expect(await verifier.verify(event('start'), await snapshot())).toEqual(expected);
    expect(await verifier.verify(event('update'), undefined)).toEqual(expected);
    expect(await verifier.verify(event('end'), undefined)).toEqual(expected);
    // Ended: a later event of that id (a re-sent end) has nothing to carry.
    expect(await verifier.verify(event('end'), undefined)).toBeUndefined();
    expect(verifier.status()).toMatchObject({ verified: 3, unverified: 1 });

    const doubtful = createEventVerifier({ modelVersionId: 'mdv_doubt', ...(await store.put(biasedVerifier(3, -3))), artifactRoot: root }, { logger: capturingLogger().logger, load: loadVerifierModel });
    expect(await doubtful.verify(event('start'), await snapshot())).toMatchObject({ modelVersionId: 'mdv_doubt', verdict: 'false' });
  });

  it('loads a model handed over inside the run spec (a pod on Kubernetes), held to the same sha256', async () => {
    const ref = await store.put(biasedVerifier(-2, 2));
    const inline = await inlineVerifierModel({ modelVersionId: 'mdv_inline', ...ref, artifactRoot: root });
    expect(Buffer.from(inline.inlineBase64!, 'base64').equals(Buffer.from(biasedVerifier(-2, 2)))).toBe(true);
    // Nowhere to read it from but the run spec itself.
    const inPod: AnalyzerVerifierSpec = { ...inline, artifactRoot: join(root, 'not-mounted-in-the-pod') };
    const verifier = createEventVerifier(inPod, { logger: capturingLogger().logger, load: loadVerifierModel });
    expect(await verifier.verify(event('start'), await snapshot())).toMatchObject({ modelVersionId: 'mdv_inline', verdict: 'true' });

    const tampered = createEventVerifier({ ...inPod, inlineBase64: Buffer.from(biasedVerifier(2, -2)).toString('base64') }, { logger: capturingLogger().logger, load: loadVerifierModel });
    expect(await tampered.verify(event('start'), await snapshot())).toBeUndefined();
    expect(tampered.status().error).toMatch(/the bytes in the run spec have sha256 [0-9a-f]{64}, not /);
  });

  it('refuses to inline a model too large for an analyzer\'s Secret', async () => {
    const big = await store.put(new Uint8Array(maxInlineModelBytes + 1));
    await expect(inlineVerifierModel({ modelVersionId: 'mdv_big', ...big, artifactRoot: root })).rejects.toThrow(ModelTooLargeToInlineError);
  });

  it('reports a missing, corrupt or foreign model in its status and logs, and lets alarms through unverified', async () => {
    const good = await store.put(biasedVerifier(0, 1));
    const corrupt = await store.put(biasedVerifier(5, 5));
    writeFileSync(new URL(corrupt.uri.split('#')[0]!), Buffer.from('not the model'));
    const mnist = await store.put(mnistMlpTrainable.serialise(mnistMlpTrainable.initialise(1)));
    const cases: Array<[string, AnalyzerVerifierSpec, RegExp]> = [
      ['missing', { modelVersionId: 'mdv_gone', uri: good.uri.replaceAll(good.sha256, 'f'.repeat(64)).replace(`/${good.sha256.slice(0, 2)}/`, '/ff/'), sha256: 'f'.repeat(64), artifactRoot: root }, /ENOENT|no such file/],
      ['corrupt', { modelVersionId: 'mdv_corrupt', ...corrupt, artifactRoot: root }, /hashes to/],
      ['foreign', { modelVersionId: 'mdv_mnist', ...mnist, artifactRoot: root }, /verifier model mdv_mnist.*expected/],
    ];
    for (const [what, spec, reason] of cases) {
      const log = capturingLogger();
      const verifier = createEventVerifier(spec, { logger: log.logger, load: loadVerifierModel });
      expect(await verifier.verify(event('start'), await snapshot()), what).toBeUndefined();
      const status = verifier.status();
      expect(status, what).toMatchObject({ modelVersionId: spec.modelVersionId, state: 'failed', verified: 0, unverified: 1 });
      expect(status.error, what).toMatch(reason);
      expect(log.text(), what).toMatch(/verifier model not loaded/);
    }
  });
});
