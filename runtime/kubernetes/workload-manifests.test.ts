import { describe, expect, it } from 'vitest';
import type { WorkloadSpec } from '../workload-runtime.port';
import { hashWorkloadSpec } from '../workload-spec';
import { defaultProbeTimings, type ManifestOptions } from './kubernetes-runtime-options';
import { buildDeployment, buildSecret, buildService } from './workload-manifests';

const options: ManifestOptions = { namespace: 'vigil', imagePullSecrets: [], probes: defaultProbeTimings };
const server: WorkloadSpec = {
  id: 'algorithm-person-detector-1-2-0',
  kind: 'algorithm-server',
  owner: 'pip_a',
  labels: { algorithm: 'person-detector', 'algorithm-version': '1.2.0' },
  command: ['node', 'server.js', '--port={port}'],
  env: { MODEL: 'yolo', SELF: 'http://127.0.0.1:{port}/v1' },
  image: 'vigil/person-detector:1.2.0',
  port: 8080,
  health: { liveness: '/healthz', readiness: '/readyz' },
  resources: { cpu: '500m', memory: '1Gi', 'nvidia.com/gpu': 1 },
};

describe('buildDeployment', () => {
  it('puts identity labels on the pod template and spec labels only on the Deployment, so a relabel restarts nothing', () => {
    const deployment = buildDeployment(server, options);
    expect(deployment.metadata).toEqual({
      name: server.id,
      namespace: 'vigil',
      labels: {
        'vigil.io/algorithm': 'person-detector',
        'vigil.io/algorithm-version': '1.2.0',
        'app.kubernetes.io/managed-by': 'vigil',
        'vigil.io/workload-id': server.id,
        'vigil.io/kind': 'algorithm-server',
      },
      annotations: { 'vigil.io/spec-hash': hashWorkloadSpec(server) },
    });
    expect(deployment.spec!.selector).toEqual({ matchLabels: { 'vigil.io/workload-id': server.id } });
    expect(deployment.spec!.template.metadata!.labels).toEqual({ 'app.kubernetes.io/managed-by': 'vigil', 'vigil.io/workload-id': server.id, 'vigil.io/kind': 'algorithm-server' });
    expect(deployment.spec!.template.metadata!.annotations).toEqual({ 'vigil.io/spec-hash': hashWorkloadSpec(server) });
    const relabelled = buildDeployment({ ...server, labels: { algorithm: 'other' }, owner: 'pip_b' }, options);
    expect(relabelled.spec).toEqual(deployment.spec);
  });

  it('runs one replica, restartPolicy Always, with probes on the named port and {port} replaced in env', () => {
    const deployment = buildDeployment(server, options);
    expect(deployment.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
    const pod = deployment.spec!.template.spec!;
    expect(pod.restartPolicy).toBe('Always');
    expect(pod.imagePullSecrets).toBeUndefined();
    const [container] = pod.containers;
    expect(container!.env).toEqual([
      { name: 'MODEL', value: 'yolo' },
      { name: 'PORT', value: '8080' },
      { name: 'SELF', value: 'http://127.0.0.1:8080/v1' },
    ]);
    expect(container!.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(container!.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
    expect(container!.startupProbe).toMatchObject({ httpGet: { path: '/healthz', port: 'http' }, failureThreshold: 30 });
    expect(container!.readinessProbe).toMatchObject({ httpGet: { path: '/readyz', port: 'http' } });
    expect(container).not.toHaveProperty('command');
  });

  it('requests cpu and memory, limits memory and GPUs (GPUs only as a limit, no CPU limit)', () => {
    const container = buildDeployment(server, options).spec!.template.spec!.containers[0]!;
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi', 'nvidia.com/gpu': '1' } });
    const bare = buildDeployment({ ...server, resources: {} }, options).spec!.template.spec!.containers[0]!;
    expect(bare.resources).toEqual({});
  });

  it('recreates analyzers instead of rolling them (one analyzer per camera at a time) and adds no port or probes without a port', () => {
    const analyzer = buildDeployment({ ...server, kind: 'analyzer', port: undefined, health: undefined, env: { A: '{port}' } }, { ...options, imagePullSecrets: ['regcred', 'mirror'] });
    expect(analyzer.spec!.strategy).toEqual({ type: 'Recreate' });
    const pod = analyzer.spec!.template.spec!;
    expect(pod.imagePullSecrets).toEqual([{ name: 'regcred' }, { name: 'mirror' }]);
    expect(pod.containers[0]).toMatchObject({ name: 'analyzer', env: [{ name: 'A', value: '{port}' }] });
    expect(pod.containers[0]).not.toHaveProperty('ports');
    expect(pod.containers[0]).not.toHaveProperty('livenessProbe');
  });
});

describe('secretEnv and scratch space', () => {
  const withSecret: WorkloadSpec = { ...server, secretEnv: { VIGIL_ANALYZER_RUN_SPEC: '{"token":"vgl_s3cret"}', API_KEY: 'k3y' } };

  it('takes secret variables by secretKeyRef from the workload\'s Secret, never as values, sorted with the rest', () => {
    const deployment = buildDeployment(withSecret, options);
    expect(deployment.spec!.template.spec!.containers[0]!.env).toEqual([
      { name: 'API_KEY', valueFrom: { secretKeyRef: { name: server.id, key: 'API_KEY' } } },
      { name: 'MODEL', value: 'yolo' },
      { name: 'PORT', value: '8080' },
      { name: 'SELF', value: 'http://127.0.0.1:8080/v1' },
      { name: 'VIGIL_ANALYZER_RUN_SPEC', valueFrom: { secretKeyRef: { name: server.id, key: 'VIGIL_ANALYZER_RUN_SPEC' } } },
    ]);
    const text = JSON.stringify(deployment);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('k3y');
    expect(text).not.toContain(Buffer.from('k3y').toString('base64'));
  });

  it('changes the spec hash on the Deployment and on the pod template when only a secret value changes', () => {
    const before = buildDeployment(withSecret, options);
    const after = buildDeployment({ ...withSecret, secretEnv: { ...withSecret.secretEnv, API_KEY: 'rotated' } }, options);
    expect(after.spec!.template.spec).toEqual(before.spec!.template.spec);
    expect(after.metadata!.annotations!['vigil.io/spec-hash']).not.toBe(before.metadata!.annotations!['vigil.io/spec-hash']);
    expect(after.spec!.template.metadata!.annotations).not.toEqual(before.spec!.template.metadata!.annotations);
  });

  it('builds an Opaque Secret named and labelled like the workload, base64 data, owned by the Deployment once it exists', () => {
    const secret = buildSecret({ ...withSecret, secretEnv: withSecret.secretEnv! }, options, 'uid-1');
    expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque' });
    expect(secret.metadata).toEqual({
      name: server.id,
      namespace: 'vigil',
      labels: { 'app.kubernetes.io/managed-by': 'vigil', 'vigil.io/workload-id': server.id, 'vigil.io/kind': 'algorithm-server' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: server.id, uid: 'uid-1', controller: true, blockOwnerDeletion: true }],
    });
    expect(secret.data).toEqual({ VIGIL_ANALYZER_RUN_SPEC: Buffer.from('{"token":"vgl_s3cret"}').toString('base64'), API_KEY: Buffer.from('k3y').toString('base64') });
    expect(buildSecret({ ...withSecret, secretEnv: { A: 'b' } }, options, undefined).metadata).not.toHaveProperty('ownerReferences');
  });

  it('gives every workload a writable emptyDir at /tmp (images run with a read-only root)', () => {
    for (const spec of [server, { ...server, kind: 'analyzer' as const, port: undefined, health: undefined }]) {
      const pod = buildDeployment(spec, options).spec!.template.spec!;
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
      expect(pod.containers[0]!.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    }
  });
});

describe('buildService', () => {
  it('selects the workload\'s pods by id and is owned by its Deployment', () => {
    const service = buildService({ ...server, port: 8080 }, options, 'uid-1');
    expect(service.metadata).toMatchObject({ name: server.id, namespace: 'vigil', ownerReferences: [{ kind: 'Deployment', name: server.id, uid: 'uid-1', controller: true }] });
    expect(service.spec).toEqual({ type: 'ClusterIP', selector: { 'vigil.io/workload-id': server.id }, ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }] });
  });
});
