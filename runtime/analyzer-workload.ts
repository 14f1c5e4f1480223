import { buildWorkloadId } from './workload-id';
import { workloadLabelKeys, type WorkloadSpec } from './workload-runtime.port';

/** One analyzer per pipeline × camera node × revision: a new revision's analyzers start beside the old ones. */
export function analyzerWorkloadId(pipelineId: string, cameraNodeId: string, revision: number): string {
  return buildWorkloadId('analyzer', [pipelineId, cameraNodeId, `r${revision}`]);
}

export function buildAnalyzerSpec(options: {
  pipelineId: string;
  cameraNodeId: string;
  cameraId: string;
  revision: number;
  /** The run-spec file (0600) the analyzer reads; it holds the service token, so it never goes on argv. */
  runSpecFile: string;
  repositoryRoot: string;
  image: string;
}): WorkloadSpec {
  return {
    id: analyzerWorkloadId(options.pipelineId, options.cameraNodeId, options.revision),
    kind: 'analyzer',
    owner: options.pipelineId,
    labels: {
      [workloadLabelKeys.pipeline]: options.pipelineId.toLowerCase(),
      [workloadLabelKeys.camera]: options.cameraId.toLowerCase(),
      [workloadLabelKeys.revision]: String(options.revision),
    },
    command: [process.execPath, '--import', 'tsx', 'analyzer/main.ts', '--spec', options.runSpecFile, '--port', '{port}'],
    workingDirectory: options.repositoryRoot,
    env: {},
    image: options.image,
    port: 8090,
    health: { liveness: '/healthz', readiness: '/readyz' },
    resources: { cpu: '500m', memory: '512Mi' },
  };
}
