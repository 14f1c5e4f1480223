import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  Watch,
  type KubernetesObject,
  type V1Deployment,
  type V1Pod,
  type V1Secret,
  type V1Service,
} from '@kubernetes/client-node';
import { KubernetesApiError } from './kubernetes-runtime-errors';

/** Server-side apply's field manager for everything Vigil decides in a workload's objects. */
export const fieldManager = 'vigil';
/** Owner claims are merge patches under their own manager, so that an apply by `vigil` never drops one. */
const claimsFieldManager = 'vigil-claims';

export type DeleteOutcome = 'deleted' | 'not-found' | 'conflict';

/**
 * The few calls the Kubernetes runtime makes, over @kubernetes/client-node, in one namespace. Failures come out as
 * KubernetesApiError with the API's status code and message; the client's own types stay in this folder.
 */
export class KubernetesApi {
  private readonly apps: AppsV1Api;
  private readonly core: CoreV1Api;
  private readonly objects: KubernetesObjectApi;
  private readonly watcher: Watch;

  constructor(
    kubeConfig: KubeConfig,
    readonly namespace: string,
  ) {
    this.watcher = new Watch(kubeConfig);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  }

  /** A kubeconfig file, or the in-cluster ServiceAccount when none is given. */
  static connect(options: { kubeconfigPath?: string; namespace: string }): KubernetesApi {
    const kubeConfig = new KubeConfig();
    if (options.kubeconfigPath) kubeConfig.loadFromFile(options.kubeconfigPath);
    else kubeConfig.loadFromCluster();
    return new KubernetesApi(kubeConfig, options.namespace);
  }

  /**
   * Streams the objects of one resource in the namespace as they are added, changed and deleted (a watch starts with
   * every existing object as ADDED). `onDone` is called once when the stream ends, by the server's timeout or an error;
   * the caller starts another. Resolves with the controller that ends it.
   */
  async watchList(group: 'apps' | 'core', resource: 'deployments' | 'pods', labelSelector: string, onObject: (object: KubernetesObject) => void, onDone: (error: unknown) => void): Promise<AbortController> {
    const prefix = group === 'apps' ? '/apis/apps/v1' : '/api/v1';
    return call(`watch ${resource}`, () => this.watcher.watch(`${prefix}/namespaces/${this.namespace}/${resource}`, { labelSelector }, (_type, object: KubernetesObject) => onObject(object), onDone));
  }

  /** Server-side apply (force): the object ends as given in every field Vigil manages, whatever it was before. */
  async apply<T extends KubernetesObject>(object: T, options: { dryRun?: boolean } = {}): Promise<T> {
    return call(`apply ${object.kind} ${object.metadata?.name}`, () =>
      this.objects.patch(object, undefined, options.dryRun ? 'All' : undefined, fieldManager, true, PatchStrategy.ServerSideApply),
    );
  }

  async readDeployment(name: string): Promise<V1Deployment | undefined> {
    return orUndefinedIfMissing(call(`read Deployment ${name}`, () => this.apps.readNamespacedDeployment({ name, namespace: this.namespace })));
  }

  async readService(name: string): Promise<V1Service | undefined> {
    return orUndefinedIfMissing(call(`read Service ${name}`, () => this.core.readNamespacedService({ name, namespace: this.namespace })));
  }

  /** A workload's Secret (its secretEnv): read only to check that it is Vigil's before changing or deleting it. */
  async readSecret(name: string): Promise<V1Secret | undefined> {
    return orUndefinedIfMissing(call(`read Secret ${name}`, () => this.core.readNamespacedSecret({ name, namespace: this.namespace })));
  }

  async listDeployments(labelSelector: string): Promise<V1Deployment[]> {
    return (await call('list Deployments', () => this.apps.listNamespacedDeployment({ namespace: this.namespace, labelSelector }))).items;
  }

  async listPods(labelSelector: string): Promise<V1Pod[]> {
    return (await call('list Pods', () => this.core.listNamespacedPod({ namespace: this.namespace, labelSelector }))).items;
  }

  async listServices(labelSelector: string): Promise<V1Service[]> {
    return (await call('list Services', () => this.core.listNamespacedService({ namespace: this.namespace, labelSelector }))).items;
  }

  /** Sets (a string) or drops (null) labels atomically on the server; undefined when the Deployment is gone. */
  async patchDeploymentLabels(name: string, labels: Record<string, string | null>): Promise<V1Deployment | undefined> {
    return orUndefinedIfMissing(
      call(`label Deployment ${name}`, () =>
        this.apps.patchNamespacedDeployment(
          { name, namespace: this.namespace, body: { metadata: { labels } }, fieldManager: claimsFieldManager },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        ),
      ),
    );
  }

  /** Deletes only the object that was read (same uid and resourceVersion); a concurrent change answers 'conflict'. */
  async deleteDeployment(name: string, preconditions: { uid?: string; resourceVersion?: string }): Promise<DeleteOutcome> {
    return deleteOutcome(`delete Deployment ${name}`, () =>
      this.apps.deleteNamespacedDeployment({ name, namespace: this.namespace, propagationPolicy: 'Background', body: { preconditions } }),
    );
  }

  async deleteService(name: string, preconditions: { uid?: string; resourceVersion?: string }): Promise<DeleteOutcome> {
    return deleteOutcome(`delete Service ${name}`, () => this.core.deleteNamespacedService({ name, namespace: this.namespace, body: { preconditions } }));
  }

  async deleteSecret(name: string, preconditions: { uid?: string; resourceVersion?: string }): Promise<DeleteOutcome> {
    return deleteOutcome(`delete Secret ${name}`, () => this.core.deleteNamespacedSecret({ name, namespace: this.namespace, body: { preconditions } }));
  }

  async deletePod(name: string): Promise<DeleteOutcome> {
    return deleteOutcome(`delete Pod ${name}`, () => this.core.deleteNamespacedPod({ name, namespace: this.namespace }));
  }

  async readPodLog(name: string, container: string, tailLines: number): Promise<string> {
    return call(`read the log of Pod ${name}`, () => this.core.readNamespacedPodLog({ name, namespace: this.namespace, container, tailLines }));
  }
}

async function call<T>(operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toKubernetesApiError(operation, error);
  }
}

async function orUndefinedIfMissing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof KubernetesApiError && error.statusCode === 404) return undefined;
    throw error;
  }
}

async function deleteOutcome(operation: string, request: () => Promise<unknown>): Promise<DeleteOutcome> {
  try {
    await call(operation, request);
    return 'deleted';
  } catch (error) {
    if (error instanceof KubernetesApiError && error.statusCode === 404) return 'not-found';
    if (error instanceof KubernetesApiError && error.statusCode === 409) return 'conflict';
    throw error;
  }
}

/** The API's own message (a Status object's `message`), not the client's "Unknown API Status Code!". */
export function toKubernetesApiError(operation: string, error: unknown): KubernetesApiError {
  if (error instanceof KubernetesApiError) return error;
  if (error instanceof ApiException) {
    const body: unknown = typeof error.body === 'string' ? parseJson(error.body) : error.body;
    const message = body && typeof body === 'object' && 'message' in body && typeof body.message === 'string' ? body.message : String(error.body ?? error.message);
    return new KubernetesApiError(operation, error.code, message);
  }
  return new KubernetesApiError(operation, undefined, error instanceof Error ? error.message : String(error));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
