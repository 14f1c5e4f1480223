import { AdmissionregistrationV1Api, AppsV1Api, CoreV1Api, PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KubernetesRuntime } from '../runtime/kubernetes/kubernetes-runtime';
import { ForeignObjectError, KubernetesApiError } from '../runtime/kubernetes/kubernetes-runtime-errors';
import { manifestOptionsOf } from '../runtime/kubernetes/kubernetes-runtime-options';
import { buildDeployment } from '../runtime/kubernetes/workload-manifests';
import { RuntimeClosedError, WorkloadLogsUnavailableError, WorkloadNotFoundError, WorkloadSpecError } from '../runtime/workload-errors';
import type { WorkloadChange, WorkloadStatus } from '../runtime/workload-runtime.port';
import { createTestKubernetesRuntime, describeWithKubeCluster, kubeFakeServerSpec, testImage } from './support/kube-runtime-harness';
import { describeRuntimeContract } from './support/runtime-contract';
import { waitForWorkload } from './support/wait-for-workload';

const contractNamespace = 'vigil-contract';
const namespace = 'vigil-k8s';

describeWithKubeCluster('kubernetes runtime', (cluster) => {
  beforeAll(async () => {
    await cluster().createNamespace(contractNamespace);
    await cluster().createNamespace(namespace);
  });

  describeRuntimeContract('kubernetes runtime', () => ({
    createRuntime: async () => createTestKubernetesRuntime(cluster(), contractNamespace),
    fakeServerSpec: kubeFakeServerSpec,
    killWorkload: async () => {
      throw new Error('not supported on kwok: no container runs, so none can be killed');
    },
    initialRestartDelayMs: 10_000,
    timeoutMs: 20_000,
    pollIntervalMs: 100,
    // kwok fakes kubelets: no container runs, no probe is made, nothing restarts or logs. What the cluster would
    // report for a crash loop or a restart is checked below by writing that pod status, as a kubelet would.
    unsupported: ['kill', 'crash-loop', 'hang', 'slow-ready', 'logs'],
  }));

  describe('objects in the cluster', () => {
    const opened: KubernetesRuntime[] = [];
    const open = (options: Parameters<typeof createTestKubernetesRuntime>[2] = {}) => {
      const runtime = createTestKubernetesRuntime(cluster(), namespace, options);
      opened.push(runtime);
      return runtime;
    };
    const apps = () => cluster().kubeConfig.makeApiClient(AppsV1Api);
    const core = () => cluster().kubeConfig.makeApiClient(CoreV1Api);
    const podsOf = async (id: string) => (await core().listNamespacedPod({ namespace, labelSelector: `vigil.io/workload-id=${id}` })).items;
    const waitFor = (runtime: KubernetesRuntime, id: string, what: string, predicate: (status: WorkloadStatus) => boolean) =>
      waitForWorkload(runtime, id, what, predicate, { timeoutMs: 20_000, intervalMs: 100 });

    afterEach(async () => {
      const cleaner = createTestKubernetesRuntime(cluster(), namespace);
      for (const status of await cleaner.list()) await cleaner.remove(status.id);
      for (const runtime of opened.splice(0)) await runtime.close();
    });

    it('deploys an algorithm server as a Deployment and a Service with its labels, probes, resources and owners', async () => {
      const runtime = open({ imagePullSecrets: ['registry-credentials'] });
      const spec = { ...kubeFakeServerSpec({ id: 'k8s-objects', owner: 'pip_a', labels: { algorithm: 'person-detector', 'algorithm-version': '1.2.0' }, env: { ADDRESS: 'http://0.0.0.0:{port}' } }), resources: { cpu: '250m', memory: '128Mi' } };
      const deployed = await runtime.deploy(spec);
      const ready = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      expect(ready).toMatchObject({ phase: 'ready', owners: ['pip_a'], specHash: deployed.specHash, restarts: 0, endpoint: { host: `k8s-objects.${namespace}.svc.cluster.local`, port: 8080 } });

      const deployment = await apps().readNamespacedDeployment({ name: spec.id, namespace });
      expect(deployment.metadata!.labels).toEqual({
        'app.kubernetes.io/managed-by': 'vigil',
        'vigil.io/workload-id': spec.id,
        'vigil.io/kind': 'algorithm-server',
        'vigil.io/algorithm': 'person-detector',
        'vigil.io/algorithm-version': '1.2.0',
        'owner.vigil.io/pip_a': 'true',
      });
      expect(deployment.metadata!.annotations!['vigil.io/spec-hash']).toBe(deployed.specHash);
      expect(deployment.status).toMatchObject({ availableReplicas: 1, readyReplicas: 1 });
      const podSpec = deployment.spec!.template.spec!;
      expect(podSpec).toMatchObject({ restartPolicy: 'Always', imagePullSecrets: [{ name: 'registry-credentials' }], automountServiceAccountToken: false });
      const [container] = podSpec.containers;
      expect(container).toMatchObject({
        image: testImage,
        ports: [{ name: 'http', containerPort: 8080 }],
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
        readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
        resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '128Mi' } },
      });
      expect(container!.env).toEqual(expect.arrayContaining([{ name: 'PORT', value: '8080' }, { name: 'ADDRESS', value: 'http://0.0.0.0:8080' }]));

      const pods = await podsOf(spec.id);
      expect(pods.map((pod) => pod.status?.phase)).toEqual(['Running']);
      expect(pods[0]!.spec!.nodeName).toBe(cluster().nodeNames[0]);

      const service = await core().readNamespacedService({ name: spec.id, namespace });
      expect(service.spec).toMatchObject({ type: 'ClusterIP', selector: { 'vigil.io/workload-id': spec.id }, ports: [{ port: 8080, targetPort: 'http' }] });
      expect(service.metadata!.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'vigil', 'vigil.io/workload-id': spec.id });
      expect(service.metadata!.ownerReferences).toMatchObject([{ kind: 'Deployment', name: spec.id, uid: deployment.metadata!.uid }]);
    });

    it('an analyzer without a port gets a Deployment only, recreated before replaced', async () => {
      const runtime = open();
      const spec = { ...kubeFakeServerSpec({ id: 'k8s-analyzer', owner: 'pip_a', labels: { pipeline: 'pip_a', camera: 'cam_1', revision: '2' } }), kind: 'analyzer' as const, port: undefined, health: undefined };
      await runtime.deploy(spec);
      const ready = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      expect(ready.endpoint).toBeUndefined();
      expect((await runtime.list({ kind: 'analyzer', labels: { camera: 'cam_1' } })).map((status) => status.id)).toEqual([spec.id]);
      expect((await core().listNamespacedService({ namespace, labelSelector: `vigil.io/workload-id=${spec.id}` })).items).toEqual([]);
      expect((await apps().readNamespacedDeployment({ name: spec.id, namespace })).spec!.strategy).toEqual({ type: 'Recreate' });
    });

    it('a deleted pod is recreated by its ReplicaSet and the workload is ready again', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-pod-delete', owner: 'pip_a' });
      await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      const [before] = await podsOf(spec.id);
      await core().deleteNamespacedPod({ name: before!.metadata!.name!, namespace });
      await expect.poll(async () => (await podsOf(spec.id)).map((pod) => pod.metadata!.name), { timeout: 20_000 }).toEqual([expect.not.stringMatching(before!.metadata!.name!)]);
      const back = await waitFor(runtime, spec.id, 'ready with the new pod', (status) => status.ready);
      expect(back.restarts).toBe(0);
    });

    it('a changed image or env rolls out a new ReplicaSet, and status says so until the new pod is ready', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-rollout', owner: 'pip_a' });
      const first = await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      const generation = (await apps().readNamespacedDeployment({ name: spec.id, namespace })).metadata!.generation!;

      // The new pod asks for a GPU no kwok node has: it stays Pending, so the rollout cannot finish.
      const stuck = await runtime.deploy({ ...spec, image: 'vigil/fake-algorithm-server:v2', resources: { ...spec.resources, 'nvidia.com/gpu': 1 } });
      expect(stuck.specHash).not.toBe(first.specHash);
      const rolling = await waitFor(runtime, spec.id, 'reporting the stuck rollout', (status) => /not scheduled/.test(status.message ?? ''));
      expect(rolling).toMatchObject({ ready: false, phase: 'running', specHash: stuck.specHash });
      expect(rolling.message).toMatch(/rollout in progress: 1 of 1 updated; not scheduled: .*nvidia\.com\/gpu/);
      expect((await apps().readNamespacedDeployment({ name: spec.id, namespace })).spec!.template.spec!.containers[0]!.resources!.limits).toEqual({ memory: '64Mi', 'nvidia.com/gpu': '1' });

      // A schedulable change finishes: a new ReplicaSet with the new env, the old ones scaled to zero.
      const changed = await runtime.deploy({ ...spec, env: { MODEL: 'v3' } });
      const done = await waitFor(runtime, spec.id, 'ready after the rollout', (status) => status.ready);
      expect(done).toMatchObject({ specHash: changed.specHash, restarts: 0 });
      expect(done.message).toBeUndefined();
      const deployment = await apps().readNamespacedDeployment({ name: spec.id, namespace });
      expect(deployment.metadata!.generation).toBe(generation + 2);
      const replicaSets = (await apps().listNamespacedReplicaSet({ namespace, labelSelector: `vigil.io/workload-id=${spec.id}` })).items;
      expect(replicaSets).toHaveLength(3);
      const current = replicaSets.filter((set) => (set.spec!.replicas ?? 0) > 0);
      expect(current).toHaveLength(1);
      expect(current[0]!.spec!.template!.spec!.containers[0]!.env).toContainEqual({ name: 'MODEL', value: 'v3' });
      await expect.poll(async () => (await podsOf(spec.id)).map((pod) => pod.metadata!.labels!['pod-template-hash']), { timeout: 20_000 }).toEqual([current[0]!.metadata!.labels!['pod-template-hash']]);
    });

    it('remove deletes its Deployment, Service, ReplicaSets and pods, and leaves lookalike objects alone', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-remove', owner: 'pip_a', labels: { pipeline: 'pip_a' } });
      await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      // Same labels, not Vigil's: a ConfigMap with the workload id, and someone else's Deployment with the pipeline label.
      await core().createNamespacedConfigMap({ namespace, body: { metadata: { name: 'k8s-remove-notes', labels: { 'vigil.io/workload-id': spec.id } }, data: { note: 'keep' } } });
      await apps().createNamespacedDeployment({
        namespace,
        body: {
          metadata: { name: 'k8s-remove-neighbour', labels: { 'vigil.io/pipeline': 'pip_a', 'app.kubernetes.io/managed-by': 'someone-else' } },
          spec: { replicas: 1, selector: { matchLabels: { app: 'neighbour' } }, template: { metadata: { labels: { app: 'neighbour' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } },
        },
      });

      expect(await runtime.remove(spec.id, { owner: 'pip_a' })).toEqual({ outcome: 'removed', remainingOwners: [] });
      expect(await runtime.status(spec.id)).toBeUndefined();
      const selector = `vigil.io/workload-id=${spec.id}`;
      await expect
        .poll(async () => ({
          deployments: (await apps().listNamespacedDeployment({ namespace, labelSelector: selector })).items.length,
          replicaSets: (await apps().listNamespacedReplicaSet({ namespace, labelSelector: selector })).items.length,
          pods: (await podsOf(spec.id)).length,
          services: (await core().listNamespacedService({ namespace, labelSelector: selector })).items.length,
        }), { timeout: 20_000 })
        .toEqual({ deployments: 0, replicaSets: 0, pods: 0, services: 0 });
      expect((await core().readNamespacedConfigMap({ name: 'k8s-remove-notes', namespace })).data).toEqual({ note: 'keep' });
      expect((await apps().readNamespacedDeployment({ name: 'k8s-remove-neighbour', namespace })).metadata!.deletionTimestamp).toBeUndefined();
      expect(await runtime.list({ labels: { pipeline: 'pip_a' } })).toEqual([]);
      await core().deleteNamespacedConfigMap({ name: 'k8s-remove-notes', namespace });
      await apps().deleteNamespacedDeployment({ name: 'k8s-remove-neighbour', namespace });
    });

    it('secretEnv goes in an owned Secret read by secretKeyRef, never into the Deployment; a new value rolls out; dropped or removed, the Secret goes', async () => {
      const runtime = open();
      const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      const token = 'vgl_k8s-secret-token';
      const spec = { ...kubeFakeServerSpec({ id: 'k8s-secret', owner: 'pip_a', labels: { pipeline: 'pip_a' }, env: { PLAIN: 'yes' } }), secretEnv: { SERVICE_TOKEN: token, RUN_SPEC: '{"report":{"token":"vgl_in-json"}}' } };
      const first = await runtime.deploy(spec);
      const ready = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);

      const secret = await core().readNamespacedSecret({ name: spec.id, namespace });
      const deployment = await apps().readNamespacedDeployment({ name: spec.id, namespace });
      expect(secret.type).toBe('Opaque');
      expect(secret.data).toEqual({ SERVICE_TOKEN: base64(token), RUN_SPEC: base64('{"report":{"token":"vgl_in-json"}}') });
      expect(secret.metadata!.labels).toEqual({ 'app.kubernetes.io/managed-by': 'vigil', 'vigil.io/workload-id': spec.id, 'vigil.io/kind': 'algorithm-server' });
      expect(secret.metadata!.ownerReferences).toMatchObject([{ apiVersion: 'apps/v1', kind: 'Deployment', name: spec.id, uid: deployment.metadata!.uid, controller: true }]);
      const env = deployment.spec!.template.spec!.containers[0]!.env!;
      expect(env.filter((variable) => variable.name in spec.secretEnv)).toEqual([
        { name: 'RUN_SPEC', valueFrom: { secretKeyRef: { name: spec.id, key: 'RUN_SPEC' } } },
        { name: 'SERVICE_TOKEN', valueFrom: { secretKeyRef: { name: spec.id, key: 'SERVICE_TOKEN' } } },
      ]);
      expect(env).toContainEqual({ name: 'PLAIN', value: 'yes' });
      // Nowhere in the Deployment (labels, annotations, template, managed fields), its pods or the runtime's answers.
      const [pod] = await podsOf(spec.id);
      for (const shown of [deployment, pod, first, ready, await runtime.status(spec.id), await runtime.list()]) {
        const text = JSON.stringify(shown);
        for (const hidden of [token, base64(token), 'vgl_in-json']) expect(text).not.toContain(hidden);
      }

      // Only the value changes: the spec hash does, on the Deployment and its pod template, and a new ReplicaSet's pod takes over.
      const rotated = await runtime.deploy({ ...spec, secretEnv: { ...spec.secretEnv, SERVICE_TOKEN: 'vgl_rotated' } });
      expect(rotated.specHash).not.toBe(first.specHash);
      expect((await core().readNamespacedSecret({ name: spec.id, namespace })).data!.SERVICE_TOKEN).toBe(base64('vgl_rotated'));
      const done = await waitFor(runtime, spec.id, 'ready after the rollout', (status) => status.ready && status.specHash === rotated.specHash && status.message === undefined);
      expect(done.restarts).toBe(0);
      const replicaSets = (await apps().listNamespacedReplicaSet({ namespace, labelSelector: `vigil.io/workload-id=${spec.id}` })).items;
      expect(replicaSets).toHaveLength(2);
      const current = replicaSets.filter((set) => (set.spec!.replicas ?? 0) > 0);
      expect(current.map((set) => set.spec!.template!.metadata!.annotations!['vigil.io/spec-hash'])).toEqual([rotated.specHash]);
      await expect.poll(async () => (await podsOf(spec.id)).map((candidate) => candidate.metadata!.labels!['pod-template-hash']), { timeout: 20_000 }).toEqual([current[0]!.metadata!.labels!['pod-template-hash']]);

      // A changed spec without secretEnv takes its Secret away; one with it again brings it back.
      const { secretEnv: _secretEnv, ...plain } = spec;
      await runtime.deploy(plain);
      await expect(core().readNamespacedSecret({ name: spec.id, namespace })).rejects.toMatchObject({ code: 404 });
      expect((await apps().readNamespacedDeployment({ name: spec.id, namespace })).spec!.template.spec!.containers[0]!.env!.map((variable) => variable.name)).not.toContain('SERVICE_TOKEN');
      await runtime.deploy(spec);
      expect((await core().readNamespacedSecret({ name: spec.id, namespace })).data!.SERVICE_TOKEN).toBe(base64(token));

      // Removed by the runtime itself, not left to the garbage collector: here one it would never take, as a worker that
      // died between the Deployment and the Secret's owner reference (a first deploy) leaves it.
      await core().patchNamespacedSecret({ name: spec.id, namespace, body: { metadata: { ownerReferences: null } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
      expect((await core().readNamespacedSecret({ name: spec.id, namespace })).metadata!.ownerReferences).toBeUndefined();
      expect(await runtime.remove(spec.id, { owner: 'pip_a' })).toEqual({ outcome: 'removed', remainingOwners: [] });
      await expect(core().readNamespacedSecret({ name: spec.id, namespace })).rejects.toMatchObject({ code: 404 });
    });

    it('refuses to take over a Secret it did not create, and leaves it as it was', async () => {
      const runtime = open();
      await core().createNamespacedSecret({ namespace, body: { metadata: { name: 'k8s-secret-foreign' }, stringData: { SERVICE_TOKEN: 'theirs' } } });
      try {
        const spec = { ...kubeFakeServerSpec({ id: 'k8s-secret-foreign', owner: 'pip_a' }), secretEnv: { SERVICE_TOKEN: 'ours' } };
        await expect(runtime.deploy(spec)).rejects.toThrow(/a Secret with this name exists and is not managed by Vigil/);
        expect(await runtime.status(spec.id)).toBeUndefined();
        expect((await core().readNamespacedSecret({ name: spec.id, namespace })).data).toEqual({ SERVICE_TOKEN: Buffer.from('theirs').toString('base64') });
      } finally {
        await core().deleteNamespacedSecret({ name: 'k8s-secret-foreign', namespace });
      }
    });

    it('refuses a malformed image name with a WorkloadSpecError and creates nothing', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-bad-image', owner: 'pip_a' });
      await expect(runtime.deploy({ ...spec, image: 'Bad Image:tag' })).rejects.toThrow(WorkloadSpecError);
      await expect(runtime.deploy({ ...spec, image: 'Bad Image:tag' })).rejects.toThrow(/image "Bad Image:tag" contains white space/);
      await expect(runtime.deploy({ ...spec, image: 'Vigil/Detector:1.0' })).rejects.toThrow(/not a valid reference/);
      await expect(runtime.deploy({ ...spec, image: undefined })).rejects.toThrow(/needs an image/);
      await expect(runtime.deploy({ ...spec, labels: { kind: 'x' } })).rejects.toThrow(/labels\.kind: reserved/);
      expect(await runtime.status(spec.id)).toBeUndefined();
    });

    it('passes on the API server\'s refusal of an invalid resource request', async () => {
      const runtime = open();
      const manifest = buildDeployment(kubeFakeServerSpec({ id: 'k8s-bad-resources', owner: 'pip_a' }), manifestOptionsOf({ namespace, logger: undefined as never }));
      const container = manifest.spec!.template.spec!.containers[0]!;
      // The spec schema refuses these; the API layer below it is what the cluster itself checks.
      container.resources = { limits: { 'nvidia.com/gpu': '-1' } };
      const negative = await runtime.api.apply(manifest).catch((error: unknown) => error);
      expect(negative).toBeInstanceOf(KubernetesApiError);
      expect(negative).toMatchObject({ statusCode: 422 });
      expect((negative as Error).message).toMatch(/nvidia\.com\/gpu.*must be greater than or equal to 0/);
      container.resources = { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } };
      await expect(runtime.api.apply(manifest)).rejects.toThrow(/must be less than or equal to memory limit/);

    });

    it('a cluster policy refusing the workload (422 Invalid) is a WorkloadSpecError with the policy\'s words', async () => {
      const runtime = open();
      const admission = cluster().kubeConfig.makeApiClient(AdmissionregistrationV1Api);
      const name = 'vigil-test-one-gpu';
      await admission.createValidatingAdmissionPolicy({
        body: {
          metadata: { name },
          spec: {
            failurePolicy: 'Fail',
            matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] },
            validations: [{
              expression: "object.spec.template.spec.containers.all(c, !has(c.resources.limits) || !('nvidia.com/gpu' in c.resources.limits) || c.resources.limits['nvidia.com/gpu'] in ['0', '1'])",
              message: 'at most one GPU per workload in this namespace',
              reason: 'Invalid',
            }],
          },
        },
      });
      await admission.createValidatingAdmissionPolicyBinding({
        body: { metadata: { name }, spec: { policyName: name, validationActions: ['Deny'], matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } } } },
      });
      try {
        const spec = { ...kubeFakeServerSpec({ id: 'k8s-policy', owner: 'pip_a' }), resources: { 'nvidia.com/gpu': 2 } };
        // The API server picks the policy up from its informer within a moment: wait with dry runs.
        const manifest = buildDeployment(spec, manifestOptionsOf({ namespace, logger: undefined as never }));
        await expect.poll(() => runtime.api.apply(manifest, { dryRun: true }).then(() => 'accepted', (error: KubernetesApiError) => error.statusCode), { timeout: 10_000 }).toBe(422);
        await expect(runtime.deploy(spec)).rejects.toBeInstanceOf(WorkloadSpecError);
        await expect(runtime.deploy(spec)).rejects.toThrow(/^workload k8s-policy: Kubernetes refused the Deployment: .*at most one GPU per workload in this namespace/);
        expect(await runtime.status(spec.id)).toBeUndefined();
      } finally {
        await admission.deleteValidatingAdmissionPolicyBinding({ name });
        await admission.deleteValidatingAdmissionPolicy({ name });
      }
    });

    it('pods the namespace refuses (a LimitRange) make the workload failed, with the reason', async () => {
      const runtime = open();
      await core().createNamespacedLimitRange({ namespace, body: { metadata: { name: 'k8s-small' }, spec: { limits: [{ type: 'Container', max: { memory: '256Mi' } }] } } });
      try {
        const spec = { ...kubeFakeServerSpec({ id: 'k8s-limit-range', owner: 'pip_a' }), resources: { memory: '512Mi' } };
        await runtime.deploy(spec);
        const failed = await waitFor(runtime, spec.id, 'failed', (status) => status.phase === 'failed');
        expect(failed.ready).toBe(false);
        expect(failed.message).toMatch(/forbidden: maximum memory usage per Container is 256Mi, but limit is 512Mi/);
      } finally {
        await core().deleteNamespacedLimitRange({ name: 'k8s-small', namespace });
      }
    });

    it('maps what a kubelet reports: a crash loop, a failed image pull, a restarted container', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-states', owner: 'pip_a' });
      await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      const [pod] = await podsOf(spec.id);
      // Kubernetes keeps whole seconds.
      const now = Math.floor(Date.now() / 1000) * 1000;
      const at = (offsetSeconds: number) => new Date(now + offsetSeconds * 1000).toISOString();

      await writePodStatus(pod!, {
        ready: false,
        restartCount: 3,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(-2), finishedAt: at(-1) } },
      });
      const crashing = await waitFor(runtime, spec.id, 'in crash-loop', (status) => status.phase === 'crash-loop');
      expect(crashing).toMatchObject({ ready: false, restarts: 3, lastExit: { code: 1, reason: 'exited', at: at(-1) }, message: 'CrashLoopBackOff: back-off 40s restarting failed container' });

      await writePodStatus(pod!, { ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "vigil/fake-algorithm-server:test"' } } });
      const failed = await waitFor(runtime, spec.id, 'failed', (status) => status.phase === 'failed');
      expect(failed.message).toBe('ImagePullBackOff: Back-off pulling image "vigil/fake-algorithm-server:test"');

      // After a kill -9 (or the OOM killer) the kubelet restarts the container in place and counts it.
      await writePodStatus(pod!, { ready: true, restartCount: 1, state: { running: { startedAt: at(0) } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at(-5), finishedAt: at(0) } } });
      const restarted = await waitFor(runtime, spec.id, 'ready after a restart', (status) => status.ready && status.restarts === 1);
      expect(restarted.lastExit).toEqual({ code: 137, signal: null, reason: 'out-of-memory', at: at(0) });
      expect(Date.parse(restarted.since)).toBeGreaterThanOrEqual(Date.parse(restarted.lastExit!.at));
    });

    it('the watch reports a crash loop and its restarts as the kubelet writes them, without polling', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-watched', owner: 'pip_a' });
      await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      const heard: WorkloadChange[] = [];
      const watch = runtime.watch((change) => {
        if (change.id === spec.id) heard.push(change);
      });
      try {
        const until = async (what: string, done: () => boolean) => {
          const deadline = Date.now() + 20_000;
          while (!done()) {
            if (Date.now() > deadline) throw new Error(`watch: timed out waiting for ${what}; heard ${JSON.stringify(heard.map((change) => change.status?.phase))}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        await until('the current state', () => heard.some((change) => change.status?.ready === true));
        const [pod] = await podsOf(spec.id);
        await writePodStatus(pod!, { ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container' } } });
        await until('the crash loop', () => heard.some((change) => change.status?.phase === 'crash-loop'));
        expect(heard.find((change) => change.status?.phase === 'crash-loop')?.status).toMatchObject({ ready: false, restarts: 4, message: 'CrashLoopBackOff: back-off 1m20s restarting failed container' });
        await writePodStatus(pod!, { ready: true, restartCount: 4, state: { running: { startedAt: new Date().toISOString() } } });
        await until('ready again', () => heard.at(-1)?.status?.ready === true);
      } finally {
        await watch.stop();
      }
    });

    it('two instances deploying one workload for two owners at once end with one workload owned by both', async () => {
      const [first, second] = [open(), open()];
      const spec = kubeFakeServerSpec({ id: 'k8s-race', owner: 'pip_a' });
      await Promise.all([first.deploy(spec), second.deploy({ ...spec, owner: 'pip_b' }), first.deploy({ ...spec, owner: 'pip_c' })]);
      expect((await second.status(spec.id))!.owners).toEqual(['pip_a', 'pip_b', 'pip_c']);
      expect(await first.list()).toHaveLength(1);

      // The last claim's removal racing a new claim: either order ends with the workload there, claimed by pip_d.
      await first.remove(spec.id, { owner: 'pip_a' });
      await first.remove(spec.id, { owner: 'pip_b' });
      const [removal] = await Promise.all([first.remove(spec.id, { owner: 'pip_c' }), second.deploy({ ...spec, owner: 'pip_d' })]);
      expect(['removed', 'still-owned']).toContain(removal.outcome);
      const after = await waitFor(second, spec.id, 'claimed by pip_d', (status) => status.owners.includes('pip_d'));
      expect(after.owners).toEqual(['pip_d']);
      expect((await apps().listNamespacedDeployment({ namespace, labelSelector: 'vigil.io/workload-id=k8s-race' })).items).toHaveLength(1);
    });

    it('refuses to take over a Deployment it did not create', async () => {
      const runtime = open();
      await apps().createNamespacedDeployment({
        namespace,
        body: { metadata: { name: 'k8s-foreign' }, spec: { replicas: 1, selector: { matchLabels: { app: 'foreign' } }, template: { metadata: { labels: { app: 'foreign' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } } },
      });
      await expect(runtime.deploy(kubeFakeServerSpec({ id: 'k8s-foreign', owner: 'pip_a' }))).rejects.toBeInstanceOf(ForeignObjectError);
      expect(await runtime.status('k8s-foreign')).toBeUndefined();
      expect(await runtime.remove('k8s-foreign')).toEqual({ outcome: 'not-found', remainingOwners: [] });
      expect((await apps().readNamespacedDeployment({ name: 'k8s-foreign', namespace })).spec!.template.spec!.containers[0]!.image).toBe('nginx:1');
      await apps().deleteNamespacedDeployment({ name: 'k8s-foreign', namespace });
    });

    it('logs: a clear error where the kubelet cannot answer (kwok), not-found for an unknown workload', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-logs', owner: 'pip_a' });
      await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      const error = await runtime.logs(spec.id, { tail: 5 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WorkloadLogsUnavailableError);
      expect((error as Error).message).toMatch(/^logs of workload k8s-logs are unavailable: pod k8s-logs-[a-z0-9]+-[a-z0-9]+: /);
      await expect(runtime.logs('k8s-nothing-here')).rejects.toBeInstanceOf(WorkloadNotFoundError);
    });

    it('close() leaves workloads running for the next instance and refuses further calls', async () => {
      const runtime = open();
      const spec = kubeFakeServerSpec({ id: 'k8s-close', owner: 'pip_a' });
      await runtime.deploy(spec);
      await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
      await runtime.close();
      await expect(runtime.status(spec.id)).rejects.toBeInstanceOf(RuntimeClosedError);
      const next = open();
      expect(await next.status(spec.id)).toMatchObject({ ready: true, owners: ['pip_a'], restarts: 0 });
    });

    /** Writes the single container's status the way a kubelet would (kwok leaves Running pods alone). */
    async function writePodStatus(pod: V1Pod, container: { ready: boolean; restartCount: number; state: object; lastState?: object }): Promise<void> {
      const name = pod.spec!.containers[0]!.name;
      const now = new Date().toISOString();
      await core().patchNamespacedPodStatus(
        {
          name: pod.metadata!.name!,
          namespace,
          body: [
            { op: 'replace', path: '/status/containerStatuses', value: [{ name, image: testImage, imageID: '', started: container.ready, lastState: {}, ...container }] },
            { op: 'replace', path: '/status/conditions', value: ['Initialized', 'PodScheduled', 'ContainersReady', 'Ready'].map((type) => ({ type, status: type === 'Initialized' || type === 'PodScheduled' || container.ready ? 'True' : 'False', lastTransitionTime: now })) },
          ],
        },
      );
    }
  });
});
