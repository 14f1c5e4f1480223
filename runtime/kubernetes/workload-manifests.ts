import type { V1Container, V1Deployment, V1EnvVar, V1Probe, V1Secret, V1Service } from '@kubernetes/client-node';
import type { WorkloadSpec } from '../workload-runtime.port';
import { hashWorkloadSpec } from '../workload-spec';
import type { ManifestOptions, ProbeTimings } from './kubernetes-runtime-options';
import { identityLabels, prefixedLabels, specHashAnnotation, workloadIdLabel } from './workload-labels';

const portName = 'http';
const scratchVolume = 'tmp';

/**
 * The Deployment that runs a workload, as a server-side apply body: only the fields Vigil decides, so that applying
 * the same spec again changes nothing and a changed spec rolls out in place. Owner claims are not in it: they are
 * labels added and dropped one by one (kubernetes-runtime.ts), so that concurrent owners never overwrite each other.
 */
export function buildDeployment(spec: WorkloadSpec, options: ManifestOptions): V1Deployment {
  const identity = identityLabels(spec.id, spec.kind);
  const specHash = hashWorkloadSpec(spec);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: spec.id,
      namespace: options.namespace,
      labels: { ...prefixedLabels(spec.labels), ...identity },
      annotations: { [specHashAnnotation]: specHash },
    },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 2,
      selector: { matchLabels: { [workloadIdLabel]: spec.id } },
      // Two analyzers of one camera would both raise its alarms: the old one stops before the new one starts.
      strategy: spec.kind === 'analyzer' ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        // The hash on the template too: a changed Secret value alone (the pod reads it by reference) must roll out.
        metadata: { labels: identity, annotations: { [specHashAnnotation]: specHash } },
        spec: {
          containers: [buildContainer(spec, options.probes)],
          // Writable scratch space whatever the image: Vigil's images run with a read-only root (tsx's cache, spools).
          volumes: [{ name: scratchVolume, emptyDir: {} }],
          restartPolicy: 'Always',
          // Workloads never call the Kubernetes API; no token, no Service environment variables.
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          ...(options.imagePullSecrets.length > 0 ? { imagePullSecrets: options.imagePullSecrets.map((name) => ({ name })) } : {}),
        },
      },
    },
  };
}

/**
 * The Secret holding a workload's secretEnv (name = workload id, one key per variable), as a server-side apply body.
 * Owned by the Deployment when its uid is known (a first deploy applies the Secret before the Deployment exists).
 */
export function buildSecret(spec: WorkloadSpec & { secretEnv: Readonly<Record<string, string>> }, options: ManifestOptions, deploymentUid: string | undefined): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: spec.id,
      namespace: options.namespace,
      labels: identityLabels(spec.id, spec.kind),
      ...(deploymentUid ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: spec.id, uid: deploymentUid, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    data: Object.fromEntries(Object.entries(spec.secretEnv).map(([name, value]) => [name, Buffer.from(value, 'utf8').toString('base64')])),
  };
}

/** The ClusterIP Service in front of a workload's port; owned by the Deployment so that it goes when the Deployment goes. */
export function buildService(spec: WorkloadSpec & { port: number }, options: ManifestOptions, deploymentUid: string): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: spec.id,
      namespace: options.namespace,
      labels: identityLabels(spec.id, spec.kind),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: spec.id, uid: deploymentUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      type: 'ClusterIP',
      selector: { [workloadIdLabel]: spec.id },
      ports: [{ name: portName, port: spec.port, targetPort: portName, protocol: 'TCP' }],
    },
  };
}

function buildContainer(spec: WorkloadSpec, probes: ProbeTimings): V1Container {
  const port = spec.port;
  // As locally: `{port}` in a value becomes the workload's port, and PORT names it.
  const plain: V1EnvVar[] = Object.entries({ ...spec.env, ...(port === undefined ? {} : { PORT: String(port) }) })
    .map(([name, value]) => ({ name, value: port === undefined ? value : value.replaceAll('{port}', String(port)) }));
  // Secret values never enter the Deployment: the container reads them from the workload's Secret.
  const secret: V1EnvVar[] = Object.keys(spec.secretEnv ?? {}).map((name) => ({ name, valueFrom: { secretKeyRef: { name: spec.id, key: name } } }));
  const env = [...plain, ...secret].sort((a, b) => (a.name < b.name ? -1 : 1));
  const resources = spec.resources;
  const requests = pickDefined({ cpu: resources.cpu, memory: resources.memory });
  // No CPU limit: throttling an inference server that has idle cores only adds latency. Memory is bounded.
  const limits = pickDefined({ memory: resources.memory, 'nvidia.com/gpu': resources['nvidia.com/gpu'] === undefined ? undefined : String(resources['nvidia.com/gpu']) });
  return {
    name: spec.kind,
    image: spec.image,
    env,
    volumeMounts: [{ name: scratchVolume, mountPath: '/tmp' }],
    ...(port === undefined ? {} : { ports: [{ name: portName, containerPort: port, protocol: 'TCP' }] }),
    resources: { ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) },
    ...(spec.health?.liveness ? { livenessProbe: httpProbe(spec.health.liveness, probes), startupProbe: httpProbe(spec.health.liveness, { ...probes, failureThreshold: probes.startupFailureThreshold }) } : {}),
    ...(spec.health?.readiness ? { readinessProbe: httpProbe(spec.health.readiness, probes) } : {}),
  };
}

function httpProbe(path: string, timings: ProbeTimings): V1Probe {
  return { httpGet: { path, port: portName }, periodSeconds: timings.periodSeconds, timeoutSeconds: timings.timeoutSeconds, failureThreshold: timings.failureThreshold };
}

function pickDefined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
