import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyJsonPatch } from './json-patch';
import { KustomizationError } from './kubernetes-manifest';
import { splitImage } from './kustomize-transformers';
import { renderKustomization } from './render-kustomization';

const folders: string[] = [];
function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vigil-kustomize-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: app, labels: { app.kubernetes.io/component: web } }
spec:
  selector: { matchLabels: { app.kubernetes.io/component: web } }
  template:
    metadata: { labels: { app.kubernetes.io/component: web } }
    spec:
      initContainers: [{ name: init, image: example/app }]
      containers: [{ name: app, image: example/app:1.0.0 }, { name: side, image: other/side:2 }]
`;
const rbac = `apiVersion: v1
kind: Namespace
metadata: { name: apps }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: binding }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: role }
subjects:
  - { kind: ServiceAccount, name: default }
  - { kind: ServiceAccount, name: runner, namespace: elsewhere }
`;

describe('renderKustomization', () => {
  it('renders resources with namespace, labels and images as kustomize does, in apply order', () => {
    const root = writeTree({
      'kustomization.yaml': `namespace: apps
resources: [deployment.yaml, rbac.yaml]
labels:
  - pairs: { app.kubernetes.io/name: demo }
    includeTemplates: true
images:
  - { name: example/app, newName: registry.example/app, newTag: "1.2.3" }
`,
      'deployment.yaml': deployment,
      'rbac.yaml': rbac,
    });
    const objects = renderKustomization(root);
    expect(objects.map((object) => object.kind)).toEqual(['Namespace', 'RoleBinding', 'Deployment']);
    const [namespace, binding, app] = objects as [any, any, any];
    expect(namespace.metadata).toEqual({ name: 'apps', labels: { 'app.kubernetes.io/name': 'demo' } });
    expect(binding.metadata.namespace).toBe('apps');
    // Only subjects named `default` follow the namespace (kustomize's setRoleBindingSubjects: defaultOnly).
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'default', namespace: 'apps' },
      { kind: 'ServiceAccount', name: 'runner', namespace: 'elsewhere' },
    ]);
    expect(app.metadata).toMatchObject({ namespace: 'apps', labels: { 'app.kubernetes.io/component': 'web', 'app.kubernetes.io/name': 'demo' } });
    expect(app.spec.template.metadata.labels).toEqual({ 'app.kubernetes.io/component': 'web', 'app.kubernetes.io/name': 'demo' });
    // Selectors are left alone (includeSelectors is not set).
    expect(app.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/component': 'web' });
    expect(app.spec.template.spec.initContainers[0].image).toBe('registry.example/app:1.2.3');
    expect(app.spec.template.spec.containers.map((container: any) => container.image)).toEqual(['registry.example/app:1.2.3', 'other/side:2']);
  });

  it('renders an overlay over its base and applies JSON 6902 patches to the matching objects only', () => {
    const root = writeTree({
      'base/kustomization.yaml': 'namespace: apps\nresources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment,
      'overlay/kustomization.yaml': `resources: [../base]
patches:
  - target: { kind: Deployment, name: app }
    patch: |-
      - { op: add, path: /spec/replicas, value: 3 }
      - { op: add, path: /spec/template/spec/containers/-, value: { name: extra, image: extra:1.0.0 } }
      - { op: remove, path: /spec/template/spec/initContainers }
