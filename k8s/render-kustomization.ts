import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { applyJsonPatch, type JsonPatchOperation } from './json-patch';
import { describeManifest, KustomizationError, type KubernetesManifest } from './kubernetes-manifest';
import { addLabels, setImages, setNamespace } from './kustomize-transformers';

/**
 * `kubectl kustomize <dir>` for the subset of kustomize v5 that k8s/ uses — resources (files and other kustomizations),
 * namespace, labels, images and JSON 6902 patches — so that tests can check the manifests without the kustomize
 * binary. A field outside that subset is refused by name rather than ignored: a kustomization this renders is one
 * that `kubectl apply -k` renders the same way.
 */
const patchTarget = z.strictObject({ group: z.string().optional(), version: z.string().optional(), kind: z.string().optional(), name: z.string().optional(), namespace: z.string().optional() });
const kustomizationSchema = z.strictObject({
  apiVersion: z.literal('kustomize.config.k8s.io/v1beta1').optional(),
  kind: z.literal('Kustomization').optional(),
  resources: z.array(z.string()).default([]),
  namespace: z.string().optional(),
  labels: z.array(z.strictObject({ pairs: z.record(z.string(), z.string()), includeSelectors: z.boolean().optional(), includeTemplates: z.boolean().optional() })).default([]),
  images: z.array(z.strictObject({ name: z.string(), newName: z.string().optional(), newTag: z.string().optional(), digest: z.string().optional() })).default([]),
  patches: z.array(z.strictObject({ target: patchTarget, patch: z.string().optional(), path: z.string().optional() })).default([]),
});
type Kustomization = z.infer<typeof kustomizationSchema>;

const kustomizationFileNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

// kustomize's legacy output order (what `kubectl apply -k` sends): what others depend on comes first.
const kindOrder = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const kindsLast = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/** The objects `kubectl kustomize <directory>` prints, in the same order. */
export function renderKustomization(directory: string): KubernetesManifest[] {
  const root = resolve(directory);
  const file = kustomizationFileNames.map((name) => join(root, name)).find((path) => existsSync(path));
  if (!file) throw new KustomizationError(`${directory}: no kustomization.yaml`);
  const kustomization = readKustomization(file);
  let objects = kustomization.resources.flatMap((resource) => loadResource(root, resource));
  rejectDuplicates(objects, file);
  // kustomize's built-in transformer order: patches, namespace, labels, images.
  for (const patch of kustomization.patches) objects = applyPatch(objects, patch, root, file);
  if (kustomization.namespace) objects = setNamespace(objects, kustomization.namespace);
  for (const entry of kustomization.labels) objects = addLabels(objects, entry);
  if (kustomization.images.length) objects = setImages(objects, kustomization.images);
  rejectDuplicates(objects, file);
  return sortForApply(objects);
}

function readKustomization(file: string): Kustomization {
  const parsed = kustomizationSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new KustomizationError(`${file}: ${problems.join('; ')} (this renderer supports resources, namespace, labels, images, patches)`);
  }
  return parsed.data;
}

function loadResource(root: string, resource: string): KubernetesManifest[] {
  if (/^[a-z]+:\/\//i.test(resource) || resource.startsWith('github.com/')) throw new KustomizationError(`${resource}: remote resources are not supported`);
  const path = resolve(root, resource);
  if (!existsSync(path)) throw new KustomizationError(`${join(root, resource)}: no such file or directory`);
  if (statSync(path).isDirectory()) return renderKustomization(path);
  return parseAllDocuments(readFileSync(path, 'utf8')).flatMap((document, index) => {
    if (document.errors.length) throw new KustomizationError(`${path} (document ${index + 1}): ${document.errors[0]!.message}`);
    const object: unknown = document.toJS();
    if (object === null || object === undefined) return [];
    return [asManifest(object, `${path} (document ${index + 1})`)];
  });
}

function asManifest(value: unknown, where: string): KubernetesManifest {
  const object = value as Partial<KubernetesManifest> | undefined;
  if (!object || typeof object !== 'object' || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || typeof object.metadata?.name !== 'string') {
    throw new KustomizationError(`${where}: not a Kubernetes object (apiVersion, kind and metadata.name are needed)`);
  }
  return object as KubernetesManifest;
}

function applyPatch(objects: KubernetesManifest[], patch: Kustomization['patches'][number], root: string, file: string): KubernetesManifest[] {
  if ((patch.patch === undefined) === (patch.path === undefined)) throw new KustomizationError(`${file}: a patch needs exactly one of patch and path`);
  const text = patch.patch ?? readFileSync(resolve(root, patch.path!), 'utf8');
  const operations: unknown = parse(text);
  if (!Array.isArray(operations)) throw new KustomizationError(`${file}: only JSON 6902 patches (a list of operations) are supported, not strategic merge patches`);
  let matched = 0;
  const patched = objects.map((object) => {
    if (!matchesTarget(object, patch.target)) return object;
    matched += 1;
    try {
      return asManifest(applyJsonPatch(object, operations as JsonPatchOperation[]), describeManifest(object));
    } catch (error) {
      throw new KustomizationError(`${file}: patching ${describeManifest(object)}: ${(error as Error).message}`);
    }
  });
  // kustomize applies a patch that matches nothing silently; here that is a mistake worth naming.
  if (matched === 0) throw new KustomizationError(`${file}: the patch target ${JSON.stringify(patch.target)} matches no object`);
  return patched;
}

function matchesTarget(object: KubernetesManifest, target: z.infer<typeof patchTarget>): boolean {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  return (
    (target.kind === undefined || target.kind === object.kind) &&
    (target.name === undefined || target.name === object.metadata.name) &&
    (target.namespace === undefined || target.namespace === object.metadata.namespace) &&
    (target.group === undefined || target.group === group) &&
    (target.version === undefined || target.version === version)
  );
}

function rejectDuplicates(objects: readonly KubernetesManifest[], file: string): void {
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.apiVersion.split('/').slice(0, -1).join('/')} ${describeManifest(object)}`;
    if (seen.has(id)) throw new KustomizationError(`${file}: ${describeManifest(object)} is declared twice`);
    seen.add(id);
  }
}

function sortForApply(objects: KubernetesManifest[]): KubernetesManifest[] {
  const rank = (kind: string) => {
    const first = kindOrder.indexOf(kind);
    if (first !== -1) return first;
    return kindsLast.includes(kind) ? kindOrder.length + 1 + kindsLast.indexOf(kind) : kindOrder.length;
  };
  return objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => rank(a.object.kind) - rank(b.object.kind) || a.index - b.index)
    .map((entry) => entry.object);
}

