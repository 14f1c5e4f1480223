import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthorizationV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveCommand, effectiveUser, isPinnedBaseImage, isRootUser, parseDockerfile, stageChain } from '../docker/dockerfile-stages';
import { listImageBuilds } from '../docker/image-builds';
import { describeManifest, type KubernetesManifest } from '../k8s/kubernetes-manifest';
import { isClusterScoped } from '../k8s/kustomize-transformers';
import { renderKustomization } from '../k8s/render-kustomization';
import { configSchema, toVigilConfig } from '../lib/config/config-schema';
import { buildAnalyzerSpec } from '../runtime/analyzer-workload';
import { createKubernetesRuntime } from '../runtime/kubernetes/kubernetes-runtime';
import { managedByLabel, managedByValue, workloadIdLabel } from '../runtime/kubernetes/workload-labels';
import { createLogger } from '../server/logger';
import { describeWithKubeCluster, kubeFakeServerSpec } from './support/kube-runtime-harness';
import { allContainers, isDockerIgnored, permission, permissionsGrantedBy, permissionsUsedBy, podTemplateOf, watchPermissionsIn, type Container } from './support/manifest-checks';
import { waitForWorkload } from './support/wait-for-workload';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const base = renderKustomization(join(root, 'k8s/base'));
const production = renderKustomization(join(root, 'k8s/overlays/production'));
const namespace = 'vigil';

