import { describe, expect, it } from 'vitest';
import { algorithmServerWorkloadId } from './algorithm-server-workload';
import { buildWorkloadId } from './workload-id';

describe('workload ids', () => {
  it('are deterministic, readable DNS-1035 labels', () => {
    const id = algorithmServerWorkloadId('person-detector', '1.2.0');
    expect(id).toBe(algorithmServerWorkloadId('person-detector', '1.2.0'));
    expect(id).toMatch(/^algorithm-person-detector-1-2-0-[0-9a-f]{8}$/);
  });

  it('tell apart versions that slug alike and stay within 63 characters', () => {
    expect(algorithmServerWorkloadId('a', '1.0.0-rc.1')).not.toBe(algorithmServerWorkloadId('a', '1.0.0-rc-1'));
    const long = buildWorkloadId('analyzer', ['p'.repeat(60), 'c'.repeat(60)]);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
  });
});
