import type { AlgorithmManifest } from '../lib/algorithms/manifest-schema';
import { buildWorkloadId } from './workload-id';
import { workloadLabelKeys, type WorkloadSpec } from './workload-runtime.port';

/** One server per algorithm name@version, whoever uses it: the id depends on nothing else. */
export function algorithmServerWorkloadId(name: string, version: string): string {
  return buildWorkloadId('algorithm', [name, version]);
}

/**
 * The workload that serves an algorithm version (DESIGN §4.1), claimed by `owner` (usually a pipeline id).
 * It carries no pipeline or camera label because several pipelines share it; who uses it is in its owners.
 */
export function buildAlgorithmServerSpec(manifest: AlgorithmManifest, claim: { owner: string; packageDirectory?: string }): WorkloadSpec {
  return {
    id: algorithmServerWorkloadId(manifest.name, manifest.version),
    kind: 'algorithm-server',
    owner: claim.owner,
    labels: { [workloadLabelKeys.algorithm]: manifest.name, [workloadLabelKeys.algorithmVersion]: manifest.version },
    command: manifest.command,
    workingDirectory: claim.packageDirectory,
    env: manifest.env,
    image: manifest.image,
    port: manifest.port,
    health: { liveness: manifest.health.liveness, readiness: manifest.health.readiness },
    resources: manifest.resources,
  };
}
