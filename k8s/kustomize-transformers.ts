import type { KubernetesManifest } from './kubernetes-manifest';
import { KustomizationError } from './kubernetes-manifest';

// The built-in kustomize transformers this repository's kustomizations use, with kustomize v5's semantics.

/** Kinds that have no namespace (kustomize leaves their metadata.namespace unset). */
const clusterScopedKinds = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding',
  'PriorityClass', 'IngressClass', 'RuntimeClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService',
]);

/** Kinds whose pod template `labels: [{includeTemplates: true}]` reaches, and where that template lies. */
const podTemplatePaths: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export function isClusterScoped(kind: string): boolean {
  return clusterScopedKinds.has(kind);
}

/**
 * `namespace:` sets metadata.namespace on every namespaced object. Of RoleBinding subjects only those named
 * `default` follow (kustomize's default `setRoleBindingSubjects: defaultOnly`); others keep the namespace written.
 */
export function setNamespace(objects: KubernetesManifest[], namespace: string): KubernetesManifest[] {
  return objects.map((object) => {
    if (isClusterScoped(object.kind)) return object;
    const copy = structuredClone(object);
    copy.metadata.namespace = namespace;
    if ((copy.kind === 'RoleBinding' || copy.kind === 'ClusterRoleBinding') && Array.isArray(copy.subjects)) {
      for (const subject of copy.subjects as Array<Record<string, unknown>>) if (subject.name === 'default') subject.namespace = namespace;
    }
    return copy;
  });
}

export interface LabelsEntry {
  pairs: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
}

/** `labels:` adds the pairs to every object's metadata.labels and, with includeTemplates, to pod templates. */
export function addLabels(objects: KubernetesManifest[], entry: LabelsEntry): KubernetesManifest[] {
  // Selectors are immutable on Deployments: a label added to them later cannot be applied to a running install.
  if (entry.includeSelectors) throw new KustomizationError('labels: includeSelectors is not supported (selectors are written in each manifest)');
  return objects.map((object) => {
    const copy = structuredClone(object);
    copy.metadata.labels = { ...copy.metadata.labels, ...entry.pairs };
    const templatePath = podTemplatePaths[copy.kind];
    if (entry.includeTemplates && templatePath) {
      const template = objectAt(copy, templatePath);
      if (template) {
        const metadata = (template.metadata ??= {}) as Record<string, unknown>;
        metadata.labels = { ...(metadata.labels as Record<string, string> | undefined), ...entry.pairs };
      }
    }
    return copy;
  });
}

export interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** `images:` rewrites the image of every container whose image name (without tag or digest) is `name`. */
export function setImages(objects: KubernetesManifest[], entries: readonly ImageEntry[]): KubernetesManifest[] {
  return objects.map((object) => {
    const copy = structuredClone(object);
    visitContainers(copy, (container) => {
      if (typeof container.image !== 'string') return;
      const reference = splitImage(container.image);
      const entry = entries.find((candidate) => candidate.name === reference.name);
      if (!entry) return;
      const suffix = entry.digest ? `@${entry.digest}` : entry.newTag ? `:${entry.newTag}` : reference.suffix;
      container.image = `${entry.newName ?? reference.name}${suffix}`;
    });
    return copy;
  });
}

/** `repo/name:tag@digest` → name `repo/name` and the rest; a `:` before the last `/` is a registry port. */
export function splitImage(image: string): { name: string; suffix: string } {
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const colon = withoutDigest.lastIndexOf(':');
  const end = colon > withoutDigest.lastIndexOf('/') ? colon : at === -1 ? image.length : at;
  return { name: image.slice(0, end), suffix: image.slice(end) };
}

/** Every container of an object, wherever its lists sit (pod spec, pod templates, job templates). */
export function visitContainers(value: unknown, visit: (container: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visitContainers(item, visit);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers') && Array.isArray(child)) {
      for (const container of child) if (container && typeof container === 'object') visit(container as Record<string, unknown>);
    } else {
      visitContainers(child, visit);
    }
  }
}

function objectAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}
