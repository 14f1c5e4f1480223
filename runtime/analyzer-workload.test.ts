import { describe, expect, it } from 'vitest';
import { buildAnalyzerSpec } from './analyzer-workload';
import { assertValidWorkloadSpec, hashWorkloadSpec } from './workload-spec';

const common = { pipelineId: 'pip_A1', cameraNodeId: 'c1', cameraId: 'cam_B2', revision: 3, repositoryRoot: '/app', image: 'vigil/analyzer:0.1.0' };

describe('buildAnalyzerSpec', () => {
  it('locally passes the 0600 run-spec file on argv and no secret', () => {
    const spec = buildAnalyzerSpec({ ...common, runSpec: { file: '/data/run.json' } });
    expect(spec.command!.slice(3)).toEqual(['analyzer/main.ts', '--spec', '/data/run.json', '--port', '{port}']);
    expect(spec.secretEnv).toBeUndefined();
    expect(() => assertValidWorkloadSpec(spec)).not.toThrow();
  });

  it('hands the run spec over as secretEnv VIGIL_ANALYZER_RUN_SPEC, with no file on argv, for the Kubernetes runtime', () => {
    const spec = buildAnalyzerSpec({ ...common, runSpec: { json: '{"report":{"token":"vgl_t"}}' } });
    expect(spec.secretEnv).toEqual({ VIGIL_ANALYZER_RUN_SPEC: '{"report":{"token":"vgl_t"}}' });
    expect(spec.env).toEqual({});
    expect(spec.command!.slice(3)).toEqual(['analyzer/main.ts', '--port', '{port}']);
    expect(JSON.stringify(spec.command)).not.toContain('vgl_t');
    expect(() => assertValidWorkloadSpec(spec)).not.toThrow();
    // A new token (a new run spec) is a new spec: the running analyzer is replaced.
    expect(hashWorkloadSpec(buildAnalyzerSpec({ ...common, runSpec: { json: '{"report":{"token":"vgl_u"}}' } }))).not.toBe(hashWorkloadSpec(spec));
  });
});
