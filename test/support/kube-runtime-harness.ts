import { afterAll, beforeAll, describe, it } from 'vitest';
import { createKubernetesRuntime, type KubernetesRuntime } from '../../runtime/kubernetes/kubernetes-runtime';
import type { KubernetesRuntimeOptions } from '../../runtime/kubernetes/kubernetes-runtime-options';
import type { WorkloadSpec } from '../../runtime/workload-runtime.port';
import { createLogger } from '../../server/logger';
import { findKubeBinaries, startKubeTestCluster, type KubeTestCluster } from './kube-test-cluster';
import type { FakeServerSpecRequest } from './runtime-contract';

export const skipKubernetesReason = 'VIGIL_TEST_SKIP_K8S=1: the Kubernetes tests are skipped';

/**
 * Declares a test file's suites over one shared test cluster (started in beforeAll, stopped in afterAll). Without the
 * control-plane binaries the file fails with what to run, unless VIGIL_TEST_SKIP_K8S=1 asks to skip it.
 */
export function describeWithKubeCluster(name: string, declare: (cluster: () => KubeTestCluster) => void): void {
  if (process.env.VIGIL_TEST_SKIP_K8S === '1') {
    describe.skip(`${name} (${skipKubernetesReason})`, () => {
      it('needs a Kubernetes test control plane', () => undefined);
    });
    return;
  }
  const binDirectory = findKubeBinaries();
  if (!binDirectory) {
    describe(name, () => {
      it('has the Kubernetes test control plane binaries', () => {
        throw new Error('the Kubernetes test control plane is not built: run `bash scripts/k8s-tools.sh` (about 12 min cold, cached in ~/.cache/vigil), or set VIGIL_TEST_SKIP_K8S=1 to skip these tests');
      });
    });
    return;
  }
  let cluster: KubeTestCluster | undefined;
  beforeAll(async () => {
    cluster = await startKubeTestCluster({ binDirectory });
    // The figure docs/decisions/0008 quotes; visible with --reporter=verbose or in the test output.
    console.info(`[kube-test-cluster] control plane ready in ${cluster.startupMs} ms`);
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  describe(name, () =>
    declare(() => {
      if (!cluster) throw new Error('the test cluster did not start (see the beforeAll error)');
      return cluster;
    }),
  );
}

export const testImage = 'vigil/fake-algorithm-server:test';

/** The fake algorithm server as a Kubernetes workload: an image (never pulled: kwok runs no containers). */
export function kubeFakeServerSpec(request: FakeServerSpecRequest): WorkloadSpec {
  const behaviour = Object.entries(request.behaviour ?? {}).map(([key, value]) => [`FAKE_${key.toUpperCase()}`, String(value)]);
  return {
    id: request.id,
    kind: 'algorithm-server',
    owner: request.owner,
    labels: request.labels ?? {},
    env: { ...request.env, ...Object.fromEntries(behaviour) },
    image: testImage,
    port: 8080,
    health: { liveness: '/healthz', readiness: '/readyz' },
    resources: { cpu: '100m', memory: '64Mi' },
  };
}

export function createTestKubernetesRuntime(cluster: KubeTestCluster, namespace: string, options: Partial<KubernetesRuntimeOptions> = {}): KubernetesRuntime {
  return createKubernetesRuntime({
    namespace,
    kubeconfigPath: cluster.kubeconfigPath,
    logger: createLogger({ level: process.env.VIGIL_TEST_RUNTIME_LOG_LEVEL ?? 'silent' }),
    ...options,
  });
}
