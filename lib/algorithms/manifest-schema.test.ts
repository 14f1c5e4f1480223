import { describe, expect, it } from 'vitest';
import { algorithmManifestSchema } from './manifest-schema';

const valid = { name: 'motion', version: '1.0.0', command: ['node', 'algorithms/motion/server.ts'], port: 8080, labels: ['motion'], roiTypes: ['polygon'] };

describe('algorithmManifestSchema', () => {
  it('fills defaults for a minimal manifest', () => {
    const manifest = algorithmManifestSchema.parse(valid);
    expect(manifest.health).toEqual({ liveness: '/healthz', readiness: '/readyz' });
    expect(manifest.trainable).toBe(false);
    expect(manifest.params).toEqual({ type: 'object', properties: {} });
  });

  it.each([
    [{ ...valid, name: 'Motion Detector' }, 'name'],
    [{ ...valid, version: 'latest' }, 'version'],
    [{ ...valid, labels: [] }, 'labels'],
    [{ ...valid, roiTypes: ['circle'] }, 'roiTypes.0'],
    [{ ...valid, resources: { cpu: 'lots' } }, 'resources.cpu'],
    [{ ...valid, command: undefined }, 'image'],
    [{ ...valid, port: 70000 }, 'port'],
    [{ ...valid, params: { type: 'array' } }, 'params'],
  ])('rejects a bad manifest naming %#: %s', (manifest, path) => {
    const result = algorithmManifestSchema.safeParse(manifest);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('names a missing required key', () => {
    const { port: _port, ...withoutPort } = valid;
    const result = algorithmManifestSchema.safeParse(withoutPort);
    expect(result.error!.issues[0]!.path).toEqual(['port']);
  });
});
