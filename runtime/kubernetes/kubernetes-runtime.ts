import type { V1Deployment, V1Pod, V1Secret, V1Service } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { RuntimeClosedError, WorkloadLogsUnavailableError, WorkloadNotFoundError, WorkloadSpecError } from '../workload-errors';
import type { RemoveOptions, RemoveResult, WorkloadChange, WorkloadRuntime, WorkloadSelector, WorkloadSpec, WorkloadStatus, WorkloadWatch } from '../workload-runtime.port';
import { assertValidWorkloadSpec } from '../workload-spec';
import { imageReferenceProblem } from './image-reference';
import { KubernetesApi } from './kubernetes-api';
import { manifestOptionsOf, type KubernetesRuntimeOptions, type ManifestOptions } from './kubernetes-runtime-options';
import { ForeignObjectError, KubernetesApiError } from './kubernetes-runtime-errors';
import { kindLabel, labelSelectorFor, managedByLabel, managedByValue, ownerLabel, ownersOf, reservedLabelKeys, specHashAnnotation, workloadIdLabel } from './workload-labels';
import { buildDeployment, buildSecret, buildService } from './workload-manifests';
import { WatchRegistry } from '../watch-registry';
import { watchKubernetesWorkloads } from './kubernetes-watch';
import { toWorkloadStatus } from './workload-status-mapping';

/** Optimistic concurrency: how often a deploy or remove re-reads and tries again after another writer got in first. */
const maxAttempts = 8;
const labelPart = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

export function createKubernetesRuntime(options: KubernetesRuntimeOptions): KubernetesRuntime {
  return new KubernetesRuntime(KubernetesApi.connect(options), options);
}

/**
 * Workloads as Deployments (+ a Service when they have a port) in one namespace. Nothing is kept in memory: every
 * answer is rebuilt from the cluster, so any number of instances (worker replicas, a restarted worker) agree.
 * Owner claims are labels `owner.vigil.io/<owner>` set and dropped by atomic merge patches; the last claim's removal
 * deletes the Deployment only if nobody claimed it meanwhile (resourceVersion precondition). A spec's secretEnv
 * goes in a Secret of the workload's name, owned by the Deployment. See docs/decisions/0008-kubernetes-runtime.md.
 */
export class KubernetesRuntime implements WorkloadRuntime {
  private readonly manifestOptions: ManifestOptions;
  private readonly clusterDomain: string;
  private readonly logger: Logger;
  private closed = false;
  private readonly watches = new WatchRegistry();

  constructor(
    readonly api: KubernetesApi,
    options: KubernetesRuntimeOptions,
  ) {
    this.manifestOptions = manifestOptionsOf(options);
    this.clusterDomain = options.clusterDomain ?? 'cluster.local';
    this.logger = options.logger;
  }

