import { describe, expect, it } from 'vitest';
import type { WorkloadSpec } from '../workload-runtime.port';
import { hashWorkloadSpec } from '../workload-spec';
import { defaultProbeTimings, type ManifestOptions } from './kubernetes-runtime-options';
import { buildDeployment, buildService } from './workload-manifests';

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

describe('buildService', () => {
  it('selects the workload\'s pods by id and is owned by its Deployment', () => {
    const service = buildService({ ...server, port: 8080 }, options, 'uid-1');
    expect(service.metadata).toMatchObject({ name: server.id, namespace: 'vigil', ownerReferences: [{ kind: 'Deployment', name: server.id, uid: 'uid-1', controller: true }] });
    expect(service.spec).toEqual({ type: 'ClusterIP', selector: { 'vigil.io/workload-id': server.id }, ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }] });
  });
});
