import { describe, expect, it } from 'vitest';
import { analyzerWorkloadId } from '../runtime/analyzer-workload';
import { analyzerRunSpecFile, analyzerWorkloadIdOf } from './analyzer-identity';

const analyzer = { pipelineId: 'pip_abc', cameraNodeId: 'c1', revision: 3 };

describe('analyzer identity', () => {
  it('keeps the runtime\'s id without a verifier model, so deployments from before models keep their workloads', () => {
    expect(analyzerWorkloadIdOf(analyzer)).toBe(analyzerWorkloadId('pip_abc', 'c1', 3));
    expect(analyzerWorkloadIdOf({ ...analyzer, verifierModelVersionId: undefined })).toBe(analyzerWorkloadId('pip_abc', 'c1', 3));
  });

  it('gives each verifier model its own workload and run-spec file, so a redeploy of the same revision hands over', () => {
    const first = analyzerWorkloadIdOf({ ...analyzer, verifierModelVersionId: 'mdv_one' });
    const second = analyzerWorkloadIdOf({ ...analyzer, verifierModelVersionId: 'mdv_two' });
    expect(new Set([analyzerWorkloadIdOf(analyzer), first, second]).size).toBe(3);
    expect(first).toBe(analyzerWorkloadIdOf({ ...analyzer, verifierModelVersionId: 'mdv_one' }));
    expect(first).toMatch(/^analyzer-[a-z0-9-]+$/);
    expect(first.length).toBeLessThanOrEqual(63);
    expect(analyzerRunSpecFile('/run', analyzer)).toBe('/run/pip_abc-c1-r3.json');
    expect(analyzerRunSpecFile('/run', { ...analyzer, verifierModelVersionId: 'mdv_one' })).toBe('/run/pip_abc-c1-r3-mdv_one.json');
  });
});
