import { analyzerRunSpecVariable } from '../analyzer/read-run-spec';
import { buildWorkloadId } from './workload-id';
import { workloadLabelKeys, type WorkloadSpec } from './workload-runtime.port';

/** One analyzer per pipeline × camera node × revision: a new revision's analyzers start beside the old ones. */
export function analyzerWorkloadId(pipelineId: string, cameraNodeId: string, revision: number): string {
  return buildWorkloadId('analyzer', [pipelineId, cameraNodeId, `r${revision}`]);
}

/**
 * How the analyzer gets its run spec, which holds the service token and so never goes on argv: a 0600 file on this
 * machine (local runtime), or the JSON itself as secretEnv (Kubernetes: a Secret, read from VIGIL_ANALYZER_RUN_SPEC).
 */
export type AnalyzerRunSpecSource = { file: string } | { json: string };

export function buildAnalyzerSpec(options: {
  pipelineId: string;
  cameraNodeId: string;
  cameraId: string;
  revision: number;
  repositoryRoot: string;
  image: string;
  runSpec: AnalyzerRunSpecSource;
}): WorkloadSpec {
  const source = options.runSpec;
  return {
    id: analyzerWorkloadId(options.pipelineId, options.cameraNodeId, options.revision),
    kind: 'analyzer',
    owner: options.pipelineId,
    labels: {
      [workloadLabelKeys.pipeline]: options.pipelineId.toLowerCase(),
      [workloadLabelKeys.camera]: options.cameraId.toLowerCase(),
      [workloadLabelKeys.revision]: String(options.revision),
    },
    // The local runtime's argv; on Kubernetes the image's CMD (docker/vigil.Dockerfile, target analyzer) runs instead.
    command: [process.execPath, '--import', 'tsx', 'analyzer/main.ts', ...('file' in source ? ['--spec', source.file] : []), '--port', '{port}'],
    workingDirectory: options.repositoryRoot,
    env: {},
    ...('json' in source ? { secretEnv: { [analyzerRunSpecVariable]: source.json } } : {}),
    image: options.image,
    port: 8090,
    health: { liveness: '/healthz', readiness: '/readyz' },
    resources: { cpu: '500m', memory: '512Mi' },
  };
}
