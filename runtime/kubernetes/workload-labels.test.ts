import { describe, expect, it } from 'vitest';
import { labelSelectorFor, ownerLabel, ownersOf, prefixedLabels, workloadLabelsOf } from './workload-labels';

describe('workload labels', () => {
  it('prefixes spec labels and reads them back without the runtime\'s own keys or owners', () => {
    const labels = {
      ...prefixedLabels({ pipeline: 'pip_a', camera: 'cam_1' }),
      'vigil.io/workload-id': 'analyzer-x',
      'vigil.io/kind': 'analyzer',
      'app.kubernetes.io/managed-by': 'vigil',
      [ownerLabel('pip_a')]: 'true',
      'pod-template-hash': 'abc',
    };
    expect(labels['vigil.io/pipeline']).toBe('pip_a');
    expect(workloadLabelsOf(labels)).toEqual({ pipeline: 'pip_a', camera: 'cam_1' });
  });

  it('reads owners from owner.vigil.io/<owner>=true labels, sorted, ignoring other values', () => {
    expect(ownersOf({ 'owner.vigil.io/pip_b': 'true', 'owner.vigil.io/pip_a': 'true', 'owner.vigil.io/pip_c': 'false', 'vigil.io/pipeline': 'pip_z' })).toEqual(['pip_a', 'pip_b']);
    expect(ownersOf(undefined)).toEqual([]);
  });

  it('builds a label selector that always requires managed-by=vigil', () => {
    expect(labelSelectorFor({})).toBe('app.kubernetes.io/managed-by=vigil');
    expect(labelSelectorFor({ id: 'w-1', kind: 'analyzer', owner: 'pip_a', labels: { camera: 'cam_1' } })).toBe(
      'app.kubernetes.io/managed-by=vigil,vigil.io/workload-id=w-1,vigil.io/kind=analyzer,owner.vigil.io/pip_a=true,vigil.io/camera=cam_1',
    );
  });
});