function find(objects: readonly KubernetesManifest[], kind: string, name: string): KubernetesManifest {
  const object = objects.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name} in the rendered manifests`);
  return object;
}
const ofKind = (objects: readonly KubernetesManifest[], kind: string) => objects.filter((object) => object.kind === kind);
const containerOf = (deployment: string, name: string) => allContainers(podTemplateOf(find(base, 'Deployment', deployment)).spec).find((container) => container.name === name)!;
const portOf = (container: Container, name: string) => container.ports?.find((port) => port.name === name)?.containerPort;
const configData = find(base, 'ConfigMap', 'vigil-config').data as Record<string, string>;
const secretKeys = ['DATABASE_URL', 'VIGIL_SECRET_KEY', 'VIGIL_ADMIN_PASSWORD'];

describe('k8s/ manifests, rendered', () => {
  it('hold web, worker and media server with their settings, Services, volume and RBAC, all labelled, in namespace vigil', () => {
    expect(base.map(describeManifest).sort()).toEqual(
      [
        'Namespace vigil', 'ServiceAccount vigil/vigil-worker', 'Role vigil/vigil-workload-manager', 'RoleBinding vigil/vigil-worker',
        'ConfigMap vigil/vigil-config', 'Secret vigil/vigil-secrets', 'PersistentVolumeClaim vigil/vigil-data',
        'Deployment vigil/vigil-web', 'Deployment vigil/vigil-worker', 'Deployment vigil/vigil-media', 'Service vigil/vigil-web', 'Service vigil/vigil-media',
      ].sort(),
    );
    for (const object of base) {
      expect(object.metadata.labels, describeManifest(object)).toMatchObject({ 'app.kubernetes.io/name': 'vigil', 'app.kubernetes.io/part-of': 'vigil', 'app.kubernetes.io/managed-by': 'kustomize' });
      // The runtime adopts (lists, repairs, removes) what carries its labels: Vigil's own objects never may.
      expect(object.metadata.labels?.[managedByLabel], describeManifest(object)).not.toBe(managedByValue);
      expect(object.metadata.labels?.[workloadIdLabel]).toBeUndefined();
    }
    for (const deployment of ofKind(base, 'Deployment')) {
      const template = podTemplateOf(deployment);
      expect(template.metadata?.labels?.[managedByLabel]).not.toBe(managedByValue);
      expect(template.metadata?.labels).toMatchObject((deployment.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels);
      expect(deployment.metadata.labels?.['app.kubernetes.io/component']).toBe(template.metadata?.labels?.['app.kubernetes.io/component']);
    }
  });

  it('route each Service to one Deployment, on ports its containers name', () => {
    for (const service of ofKind(base, 'Service')) {
      const spec = service.spec as { selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort: string }> };
      const selected = ofKind(base, 'Deployment').filter((deployment) => Object.entries(spec.selector).every(([key, value]) => podTemplateOf(deployment).metadata?.labels?.[key] === value));
      expect(selected.map((deployment) => deployment.metadata.name), describeManifest(service)).toEqual([service.metadata.name]);
      const names = podTemplateOf(selected[0]!).spec.containers.flatMap((container) => container.ports?.map((port) => port.name) ?? []);
      for (const port of spec.ports) expect(names, `${describeManifest(service)} port ${port.name}`).toContain(port.targetPort);
    }
    expect((find(base, 'Service', 'vigil-web').spec as { ports: unknown[] }).ports).toEqual([
      { name: 'http', port: 3000, targetPort: 'http', protocol: 'TCP' },
      { name: 'ws-alias', port: 5200, targetPort: 'ws-alias', protocol: 'TCP' },
    ]);
    expect((find(base, 'Service', 'vigil-media').spec as { ports: Array<{ port: number }> }).ports.map((port) => port.port)).toEqual([31935, 30080, 30081]);
    const web = containerOf('vigil-web', 'web') as Container & { readinessProbe?: { httpGet?: { path: string } } };
    expect(web.readinessProbe?.httpGet?.path).toBe('/api/v1/health');
  });

  it('run every container as non-root, read-only, without privilege escalation or capabilities, with resources', () => {
    for (const deployment of ofKind(base, 'Deployment')) {
      const { spec } = podTemplateOf(deployment);
      expect(spec.securityContext, deployment.metadata.name).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
      // Only the worker calls the Kubernetes API.
      const isWorker = deployment.metadata.name === 'vigil-worker';
      expect(spec.automountServiceAccountToken, deployment.metadata.name).toBe(isWorker);
      expect(spec.serviceAccountName, deployment.metadata.name).toBe(isWorker ? 'vigil-worker' : undefined);
      for (const container of allContainers(spec)) {
        const where = `${deployment.metadata.name}/${container.name}`;
        expect(container.securityContext, where).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(container.resources?.requests, where).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources?.limits?.memory, where).toEqual(expect.any(String));
        // Read-only root: whatever writes (tsx's cache in /tmp, VIGIL_DATA_DIR) has a volume.
        expect(container.volumeMounts?.map((mount) => mount.mountPath), where).toContain('/tmp');
      }
    }
  });

  it('set only settings lib/config/config-schema.ts knows, valid and consistent with the Services and ports', () => {
    const known = new Set(Object.keys(configSchema.shape));
    for (const key of Object.keys(configData)) expect(known.has(key), `ConfigMap key ${key}`).toBe(true);
    for (const deployment of ofKind(base, 'Deployment')) {
      for (const container of allContainers(podTemplateOf(deployment).spec)) {
        for (const variable of container.env ?? []) expect(known.has(variable.name), `${deployment.metadata.name}/${container.name} env ${variable.name}`).toBe(true);
        expect(container.envFrom, `${deployment.metadata.name}/${container.name}`).toEqual([{ configMapRef: { name: 'vigil-config' } }]);
      }
    }
    const environment = { ...configData, VIGIL_KUBE_NAMESPACE: namespace, DATABASE_URL: 'postgres://vigil:password@postgres:5432/vigil', VIGIL_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'), VIGIL_ADMIN_PASSWORD: 'a long password' };
    const config = toVigilConfig(configSchema.parse(environment));
    expect(config.runtime.kind).toBe('kubernetes');
    expect(config.database.dialect).toBe('postgres');
    expect(config.dataDir).toBe('/var/lib/vigil');
    // Analyzers post alarm events to the web Service; everyone reaches the media server by its Service.
    const internal = new URL(config.internalUrl);
    expect(internal.hostname).toBe('vigil-web');
    expect(Number(internal.port)).toBe(config.port);
    expect(config.media.internalHost).toBe('vigil-media');
    const web = containerOf('vigil-web', 'web');
    expect([portOf(web, 'http'), portOf(web, 'ws-alias')]).toEqual([config.port, config.websocketAliasPort]);
    const media = containerOf('vigil-media', 'media');
    expect([portOf(media, 'rtmp'), portOf(media, 'http-flv'), portOf(media, 'status')]).toEqual([config.media.rtmpPort, config.media.flvPort, config.media.statusPort]);
    expect(media.env).toContainEqual({ name: 'VIGIL_MEDIA_STATUS_HOST', value: '0.0.0.0' });
    expect(containerOf('vigil-worker', 'worker').env).toContainEqual({ name: 'VIGIL_KUBE_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } });
  });

  it('take secrets only from the placeholder Secret, which holds no value', () => {
    const secret = find(base, 'Secret', 'vigil-secrets');
    expect(secret.data).toBeUndefined();
    expect(secret.stringData).toBeUndefined();
    expect(secret.metadata.annotations?.['vigil.io/required-keys']?.split(',')).toEqual(secretKeys);
    for (const key of secretKeys) expect(configData[key], `${key} is a secret`).toBeUndefined();
    const used = new Set<string>();
    for (const deployment of ofKind(base, 'Deployment')) {
      for (const container of allContainers(podTemplateOf(deployment).spec)) {
        for (const variable of container.env ?? []) {
          if (secretKeys.includes(variable.name)) expect(variable.valueFrom?.secretKeyRef, variable.name).toEqual({ name: 'vigil-secrets', key: variable.name });
          if (variable.valueFrom?.secretKeyRef) used.add(variable.valueFrom.secretKeyRef.key);
        }
      }
    }
    expect([...used].sort()).toEqual([...secretKeys].sort());
  });

  it('grant the worker exactly the Kubernetes API calls its runtime makes, in its namespace only', () => {
    expect(base.filter((object) => isClusterScoped(object.kind)).map(describeManifest)).toEqual(['Namespace vigil']);
    const { permissions: needed, unknownCalls } = permissionsUsedBy(read('runtime/kubernetes/kubernetes-api.ts'), [{ group: 'apps', resource: 'deployments' }, { group: '', resource: 'services' }, { group: '', resource: 'secrets' }]);
    expect(unknownCalls, 'calls this check cannot map to a permission').toEqual([]);
    expect(read('runtime/kubernetes/kubernetes-api.ts')).toContain('PatchStrategy.ServerSideApply');
    // The runtime's watch (kubernetes-watch.ts) streams Deployments and Pods.
    const watched = watchPermissionsIn(read('runtime/kubernetes/kubernetes-watch.ts'));
    expect([...watched].sort()).toEqual(['/pods:watch', 'apps/deployments:watch']);
    for (const entry of watched) needed.add(entry);
    expect([...needed].sort()).toEqual(
      [
        'apps/deployments:get', 'apps/deployments:list', 'apps/deployments:create', 'apps/deployments:patch', 'apps/deployments:delete',
        '/services:get', '/services:list', '/services:create', '/services:patch', '/services:delete',
        // A workload's secretEnv: read by name, applied, deleted; never listed (role.yaml).
        '/secrets:get', '/secrets:create', '/secrets:patch', '/secrets:delete',
        '/pods:list', '/pods:delete', '/pods/log:get',
        'apps/deployments:watch', '/pods:watch',
      ].sort(),
    );
    const { permissions: granted, problems } = permissionsGrantedBy(find(base, 'Role', 'vigil-workload-manager'));
    expect(problems).toEqual([]);
    expect([...needed].filter((entry) => !granted.has(entry)), 'needed but not granted').toEqual([]);
    // Beyond the calls: setting blockOwnerDeletion on a Service's owner reference (see role.yaml).
    expect([...granted].filter((entry) => !needed.has(entry)), 'granted but not needed').toEqual([permission('apps', 'deployments/finalizers', 'update')]);
    const binding = find(base, 'RoleBinding', 'vigil-worker');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'vigil-workload-manager' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'vigil-worker', namespace }]);
  });

  it('start programs the image contains', () => {
    const dockerignore = read('.dockerignore');
    for (const deployment of ofKind(base, 'Deployment')) {
      for (const container of allContainers(podTemplateOf(deployment).spec)) {
        const [node, flag, loader, file] = container.command ?? [];
        expect([node, flag, loader], `${container.name} starts as node --import tsx <file>`).toEqual(['node', '--import', 'tsx']);
        expect(existsSync(join(root, file!)), file).toBe(true);
        expect(isDockerIgnored(dockerignore, file!), `${file} is in the build context`).toBe(false);
      }
    }
  });

  it('production serves the web app on port 80 too (DESIGN.md §4.5), and is otherwise the base', () => {
    const ports = (find(production, 'Service', 'vigil-web').spec as { ports: Array<{ name: string; port: number; targetPort: string }> }).ports;
    expect(ports).toContainEqual({ name: 'public', port: 80, targetPort: 'http', protocol: 'TCP' });
    expect(ports.find((port) => port.name === 'http')?.port).toBe(3000);
    expect(production.map(describeManifest)).toEqual(base.map(describeManifest));
  });
});

describe('images the manifests and algorithms refer to', () => {
  const builds = listImageBuilds(root);
  const dockerignore = read('.dockerignore');

  it('each have a build in docker/', () => {
    const images = new Set<string>();
    for (const objects of [base, production]) {
      for (const deployment of ofKind(objects, 'Deployment')) for (const container of allContainers(podTemplateOf(deployment).spec)) images.add(container.image!);
    }
    expect([...images]).toEqual([`vigil/vigil:${(JSON.parse(read('package.json')) as { version: string }).version}`]);
    for (const folder of readdirSync(join(root, 'algorithms'))) {
      if (!existsSync(join(root, 'algorithms', folder, 'vigil-algorithm.json'))) continue;
      const manifest = JSON.parse(read(`algorithms/${folder}/vigil-algorithm.json`)) as { image?: string };
      expect(manifest.image, `algorithms/${folder}`).toEqual(expect.any(String));
      images.add(manifest.image!);
    }
    // The image the pipeline activities give analyzers (a literal there today; a setting would be checked here).
    const analyzerImage = /buildAnalyzerSpec\(\{[^}]*image:\s*'([^']+)'/.exec(read('activities/pipeline-activities.ts'))?.[1];
    if (analyzerImage) images.add(analyzerImage);
    const built = builds.map((build) => build.image);
    for (const image of images) expect(built, image).toContain(image);
  });

  it('are built by multi-stage Dockerfiles on pinned bases, as a non-root user, from files in the build context', () => {
    const analyzer = buildAnalyzerSpec({ pipelineId: 'pip_x', cameraNodeId: 'camera', cameraId: 'cam_x', revision: 1, repositoryRoot: '/app', image: 'x', runSpec: { json: '{}' } });
    for (const build of builds) {
      const where = `${build.image} (${build.dockerfile} --target ${build.target})`;
      const { globalArgs, stages } = parseDockerfile(read(build.dockerfile));
      expect(stages.length, where).toBeGreaterThanOrEqual(2);
      const names = new Set(stages.map((stage) => stage.name));
      for (const stage of stages) if (!names.has(stage.from)) expect(isPinnedBaseImage(stage.from), `${where}: FROM ${stage.from}`).toBe(true);
      const chain = stageChain(stages, build.target);
      expect(chain.length, `${where}: the target stage exists`).toBeGreaterThan(0);
      const user = effectiveUser(stages, build.target);
      expect(isRootUser(user), `${where}: USER ${user ?? '(none: root)'}`).toBe(false);
      const declared = new Set([...globalArgs, ...chain.flatMap((stage) => stage.args)]);
      for (const name of Object.keys(build.buildArgs)) expect(declared.has(name), `${where}: ARG ${name}`).toBe(true);
      for (const stage of stages) {
        for (const source of stage.contextSources.filter((path) => path !== '.')) {
          expect(existsSync(join(root, source)), `${where}: COPY ${source}`).toBe(true);
          expect(isDockerIgnored(dockerignore, source), `${where}: COPY ${source} is in the build context`).toBe(false);
        }
      }
      const exposed = chain.flatMap((stage) => stage.exposed);
      if (build.buildArgs.ALGORITHM) {
        const folder = build.buildArgs.ALGORITHM;
        expect(existsSync(join(root, 'algorithms', folder, 'server.ts')), `${where}: server.ts`).toBe(true);
        const manifest = JSON.parse(read(`algorithms/${folder}/vigil-algorithm.json`)) as { port: number };
        expect(exposed, where).toContain(manifest.port);
      }
      if (build.target === 'analyzer') {
        expect(exposed, where).toContain(analyzer.port);
        // On Kubernetes the image's own command runs: it must serve the workload's port on every interface and
        // take the run spec from the environment (the workload's Secret), not from a file the pod does not have.
        expect(effectiveCommand(stages, build.target), where).toEqual(['node', '--import', 'tsx', 'analyzer/main.ts', '--host', '0.0.0.0', '--port', String(analyzer.port)]);
        expect(Object.keys(analyzer.secretEnv ?? {}), where).toEqual(['VIGIL_ANALYZER_RUN_SPEC']);
      }
    }
  });
});

describeWithKubeCluster('k8s/ manifests on a real API server', (cluster) => {
  const apply = (object: KubernetesObject, dryRun: boolean) => KubernetesObjectApi.makeApiClient(cluster().kubeConfig).patch(object, undefined, dryRun ? 'All' : undefined, 'vigil-manifest-test', true, PatchStrategy.ServerSideApply);
  const byName = (kind: string, name: string) => find(base, kind, name);

  beforeAll(async () => {
    // The Namespace (and its default ServiceAccount) must exist for a dry run of what goes in it.
    await cluster().createNamespace(namespace);
    await apply(byName('Namespace', namespace), false);
  });

  it('accepts every object of the base and of the production overlay (server-side apply, dry run)', async () => {
    for (const objects of [base, production]) {
      for (const object of objects) {
        const accepted = await apply(object, true).catch((error: unknown) => {
          throw new Error(`${describeManifest(object)} was refused: ${(error as { body?: string }).body ?? String(error)}`);
        });
        expect(accepted.metadata?.name, describeManifest(object)).toBe(object.metadata.name);
      }
    }
  });

  it('admits Vigil pods under Pod Security "restricted"', async () => {
    const restricted = 'vigil-restricted';
    await cluster().createNamespace(restricted);
    const core = cluster().kubeConfig.makeApiClient(CoreV1Api);
    await apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: restricted, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } }, false);
    await apply({ ...byName('ServiceAccount', 'vigil-worker'), metadata: { name: 'vigil-worker', namespace: restricted } }, false);
    for (const deployment of ofKind(base, 'Deployment')) {
      const template = podTemplateOf(deployment);
      const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: deployment.metadata.name, namespace: restricted }, spec: template.spec };
      await core.createNamespacedPod({ namespace: restricted, body: body as never, dryRun: 'All' }).catch((error: unknown) => {
        throw new Error(`a pod of ${deployment.metadata.name} was refused: ${(error as { body?: string }).body ?? String(error)}`);
      });
    }
  });

  describe('the worker ServiceAccount', () => {
    const folder = mkdtempSync(join(tmpdir(), 'vigil-k8s-manifests-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    beforeAll(async () => {
      for (const [kind, name] of [['ServiceAccount', 'vigil-worker'], ['Role', 'vigil-workload-manager'], ['RoleBinding', 'vigil-worker']] as const) await apply(byName(kind, name), false);
    });

    const canI = async (verb: string, resource: string, options: { group?: string; subresource?: string; namespace?: string } = {}) => {
      const review = await cluster().kubeConfig.makeApiClient(AuthorizationV1Api).createSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: `system:serviceaccount:${namespace}:vigil-worker`,
            groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
            resourceAttributes: { verb, resource, group: options.group ?? '', namespace: options.namespace ?? namespace, ...(options.subresource ? { subresource: options.subresource } : {}) },
          },
        },
      });
      return review.status?.allowed === true;
    };

    it('may do what the runtime does in its namespace, and nothing elsewhere or cluster-wide', async () => {
      const needed: Array<[string, string, { group?: string; subresource?: string }]> = [
        ...['get', 'list', 'create', 'patch', 'delete'].map((verb) => [verb, 'deployments', { group: 'apps' }] as [string, string, { group: string }]),
        ...['get', 'list', 'create', 'patch', 'delete'].map((verb) => [verb, 'services', {}] as [string, string, object]),
        ...['get', 'create', 'patch', 'delete'].map((verb) => [verb, 'secrets', {}] as [string, string, object]),
        ['list', 'pods', {}], ['delete', 'pods', {}], ['get', 'pods', { subresource: 'log' }],
      ];
      // RBAC reads Roles through an informer: the first answer may predate the binding.
      const deadline = Date.now() + 10_000;
      while (!(await canI('list', 'deployments', { group: 'apps' })) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      for (const [verb, resource, options] of needed) expect(await canI(verb, resource, options), `${verb} ${resource}${options.subresource ? `/${options.subresource}` : ''}`).toBe(true);
      const refused: Array<[string, string, { group?: string; namespace?: string; subresource?: string }]> = [
        ['list', 'secrets', {}], ['watch', 'secrets', {}], ['get', 'secrets', { namespace: 'default' }], ['list', 'configmaps', {}], ['create', 'pods', {}], ['create', 'pods', { subresource: 'exec' }], ['update', 'roles', { group: 'rbac.authorization.k8s.io' }],
        ['create', 'deployments', { group: 'apps', namespace: 'default' }], ['list', 'pods', { namespace: 'kube-system' }], ['list', 'nodes', { namespace: '' }], ['list', 'namespaces', { namespace: '' }],
      ];
      for (const [verb, resource, options] of refused) expect(await canI(verb, resource, options), `${verb} ${resource} in ${options.namespace ?? namespace}`).toBe(false);
    });

    it('runs the Kubernetes runtime: deploy (with a Secret), claim, status, list, logs and remove a workload', async () => {
      const core = cluster().kubeConfig.makeApiClient(CoreV1Api);
      const token = await core.createNamespacedServiceAccountToken({ name: 'vigil-worker', namespace, body: { spec: { audiences: [], expirationSeconds: 600 } } });
      const admin = cluster().kubeConfig.getCurrentCluster()!;
      const worker = new KubeConfig();
      worker.loadFromOptions({
        clusters: [{ name: 'test', server: admin.server, caData: admin.caData, caFile: admin.caFile, skipTLSVerify: false }],
        users: [{ name: 'vigil-worker', token: token.status!.token }],
        contexts: [{ name: 'test', cluster: 'test', user: 'vigil-worker', namespace }],
        currentContext: 'test',
      });
      const kubeconfigPath = join(folder, 'worker.kubeconfig');
      writeFileSync(kubeconfigPath, worker.exportConfig(), { mode: 0o600 });
      const runtime = createKubernetesRuntime({ namespace, kubeconfigPath, logger: createLogger({ level: 'silent' }) });
      try {
        const spec = { ...kubeFakeServerSpec({ id: 'rbac-check', owner: 'pip_a' }), secretEnv: { SERVICE_TOKEN: 'vgl_rbac' } };
        await runtime.deploy(spec);
        expect((await core.readNamespacedSecret({ name: spec.id, namespace })).data).toEqual({ SERVICE_TOKEN: Buffer.from('vgl_rbac').toString('base64') });
        await runtime.deploy({ ...spec, owner: 'pip_b' });
        const ready = await waitForWorkload(runtime, spec.id, 'ready', (status) => status.ready, { timeoutMs: 20_000, intervalMs: 100 });
        expect(ready.owners).toEqual(['pip_a', 'pip_b']);
        expect((await runtime.list()).map((status) => status.id)).toEqual([spec.id]);
        // kwok runs no container, so there is no log to read; what matters is that reading it is not forbidden.
        const logs = await runtime.logs(spec.id).then(() => 'read', (error: unknown) => String(error));
        expect(logs).not.toMatch(/forbidden/i);
        expect(await runtime.remove(spec.id, { owner: 'pip_a' })).toEqual({ outcome: 'still-owned', remainingOwners: ['pip_b'] });
        expect(await runtime.remove(spec.id, { owner: 'pip_b' })).toEqual({ outcome: 'removed', remainingOwners: [] });
        expect(await runtime.status(spec.id)).toBeUndefined();
        await expect(core.readNamespacedSecret({ name: spec.id, namespace })).rejects.toMatchObject({ code: 404 });
      } finally {
        await runtime.close();
      }
    });
  });
});
