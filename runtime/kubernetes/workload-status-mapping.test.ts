import type { V1ContainerStatus, V1Deployment, V1Pod, V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { toWorkloadStatus } from './workload-status-mapping';

const t0 = new Date('2026-01-01T10:00:00Z');
const t1 = new Date('2026-01-01T10:00:05Z');
const t2 = new Date('2026-01-01T10:00:09Z');

function deployment(overrides: { generation?: number; status?: V1Deployment['status']; deleting?: boolean } = {}): V1Deployment {
  return {
    metadata: {
      name: 'w-1',
      generation: overrides.generation ?? 1,
      creationTimestamp: t0,
      labels: { 'app.kubernetes.io/managed-by': 'vigil', 'vigil.io/workload-id': 'w-1', 'vigil.io/kind': 'analyzer', 'vigil.io/camera': 'cam_1', 'owner.vigil.io/pip_b': 'true', 'owner.vigil.io/pip_a': 'true' },
      annotations: { 'vigil.io/spec-hash': 'abc123' },
      ...(overrides.deleting ? { deletionTimestamp: t2 } : {}),
    },
    spec: { replicas: 1, selector: {}, template: {} },
    status: overrides.status ?? { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
  };
}

function pod(container: Partial<V1ContainerStatus>, options: { ready?: boolean; phase?: string; terminating?: boolean; scheduled?: { message: string } } = {}): V1Pod {
  return {
    metadata: { name: 'w-1-abc-xyz', creationTimestamp: t0, ...(options.terminating ? { deletionTimestamp: t2 } : {}) },
    status: {
      phase: options.phase ?? 'Running',
      conditions: [
        { type: 'Ready', status: options.ready === false ? 'False' : 'True', lastTransitionTime: t1 },
        ...(options.scheduled ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: options.scheduled.message }] : []),
      ],
      containerStatuses: [{ name: 'analyzer', image: 'x', imageID: '', ready: options.ready !== false, restartCount: 0, state: { running: { startedAt: t0 } }, ...container }],
    },
  };
}

const service: V1Service = { metadata: { name: 'w-1', namespace: 'vigil' }, spec: { ports: [{ port: 8090 }] } };
const context = { clusterDomain: 'cluster.local' };

describe('toWorkloadStatus', () => {
  it('is ready when the rollout is complete and a pod is Ready; labels, owners, hash and endpoint come from the objects', () => {
    expect(toWorkloadStatus({ deployment: deployment(), pods: [pod({})], service }, context)).toEqual({
      id: 'w-1',
      kind: 'analyzer',
      labels: { camera: 'cam_1' },
      owners: ['pip_a', 'pip_b'],
      specHash: 'abc123',
      phase: 'ready',
      ready: true,
      restarts: 0,
      since: t1.toISOString(),
      endpoint: { host: 'w-1.vigil.svc.cluster.local', port: 8090 },
    });
  });

  it('reports a rollout the controller has not caught up with, and is not ready meanwhile', () => {
    const unobserved = toWorkloadStatus({ deployment: deployment({ generation: 2 }), pods: [pod({})] }, context);
    expect(unobserved).toMatchObject({ phase: 'running', ready: false, message: 'rollout in progress: 0 of 1 updated' });
    const oldPodLeft = deployment({ generation: 2, status: { observedGeneration: 2, replicas: 2, updatedReplicas: 1, availableReplicas: 1 } });
    expect(toWorkloadStatus({ deployment: oldPodLeft, pods: [pod({})] }, context)).toMatchObject({ ready: false, message: 'rollout in progress: 1 of 1 updated' });
  });

  it('maps CrashLoopBackOff to crash-loop with the restart count and the last exit', () => {
    const crashing = pod({ ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s' } }, lastState: { terminated: { exitCode: 2, reason: 'Error', finishedAt: t1 } } }, { ready: false });
    expect(toWorkloadStatus({ deployment: deployment(), pods: [crashing] }, context)).toMatchObject({
      phase: 'crash-loop',
      ready: false,
      restarts: 4,
      lastExit: { code: 2, signal: null, reason: 'exited', at: t1.toISOString() },
      since: t1.toISOString(),
      message: 'CrashLoopBackOff: back-off 1m20s',
    });
  });

  it.each(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CreateContainerConfigError'])('maps %s to failed with its message', (reason) => {
    const stuck = pod({ ready: false, state: { waiting: { reason, message: 'details' } } }, { ready: false, phase: 'Pending' });
    expect(toWorkloadStatus({ deployment: deployment(), pods: [stuck] }, context)).toMatchObject({ phase: 'failed', ready: false, message: `${reason}: details` });
  });

  it('maps a ReplicaSet that cannot create pods to failed', () => {
    const refused = deployment({ status: { observedGeneration: 1, replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "w-1-x" is forbidden: exceeded quota' }] } });
    expect(toWorkloadStatus({ deployment: refused, pods: [] }, context)).toMatchObject({ phase: 'failed', message: 'FailedCreate: pods "w-1-x" is forbidden: exceeded quota' });
  });

  it('sums restarts over pods and containers; an OOM kill is out-of-memory; terminating pods do not count', () => {
    const restarted = pod({ restartCount: 2, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: t1 } } });
    const older = pod({ restartCount: 1, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: t0 } } });
    const leaving = pod({ restartCount: 9 }, { terminating: true });
    const status = toWorkloadStatus({ deployment: deployment(), pods: [restarted, older, leaving] }, context);
    expect(status.restarts).toBe(3);
    expect(status.lastExit).toEqual({ code: 137, signal: null, reason: 'out-of-memory', at: t1.toISOString() });
  });

  it('is starting while no pod runs, saying why the scheduler cannot place it', () => {
    const pending = pod({ state: { waiting: { reason: 'ContainerCreating' } } }, { phase: 'Pending', ready: false, scheduled: { message: '0/1 nodes are available: 1 Insufficient nvidia.com/gpu.' } });
    const status = toWorkloadStatus({ deployment: deployment({ status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1 } }), pods: [pending] }, context);
    expect(status).toMatchObject({ phase: 'starting', ready: false, message: 'not scheduled: 0/1 nodes are available: 1 Insufficient nvidia.com/gpu.', since: t0.toISOString() });
    expect(toWorkloadStatus({ deployment: deployment({ status: {} }), pods: [] }, context)).toMatchObject({ phase: 'starting', since: t0.toISOString() });
  });

  it('is stopped while the Deployment is being deleted', () => {
    expect(toWorkloadStatus({ deployment: deployment({ deleting: true }), pods: [pod({})] }, context)).toMatchObject({ phase: 'stopped', ready: false, since: t2.toISOString() });
  });
});
