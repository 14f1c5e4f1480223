import type { V1Container, V1Deployment, V1Probe, V1Service } from '@kubernetes/client-node';
import type { WorkloadSpec } from '../workload-runtime.port';
import { hashWorkloadSpec } from '../workload-spec';
import type { ManifestOptions, ProbeTimings } from './kubernetes-runtime-options';
import { identityLabels, prefixedLabels, specHashAnnotation, workloadIdLabel } from './workload-labels';

const portName = 'http';

/**
 * The Deployment that runs a workload, as a server-side apply body: only the fields Vigil decides, so that applying
 * the same spec again changes nothing and a changed spec rolls out in place. Owner claims are not in it: they are
 * labels added and dropped one by one (kubernetes-runtime.ts), so that concurrent owners never overwrite each other.
 */
export function buildDeployment(spec: WorkloadSpec, options: ManifestOptions): V1Deployment {
  const identity = identityLabels(spec.id, spec.kind);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: spec.id,
      namespace: options.namespace,
      labels: { ...prefixedLabels(spec.labels), ...identity },
      annotations: { [specHashAnnotation]: hashWorkloadSpec(spec) },
    },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 2,
      selector: { matchLabels: { [workloadIdLabel]: spec.id } },
      // Two analyzers of one camera would both raise its alarms: the old one stops before the new one starts.
      strategy: spec.kind === 'analyzer' ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: identity },
        spec: {
          containers: [buildContainer(spec, options.probes)],
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
  const env = Object.entries({ ...spec.env, ...(port === undefined ? {} : { PORT: String(port) }) })
    .map(([name, value]) => ({ name, value: port === undefined ? value : value.replaceAll('{port}', String(port)) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const resources = spec.resources;
  const requests = pickDefined({ cpu: resources.cpu, memory: resources.memory });
  // No CPU limit: throttling an inference server that has idle cores only adds latency. Memory is bounded.
  const limits = pickDefined({ memory: resources.memory, 'nvidia.com/gpu': resources['nvidia.com/gpu'] === undefined ? undefined : String(resources['nvidia.com/gpu']) });
  return {
    name: spec.kind,
    image: spec.image,
    env,
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
