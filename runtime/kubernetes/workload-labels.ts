import type { WorkloadKind, WorkloadSelector } from '../workload-runtime.port';

/** Label and annotation keys the Kubernetes runtime writes; what it reads back to rebuild a status. */
export const managedByLabel = 'app.kubernetes.io/managed-by';
export const managedByValue = 'vigil';
export const workloadIdLabel = 'vigil.io/workload-id';
export const kindLabel = 'vigil.io/kind';
export const specHashAnnotation = 'vigil.io/spec-hash';
const labelPrefix = 'vigil.io/';
const ownerPrefix = 'owner.vigil.io/';
/** Spec labels may not use these keys: they would collide with the runtime's own `vigil.io/` labels. */
export const reservedLabelKeys: readonly string[] = ['workload-id', 'kind'];

export function ownerLabel(owner: string): string {
  return `${ownerPrefix}${owner}`;
}

/** What every object of one workload carries; the pod template gets only these, so a relabel never restarts pods. */
export function identityLabels(id: string, kind: WorkloadKind): Record<string, string> {
  return { [managedByLabel]: managedByValue, [workloadIdLabel]: id, [kindLabel]: kind };
}

export function prefixedLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [`${labelPrefix}${key}`, value]));
}

/** The spec's labels back from an object's labels: `vigil.io/<key>` minus the runtime's own keys. */
export function workloadLabelsOf(labels: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([key]) => key.startsWith(labelPrefix) && !reservedLabelKeys.includes(key.slice(labelPrefix.length)))
      .map(([key, value]) => [key.slice(labelPrefix.length), value]),
  );
}

export function ownersOf(labels: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries(labels)
    .filter(([key, value]) => key.startsWith(ownerPrefix) && value === 'true')
    .map(([key]) => key.slice(ownerPrefix.length))
    .sort();
}

/** A Kubernetes label selector for a workload selector; values were validated as label values on deploy. */
export function labelSelectorFor(selector: WorkloadSelector & { id?: string }): string {
  const terms = [`${managedByLabel}=${managedByValue}`];
  if (selector.id !== undefined) terms.push(`${workloadIdLabel}=${selector.id}`);
  if (selector.kind !== undefined) terms.push(`${kindLabel}=${selector.kind}`);
  if (selector.owner !== undefined) terms.push(`${ownerLabel(selector.owner)}=true`);
  for (const [key, value] of Object.entries(selector.labels ?? {})) terms.push(`${labelPrefix}${key}=${value}`);
  return terms.join(',');
}
