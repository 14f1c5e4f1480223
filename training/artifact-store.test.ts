import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArtifactIntegrityError, createFileArtifactStore, sha256Hex } from './artifact-store';

describe('file artifact store', () => {
  const root = mkdtempSync(join(tmpdir(), 'vigil-artifacts-'));
  const store = createFileArtifactStore(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('puts content-addressed files and hands out file:// URIs that carry the sha256', async () => {
    const bytes = new TextEncoder().encode('weights');
    const ref = await store.put(bytes);
    expect(ref.sha256).toBe(sha256Hex(bytes));
    expect(ref.uri).toBe(`file://${join(root, ref.sha256.slice(0, 2), ref.sha256)}#sha256=${ref.sha256}`);
    expect(await store.put(bytes)).toEqual(ref);
    expect(Array.from(await store.get(ref))).toEqual(Array.from(bytes));
    expect(Array.from(await store.get(ref.uri))).toEqual(Array.from(bytes));
  });

  it('refuses a tampered file, a reference whose hash disagrees with its URI, and paths outside the root', async () => {
    const ref = await store.put(new TextEncoder().encode('original'));
    writeFileSync(fileURLToPath(ref.uri.split('#')[0]!), 'tampered');
    await expect(store.get(ref)).rejects.toThrow(/hashes to .* not /);
    await expect(store.get({ uri: ref.uri, sha256: '0'.repeat(64) })).rejects.toThrow(ArtifactIntegrityError);
    await expect(store.get(`file:///etc/passwd#sha256=${'1'.repeat(64)}`)).rejects.toThrow(/not in the store/);
    await expect(store.get('file:///x')).rejects.toThrow(/carries no #sha256/);
  });
});
