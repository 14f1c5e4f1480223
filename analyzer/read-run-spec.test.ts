import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzerRunSpec } from './analyzer-run-spec';
import { AnalyzerRunSpecError, analyzerRunSpecVariable, readAnalyzerRunSpec } from './read-run-spec';

const run: AnalyzerRunSpec = {
  pipeline: { id: 'pip_a', name: 'Gate', revision: 3 },
  analyzer: {
    cameraNodeId: 'c1', cameraId: 'cam_a', cameraName: 'Gate', fps: 5, width: 640, height: 360,
    algorithms: [{ algorithmNodeId: 'a1', algorithmId: 'alg_person', params: { threshold: 0.4 }, minScore: 0.3, restreams: [], rules: [] }],
  },
  streamUrl: 'rtsp://relay/cam_a',
  algorithms: { alg_person: { name: 'person', version: '1.0.0', baseUrl: 'http://algorithm-person:8080' } },
  report: { endpoint: 'http://vigil-web:3000/api/v1/alarms/events', token: 'vgl_secret-token', spoolDir: '/tmp/vigil-outbox/pip_a-c1' },
  motionGate: true,
};

describe('readAnalyzerRunSpec', () => {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-run-spec-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const fileWith = (name: string, content: string) => {
    const file = join(directory, name);
    writeFileSync(file, content, { mode: 0o600 });
    return file;
  };

  it('reads the --spec file when the environment has no run spec, keeping fields the schema does not check', () => {
    const file = fileWith('run.json', JSON.stringify(run));
    expect(readAnalyzerRunSpec({ environment: {}, specFile: file })).toEqual(run);
  });

  it('prefers VIGIL_ANALYZER_RUN_SPEC over the file', () => {
    const file = fileWith('other.json', JSON.stringify({ ...run, streamUrl: 'rtsp://from-the-file' }));
    const fromEnvironment = readAnalyzerRunSpec({ environment: { [analyzerRunSpecVariable]: JSON.stringify(run) }, specFile: file });
    expect(fromEnvironment.streamUrl).toBe('rtsp://relay/cam_a');
    expect(readAnalyzerRunSpec({ environment: { [analyzerRunSpecVariable]: JSON.stringify(run) } })).toEqual(run);
  });

  it('names the environment variable when its JSON is invalid, without echoing the content', () => {
    const read = () => readAnalyzerRunSpec({ environment: { [analyzerRunSpecVariable]: '{"report":{"token":"vgl_secret-token"' }, specFile: fileWith('valid.json', JSON.stringify(run)) });
    expect(read).toThrow(AnalyzerRunSpecError);
    expect(read).toThrow('analyzer run spec from the environment variable VIGIL_ANALYZER_RUN_SPEC: not valid JSON');
    expect(() => read()).not.toThrow(/vgl_secret/);
  });

  it('names the source and the paths of a JSON that is not a run spec', () => {
    const { report: _report, ...withoutReport } = run;
    expect(() => readAnalyzerRunSpec({ environment: { [analyzerRunSpecVariable]: JSON.stringify({ ...withoutReport, motionGate: 'yes' }) } })).toThrow(
      /^analyzer run spec from the environment variable VIGIL_ANALYZER_RUN_SPEC: .*report: .*motionGate: /,
    );
    const badUrl = fileWith('bad-url.json', JSON.stringify({ ...run, report: { ...run.report, endpoint: 'not a url' } }));
    expect(() => readAnalyzerRunSpec({ environment: {}, specFile: badUrl })).toThrow(`analyzer run spec from the file ${badUrl}: report.endpoint: Invalid URL`);
  });

  it('says what is missing or unreadable', () => {
    expect(() => readAnalyzerRunSpec({ environment: {} })).toThrow(/give --spec <run-spec.json> or set VIGIL_ANALYZER_RUN_SPEC/);
    expect(() => readAnalyzerRunSpec({ environment: {}, specFile: join(directory, 'missing.json') })).toThrow(/missing\.json: cannot be read \(ENOENT\)/);
    const broken = fileWith('broken.json', '{');
    expect(() => readAnalyzerRunSpec({ environment: {}, specFile: broken })).toThrow(`analyzer run spec from the file ${broken}: not valid JSON`);
  });
});