  async deploy(spec: WorkloadSpec): Promise<WorkloadStatus> {
    this.assertOpen();
    assertValidWorkloadSpec(spec);
    const imageProblem = imageReferenceProblem(spec.image);
    if (imageProblem) throw new WorkloadSpecError(spec.id, imageProblem);
    const reserved = Object.keys(spec.labels).filter((key) => reservedLabelKeys.includes(key));
    if (reserved.length) throw new WorkloadSpecError(spec.id, `labels.${reserved[0]}: reserved by the Kubernetes runtime`);

    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const existing = await this.api.readDeployment(spec.id);
      if (existing && !isManaged(existing)) throw new ForeignObjectError(spec.id, 'Deployment');
      const secretEnv = secretEnvOf(spec);
      // Before the Deployment: the pods a changed spec starts must find the new values.
      if (secretEnv) await this.applySecret(spec, secretEnv, existing?.metadata?.uid);
      let deployment: V1Deployment;
      try {
        deployment = await this.applyOrSpecError(spec.id, buildDeployment(spec, this.manifestOptions));
      } catch (error) {
        // Two first deploys at once: one creates, the other may find it created under its feet. Read again.
        if (error instanceof KubernetesApiError && error.statusCode === 409) continue;
        // A refused first deploy leaves nothing behind, its Secret included; the refusal is what the caller hears.
        if (secretEnv && !existing) await this.deleteSecretOf(spec.id, undefined).catch(() => undefined);
        throw error;
      }
      // A first deploy (or a Deployment replaced meanwhile) gives the Secret its owner now; a spec without secrets drops it.
      if (!secretEnv) await this.deleteSecretOf(spec.id, undefined);
      else if (deployment.metadata?.uid !== existing?.metadata?.uid) await this.applySecret(spec, secretEnv, deployment.metadata?.uid);
      await this.reconcileService(spec, deployment);
      if (!ownersOf(deployment.metadata?.labels).includes(spec.owner)) {
        const claimed = await this.api.patchDeploymentLabels(spec.id, { [ownerLabel(spec.owner)]: 'true' });
        // Deleted between apply and claim by another owner's last remove: apply again.
        if (!claimed) continue;
      }
      if (existing?.metadata?.annotations?.[specHashAnnotation] !== deployment.metadata?.annotations?.[specHashAnnotation]) {
        this.logger.info({ workload: spec.id, owner: spec.owner, created: !existing }, existing ? 'workload spec changed; rolling out' : 'workload created');
      }
      const status = await this.status(spec.id);
      if (status) return status;
    }
    throw new KubernetesApiError(`deploy workload ${spec.id}`, 409, `still conflicting after ${maxAttempts} attempts`);
  }

  async status(id: string): Promise<WorkloadStatus | undefined> {
    this.assertOpen();
    const deployment = await this.api.readDeployment(id);
    if (!deployment || !isManaged(deployment)) return undefined;
    const selector = labelSelectorFor({ id });
    const [pods, services] = await Promise.all([this.api.listPods(selector), this.api.listServices(selector)]);
    return toWorkloadStatus({ deployment, pods, service: services.find((service) => service.metadata?.name === id) }, { clusterDomain: this.clusterDomain });
  }

  async list(selector: WorkloadSelector = {}): Promise<WorkloadStatus[]> {
    this.assertOpen();
    // A term that is no valid label can match nothing; the API would refuse the selector instead.
    const terms = [...Object.entries(selector.labels ?? {}).flat(), ...(selector.owner === undefined ? [] : [selector.owner])];
    if (terms.some((term) => term !== '' && !labelPart.test(term))) return [];
    const deployments = await this.api.listDeployments(labelSelectorFor(selector));
    if (deployments.length === 0) return [];
    const managed = labelSelectorFor({});
    const [pods, services] = await Promise.all([this.api.listPods(managed), this.api.listServices(managed)]);
    const podsOf = groupBy(pods, (pod) => pod.metadata?.labels?.[workloadIdLabel]);
    const serviceOf = new Map(services.map((service) => [service.metadata?.name, service]));
    return deployments
      .map((deployment) => {
        const id = deployment.metadata?.name ?? '';
        return toWorkloadStatus({ deployment, pods: podsOf.get(id) ?? [], service: serviceOf.get(id) }, { clusterDomain: this.clusterDomain });
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async logs(id: string, options: { tail?: number } = {}): Promise<string[]> {
    this.assertOpen();
    const deployment = await this.api.readDeployment(id);
    if (!deployment || !isManaged(deployment)) throw new WorkloadNotFoundError(id);
    const pods = (await this.api.listPods(labelSelectorFor({ id }))).filter((pod) => !pod.metadata?.deletionTimestamp);
    const pod = newestFirst(pods).find((candidate) => candidate.status?.phase === 'Running') ?? newestFirst(pods)[0];
    if (!pod?.metadata?.name) throw new WorkloadLogsUnavailableError(id, 'no pod of it exists yet');
    const container = deployment.metadata?.labels?.[kindLabel] ?? 'algorithm-server';
    try {
      const text = await this.api.readPodLog(pod.metadata.name, container, options.tail ?? 200);
      const lines = text.split('\n');
      if (lines.at(-1) === '') lines.pop();
      return lines;
    } catch (error) {
      if (error instanceof KubernetesApiError) throw new WorkloadLogsUnavailableError(id, `pod ${pod.metadata.name}: ${error.reason}`);
      throw error;
    }
  }

  async remove(id: string, options: RemoveOptions = {}): Promise<RemoveResult> {
    this.assertOpen();
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      let deployment = await this.api.readDeployment(id);
      if (!deployment || !isManaged(deployment)) return { outcome: 'not-found', remainingOwners: [] };
      if (options.owner !== undefined) {
        if (ownersOf(deployment.metadata?.labels).includes(options.owner)) {
          deployment = await this.api.patchDeploymentLabels(id, { [ownerLabel(options.owner)]: null });
          if (!deployment) return { outcome: 'not-found', remainingOwners: [] };
        }
        const remainingOwners = ownersOf(deployment.metadata?.labels);
        if (remainingOwners.length > 0) {
          this.logger.info({ workload: id, owner: options.owner, remainingOwners }, 'workload claim dropped');
          return { outcome: 'still-owned', remainingOwners };
        }
      }
      // With an owner, only the version that showed no claims may go: a claim added meanwhile answers 'conflict'.
      const uid = deployment.metadata?.uid;
      const outcome = await this.api.deleteDeployment(id, options.owner === undefined ? { uid } : { uid, resourceVersion: deployment.metadata?.resourceVersion });
      if (outcome === 'conflict') continue;
      if (outcome === 'not-found') return { outcome: 'not-found', remainingOwners: [] };
      await this.deleteServicesOf(id, uid);
      // Not left to the garbage collector: "removed" means nothing of the workload, its secrets least of all, remains.
      await this.deleteSecretOf(id, uid);
      this.logger.info({ workload: id, owner: options.owner }, 'workload removed');
      return { outcome: 'removed', remainingOwners: [] };
    }
    throw new KubernetesApiError(`remove workload ${id}`, 409, `still conflicting after ${maxAttempts} attempts`);
  }

  /** Watch streams on the Deployments and Pods of this namespace's workloads (kubernetes-watch.ts). */
  watch(onChange: (change: WorkloadChange) => void): WorkloadWatch {
    this.assertOpen();
    return this.watches.track(watchKubernetesWorkloads({ api: this.api, status: (id) => this.status(id), list: () => this.list(), logger: this.logger, restartDelayMs: 1000 }, onChange));
  }

  /** Ends the watches and refuses further calls; the workloads keep running. */
  async close(): Promise<void> {
    await this.watches.stopAll();
    this.closed = true;
  }

  private async reconcileService(spec: WorkloadSpec, deployment: V1Deployment): Promise<void> {
    if (spec.port !== undefined) {
      const existing = await this.api.readService(spec.id);
      if (existing && !isManaged(existing)) throw new ForeignObjectError(spec.id, 'Service');
      await this.applyOrSpecError(spec.id, buildService({ ...spec, port: spec.port }, this.manifestOptions, deployment.metadata?.uid ?? ''));
    } else {
      // The changed spec has no port any more: its Service goes.
      await this.deleteServicesOf(spec.id, undefined);
    }
  }

  /** Services of this workload that belong to the given Deployment (or to none); a newer Deployment's stays. */
  private async deleteServicesOf(id: string, deploymentUid: string | undefined): Promise<void> {
    for (const service of await this.api.listServices(labelSelectorFor({ id }))) {
      const owners = service.metadata?.ownerReferences ?? [];
      if (deploymentUid !== undefined && owners.length > 0 && !owners.some((owner) => owner.uid === deploymentUid)) continue;
      await this.api.deleteService(service.metadata!.name!, { uid: service.metadata?.uid, resourceVersion: service.metadata?.resourceVersion });
    }
  }

  private async applySecret(spec: WorkloadSpec, secretEnv: Readonly<Record<string, string>>, deploymentUid: string | undefined): Promise<void> {
    const existing = await this.api.readSecret(spec.id);
    if (existing && !isManaged(existing)) throw new ForeignObjectError(spec.id, 'Secret');
    await this.applyOrSpecError(spec.id, buildSecret({ ...spec, secretEnv }, this.manifestOptions, deploymentUid));
  }

  /** The workload's Secret, if it belongs to the given Deployment (or to none); a newer Deployment's stays. */
  private async deleteSecretOf(id: string, deploymentUid: string | undefined): Promise<void> {
    const secret = await this.api.readSecret(id);
    if (!secret || !isManaged(secret)) return;
    const owners = secret.metadata?.ownerReferences ?? [];
    if (deploymentUid !== undefined && owners.length > 0 && !owners.some((owner) => owner.uid === deploymentUid)) return;
    await this.api.deleteSecret(id, { uid: secret.metadata?.uid, resourceVersion: secret.metadata?.resourceVersion });
  }

  /** The API's 422 Invalid (e.g. a resource request above its limit) is the caller's spec problem, with the API's words. */
  private async applyOrSpecError<T extends V1Deployment | V1Service | V1Secret>(id: string, object: T): Promise<T> {
    try {
      return await this.api.apply(object);
    } catch (error) {
      if (error instanceof KubernetesApiError && (error.statusCode === 422 || error.statusCode === 400)) {
        throw new WorkloadSpecError(id, `Kubernetes refused the ${object.kind}: ${error.reason}`);
      }
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new RuntimeClosedError();
  }
}

function isManaged(object: V1Deployment | V1Service | V1Secret): boolean {
  return object.metadata?.labels?.[managedByLabel] === managedByValue;
}

/** The spec's secretEnv when it has any variable; an empty map needs no Secret. */
function secretEnvOf(spec: WorkloadSpec): Readonly<Record<string, string>> | undefined {
  return spec.secretEnv && Object.keys(spec.secretEnv).length > 0 ? spec.secretEnv : undefined;
}

function newestFirst(pods: readonly V1Pod[]): V1Pod[] {
  const created = (pod: V1Pod) => new Date(pod.metadata?.creationTimestamp ?? 0).getTime();
  return [...pods].sort((a, b) => created(b) - created(a));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
