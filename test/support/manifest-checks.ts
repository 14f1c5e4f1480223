import type { KubernetesManifest } from '../../k8s/kubernetes-manifest';

/** A permission as RBAC spells it: `group/resource[/subresource]:verb` (the core group is empty). */
export type Permission = string;

export function permission(group: string, resource: string, verb: string): Permission {
  return `${group}/${resource}:${verb}`;
}

const verbOfMethod: Record<string, string> = { read: 'get', list: 'list', create: 'create', patch: 'patch', replace: 'update', delete: 'delete' };

/**
 * What runtime/kubernetes/kubernetes-api.ts needs, read from its own source: each typed call
 * `this.apps|core.<verb>Namespaced<Kind>[Log](` maps to one permission, and server-side apply (`this.objects.patch`)
 * of the kinds the runtime applies needs `patch` and, for an object that does not exist yet, `create`.
 */
export function permissionsUsedBy(source: string, appliedKinds: ReadonlyArray<{ group: string; resource: string }>): { permissions: Set<Permission>; unknownCalls: string[] } {
  const permissions = new Set<Permission>();
  const unknownCalls: string[] = [];
  for (const [call, client, method] of source.matchAll(/this\.(apps|core|objects)\.(\w+)\(/g)) {
    if (client === 'objects') {
      if (method !== 'patch') unknownCalls.push(call);
      for (const { group, resource } of appliedKinds) for (const verb of ['patch', 'create']) permissions.add(permission(group, resource, verb));
      continue;
    }
    const match = /^(read|list|create|patch|replace|delete)Namespaced([A-Z][A-Za-z]*?)(Log)?$/.exec(method!);
    if (!match) {
      unknownCalls.push(call);
      continue;
    }
    const [, action, kind, log] = match;
    const resource = `${kind!.toLowerCase()}s${log ? '/log' : ''}`;
    permissions.add(permission(client === 'apps' ? 'apps' : '', resource, verbOfMethod[action!]!));
  }
  return { permissions, unknownCalls };
}

/** The watch streams runtime/kubernetes/kubernetes-watch.ts opens, read from its `streams` list: each needs `watch`. */
export function watchPermissionsIn(source: string): Set<Permission> {
  const permissions = new Set<Permission>();
  for (const [, group, resource] of source.matchAll(/\{ group: '(apps|core)', resource: '([a-z]+)' \}/g)) permissions.add(permission(group === 'core' ? '' : group!, resource!, 'watch'));
  return permissions;
}

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** Every permission a Role's rules grant, expanded; wildcards and other rule forms are reported, not expanded. */
export function permissionsGrantedBy(role: KubernetesManifest): { permissions: Set<Permission>; problems: string[] } {
  const permissions = new Set<Permission>();
  const problems: string[] = [];
  for (const rule of (role.rules as PolicyRule[] | undefined) ?? []) {
    if (rule.nonResourceURLs?.length) problems.push(`nonResourceURLs ${rule.nonResourceURLs.join(',')}`);
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        for (const verb of rule.verbs ?? []) {
          if ([group, resource, verb].includes('*')) problems.push(`wildcard in ${permission(group, resource, verb)}`);
          permissions.add(permission(group, resource, verb));
        }
      }
    }
  }
  return { permissions, problems };
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; runAsNonRoot?: boolean; capabilities?: { drop?: string[]; add?: string[] } };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}

export interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  containers: Container[];
  initContainers?: Container[];
  volumes?: Array<{ name: string; persistentVolumeClaim?: { claimName: string }; emptyDir?: object }>;
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: PodSpec;
}

export function podTemplateOf(deployment: KubernetesManifest): PodTemplate {
  return (deployment.spec as { template: PodTemplate }).template;
}

export function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

/** Whether a .dockerignore keeps `path` out of the build context (its patterns, or a parent folder's). */
export function isDockerIgnored(dockerignore: string, path: string): boolean {
  const patterns = dockerignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (patterns.some((pattern) => pattern.startsWith('!'))) throw new Error('.dockerignore exceptions (!) are not understood by this check');
  const matchers = patterns.map((pattern) => new RegExp(`^${pattern.replace(/^\/|\/$/g, '').split('**').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('.*')}$`));
  const segments = path.replace(/^\.\//, '').split('/');
  return segments.some((_, index) => matchers.some((matcher) => matcher.test(segments.slice(0, index + 1).join('/'))));
}
