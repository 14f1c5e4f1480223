import { describe, expect, it } from 'vitest';
import { algorithmManifestSchema } from '../lib/algorithms/manifest-schema';
import { buildAlgorithmServerSpec } from './algorithm-server-workload';
import { assertValidWorkloadSpec, hashWorkloadSpec } from './workload-spec';

const manifest = algorithmManifestSchema.parse({
  name: 'person-detector',
  version: '1.2.0',
  image: 'vigil/person-detector:1.2.0',
  command: ['python', 'serve.py', '--port', '{port}'],
  port: 8080,
  labels: ['person'],
  resources: { cpu: '500m', memory: '512Mi', 'nvidia.com/gpu': 1 },
});

describe('buildAlgorithmServerSpec', () => {
  it('builds a valid spec that every pipeline using the same version shares', () => {
    const forA = buildAlgorithmServerSpec(manifest, { owner: 'pip_a', packageDirectory: '/opt/algorithms/person-detector' });
    const forB = buildAlgorithmServerSpec(manifest, { owner: 'pip_b', packageDirectory: '/opt/algorithms/person-detector' });
    expect(() => assertValidWorkloadSpec(forA)).not.toThrow();
    expect(forA).toMatchObject({
      kind: 'algorithm-server',
      labels: { algorithm: 'person-detector', 'algorithm-version': '1.2.0' },
      health: { liveness: '/healthz', readiness: '/readyz' },
      resources: { 'nvidia.com/gpu': 1 },
    });
    expect(forB.id).toBe(forA.id);
    expect(hashWorkloadSpec(forB)).toBe(hashWorkloadSpec(forA));
    expect(buildAlgorithmServerSpec({ ...manifest, version: '1.3.0' }, { owner: 'pip_a' }).id).not.toBe(forA.id);
  });
});
