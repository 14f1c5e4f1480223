import type { V1ContainerStatus, V1Deployment, V1Pod, V1Service } from '@kubernetes/client-node';
import type { WorkloadExit, WorkloadKind, WorkloadPhase, WorkloadStatus } from '../workload-runtime.port';
import { kindLabel, ownersOf, specHashAnnotation, workloadLabelsOf } from './workload-labels';

/** Waiting reasons that no restart fixes: the spec (image, config) or the node must change first. */
const failedReasons = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'ErrImageNeverPull']);

export interface WorkloadObjects {
  deployment: V1Deployment;
  pods: readonly V1Pod[];
  service?: V1Service;
}

/**
 * A workload's status rebuilt from what the cluster reports (level-triggered: nothing is remembered between calls).
 * Ready means the rollout is complete and a pod of it is Ready; while a changed spec rolls out the workload is not
 * ready, as locally where the old process stops before the new one starts.
 */
export function toWorkloadStatus(objects: WorkloadObjects, context: { clusterDomain: string }): WorkloadStatus {
  const { deployment, service } = objects;
  const metadata = deployment.metadata ?? {};
  const pods = objects.pods.filter((pod) => !pod.metadata?.deletionTimestamp);
  const containers = pods.flatMap((pod) => pod.status?.containerStatuses ?? []);
  const rollout = rolloutProgress(deployment);
  const readyPod = pods.find((pod) => conditionOf(pod, 'Ready')?.status === 'True');
  const failed = containers.find((container) => failedReasons.has(container.state?.waiting?.reason ?? ''));
  const crashing = containers.find((container) => container.state?.waiting?.reason === 'CrashLoopBackOff');
  const lastExit = lastExitOf(containers);
  // The ReplicaSet could not create a pod at all (a LimitRange, a ResourceQuota, a policy): no pod will tell.
  const replicaFailure = deployment.status?.conditions?.find((condition) => condition.type === 'ReplicaFailure' && condition.status === 'True');

  let phase: WorkloadPhase;
  let since: string | undefined;
  let message: string | undefined = [rollout, unschedulableMessage(pods)].filter(Boolean).join('; ') || undefined;
  if (metadata.deletionTimestamp) {
    phase = 'stopped';
    since = iso(metadata.deletionTimestamp);
  } else if (replicaFailure) {
    phase = 'failed';
    message = [replicaFailure.reason, replicaFailure.message].filter(Boolean).join(': ');
    since = iso(replicaFailure.lastTransitionTime);
  } else if (failed) {
    phase = 'failed';
    message = waitingMessage(failed);
    since = iso(conditionOf(podOf(pods, failed), 'ContainersReady')?.lastTransitionTime);
  } else if (crashing) {
    phase = 'crash-loop';
    message = waitingMessage(crashing);
    since = iso(crashing.lastState?.terminated?.finishedAt);
  } else if (!rollout && readyPod && (deployment.status?.availableReplicas ?? 0) >= 1) {
    phase = 'ready';
    since = iso(conditionOf(readyPod, 'Ready')?.lastTransitionTime);
  } else if (pods.some((pod) => pod.status?.phase === 'Running')) {
    phase = 'running';
    since = iso(containers.map((container) => container.state?.running?.startedAt).find(Boolean));
  } else {
    phase = 'starting';
    since = iso(pods[0]?.metadata?.creationTimestamp);
  }

  const port = service?.spec?.ports?.[0]?.port;
  const status: WorkloadStatus = {
    id: metadata.name ?? '',
    kind: (metadata.labels?.[kindLabel] ?? 'algorithm-server') as WorkloadKind,
    labels: workloadLabelsOf(metadata.labels),
    owners: ownersOf(metadata.labels),
    specHash: metadata.annotations?.[specHashAnnotation] ?? '',
    phase,
    ready: phase === 'ready',
    restarts: containers.reduce((sum, container) => sum + (container.restartCount ?? 0), 0),
    since: since ?? iso(metadata.creationTimestamp) ?? new Date(0).toISOString(),
  };
  if (lastExit) status.lastExit = lastExit;
  if (service?.metadata?.name && port) status.endpoint = { host: `${service.metadata.name}.${service.metadata.namespace}.svc.${context.clusterDomain}`, port };
  if (message) status.message = message;
  return status;
}

/** "rollout in progress: 0 of 1 updated" while the Deployment controller has not caught up with the latest spec. */
function rolloutProgress(deployment: V1Deployment): string | undefined {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const updated = status.updatedReplicas ?? 0;
  const observed = (status.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0);
  const oldPodsLeft = (status.replicas ?? 0) > updated;
  if (observed && updated >= desired && !oldPodsLeft) return undefined;
  return `rollout in progress: ${observed ? updated : 0} of ${desired} updated`;
}

function lastExitOf(containers: readonly V1ContainerStatus[]): WorkloadExit | undefined {
  const exits = containers
    .map((container) => container.lastState?.terminated)
    .filter((terminated) => terminated?.finishedAt !== undefined)
    .sort((a, b) => Date.parse(iso(b!.finishedAt)!) - Date.parse(iso(a!.finishedAt)!));
  const latest = exits[0];
  if (!latest) return undefined;
  return {
    code: latest.exitCode,
    signal: null,
    reason: latest.reason === 'OOMKilled' ? 'out-of-memory' : 'exited',
    at: iso(latest.finishedAt)!,
  };
}

function waitingMessage(container: V1ContainerStatus): string {
  const waiting = container.state?.waiting;
  return [waiting?.reason, waiting?.message].filter(Boolean).join(': ');
}

function unschedulableMessage(pods: readonly V1Pod[]): string | undefined {
  const condition = pods.map((pod) => conditionOf(pod, 'PodScheduled')).find((scheduled) => scheduled?.status === 'False');
  return condition ? `not scheduled: ${condition.message ?? condition.reason ?? 'no node fits'}` : undefined;
}

function conditionOf(pod: V1Pod | undefined, type: string) {
  return pod?.status?.conditions?.find((condition) => condition.type === type);
}

function podOf(pods: readonly V1Pod[], container: V1ContainerStatus): V1Pod | undefined {
  return pods.find((pod) => pod.status?.containerStatuses?.includes(container));
}

/** The client returns Dates for timestamps it parsed and strings where it did not (e.g. a raw patch response). */
function iso(value: Date | string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