`,
    });
    const [app] = renderKustomization(join(root, 'overlay')) as [any];
    expect(app.metadata.namespace).toBe('apps');
    expect(app.spec.replicas).toBe(3);
    expect(app.spec.template.spec.containers.map((container: any) => container.name)).toEqual(['app', 'side', 'extra']);
    expect(app.spec.template.spec.initContainers).toBeUndefined();
  });

  it('refuses what it does not implement instead of ignoring it', () => {
    const unsupported = writeTree({ 'kustomization.yaml': 'resources: []\ncommonLabels: { a: b }\n' });
    expect(() => renderKustomization(unsupported)).toThrow(/commonLabels|Unrecognized key/);
    const generator = writeTree({ 'kustomization.yaml': 'configMapGenerator: [{ name: x, literals: [a=b] }]\n' });
    expect(() => renderKustomization(generator)).toThrow(KustomizationError);
    const strategicMerge = writeTree({
      'kustomization.yaml': 'resources: [d.yaml]\npatches: [{ target: { kind: Deployment }, patch: "spec: { replicas: 2 }" }]\n',
      'd.yaml': deployment,
    });
    expect(() => renderKustomization(strategicMerge)).toThrow(/strategic merge/);
    const selectors = writeTree({ 'kustomization.yaml': 'resources: [d.yaml]\nlabels: [{ pairs: { a: b }, includeSelectors: true }]\n', 'd.yaml': deployment });
    expect(() => renderKustomization(selectors)).toThrow(/includeSelectors/);
  });

  it('names missing files, unmatched patch targets, duplicates and non-objects', () => {
    expect(() => renderKustomization(writeTree({ 'kustomization.yaml': 'resources: [missing.yaml]\n' }))).toThrow(/missing\.yaml: no such file/);
    expect(() => renderKustomization(writeTree({ 'other.yaml': '' }))).toThrow(/no kustomization\.yaml/);
    const unmatched = writeTree({
      'kustomization.yaml': 'resources: [d.yaml]\npatches: [{ target: { kind: Service, name: app }, patch: "[{op: remove, path: /spec}]" }]\n',
      'd.yaml': deployment,
    });
    expect(() => renderKustomization(unmatched)).toThrow(/matches no object/);
    const twice = writeTree({ 'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n', 'a.yaml': deployment, 'b.yaml': deployment });
    expect(() => renderKustomization(twice)).toThrow(/Deployment app is declared twice/);
    const notAnObject = writeTree({ 'kustomization.yaml': 'resources: [a.yaml]\n', 'a.yaml': 'kind: Thing\n' });
    expect(() => renderKustomization(notAnObject)).toThrow(/not a Kubernetes object/);
  });
});

describe('applyJsonPatch', () => {
  it('adds, replaces and removes by JSON pointer without touching the input', () => {
    const input = { a: { 'b/c': 1, list: [1, 2] } };
    const output = applyJsonPatch(input, [
      { op: 'replace', path: '/a/b~1c', value: 2 },
      { op: 'add', path: '/a/list/0', value: 0 },
      { op: 'remove', path: '/a/list/2' },
      { op: 'add', path: '/d', value: true },
    ]);
    expect(output).toEqual({ a: { 'b/c': 2, list: [0, 1] }, d: true });
    expect(input).toEqual({ a: { 'b/c': 1, list: [1, 2] } });
  });

  it('refuses paths that do not exist', () => {
    expect(() => applyJsonPatch({ a: {} }, [{ op: 'replace', path: '/a/b', value: 1 }])).toThrow(/nothing to replace/);
    expect(() => applyJsonPatch({ a: [] }, [{ op: 'add', path: '/a/3', value: 1 }])).toThrow(/out of range/);
    expect(() => applyJsonPatch({}, [{ op: 'add', path: '/x/y', value: 1 }])).toThrow(/"x" does not exist/);
  });
});

describe('splitImage', () => {
  it('separates the name from a tag or digest, not from a registry port', () => {
    expect(splitImage('vigil/vigil')).toEqual({ name: 'vigil/vigil', suffix: '' });
    expect(splitImage('vigil/vigil:0.1.0')).toEqual({ name: 'vigil/vigil', suffix: ':0.1.0' });
    expect(splitImage('localhost:5000/vigil/vigil')).toEqual({ name: 'localhost:5000/vigil/vigil', suffix: '' });
    expect(splitImage(`registry:5000/a:1@sha256:${'a'.repeat(64)}`)).toEqual({ name: 'registry:5000/a', suffix: `:1@sha256:${'a'.repeat(64)}` });
  });
});
