import { createHash } from 'node:crypto';
import { z } from 'zod';
import { WorkloadSpecError } from './workload-errors';
import type { WorkloadSpec } from './workload-runtime.port';

// Kubernetes naming rules, enforced for both runtimes so that a spec that runs locally also runs on a cluster.
const dnsLabel = z.string().regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS-1035 label: lower-case letters, digits and -, starting with a letter, at most 63 characters');
const labelName = z.string().regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, 'a Kubernetes label name: letters, digits, - _ ., at most 63 characters');
const labelValue = z.string().regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, 'a Kubernetes label value: letters, digits, - _ ., at most 63 characters');
const httpPath = z.string().startsWith('/');
const environmentName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');
const quantity = z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/, 'a Kubernetes quantity such as "500m" or "512Mi"');

export const workloadSpecSchema = z.strictObject({
  id: dnsLabel,
  kind: z.enum(['algorithm-server', 'analyzer']),
  // An owner becomes a label name on Kubernetes (owner.vigil.io/<owner>), hence the same rule.
  owner: labelName,
  labels: z.record(labelName, labelValue),
  command: z.array(z.string().min(1)).min(1).optional(),
  workingDirectory: z.string().min(1).optional(),
  env: z.record(environmentName, z.string()),
  secretEnv: z.record(environmentName, z.string()).optional(),
  image: z.string().min(1).optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  health: z.strictObject({ liveness: httpPath.optional(), readiness: httpPath.optional() }).optional(),
  resources: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional(), 'nvidia.com/gpu': z.number().int().min(0).max(16).optional() }),
}).refine((spec) => Object.keys(spec.secretEnv ?? {}).every((name) => !(name in spec.env)), {
  message: 'a name is in both env and secretEnv',
  path: ['secretEnv'],
}).refine((spec) => spec.port !== undefined || (spec.health?.liveness === undefined && spec.health?.readiness === undefined), {
  message: 'health probes need a port to probe',
  path: ['health'],
});

/** Fails fast with a WorkloadSpecError that names every problem. */
export function assertValidWorkloadSpec(spec: WorkloadSpec): void {
  const parsed = workloadSpecSchema.safeParse(spec);
  if (parsed.success) return;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'spec'}: ${issue.message}`);
  throw new WorkloadSpecError(String(spec.id), problems.join('; '));
}

/**
 * What decides whether the running workload must be replaced: everything except owner and labels, which
 * change bookkeeping only. Keys are sorted so that the hash does not depend on property order. secretEnv's values
 * count (a new token must reach the workload); only this one-way, truncated digest of them ever leaves the spec.
 */
export function hashWorkloadSpec(spec: WorkloadSpec): string {
  const { owner: _owner, labels: _labels, ...running } = spec;
  return createHash('sha256').update(canonicalJson(running)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
