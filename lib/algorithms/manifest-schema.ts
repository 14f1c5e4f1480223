import { z } from 'zod';

export const roiKinds = ['polygon', 'line', 'point'] as const;

const quantity = z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/, 'a Kubernetes quantity such as "500m", "2" or "512Mi"');

/** vigil-algorithm.json (DESIGN.md §4.1): what the platform needs to run, call and configure an algorithm server. */
export const algorithmManifestSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and -, at most 63 characters (a DNS label)'),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'semantic version such as 1.2.0'),
    description: z.string().max(2000).default(''),
    /** Container image for the Kubernetes runtime. */
    image: z.string().min(1).max(500).optional(),
    /** argv for the local runtime; `{port}` is replaced by the assigned port. */
    command: z.array(z.string().min(1)).min(1).optional(),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
    port: z.number().int().min(1).max(65_535),
    labels: z.array(z.string().min(1).max(64)).min(1, 'list at least one output label'),
    input: z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
    roiTypes: z.array(z.enum(roiKinds)).default([]),
    /** JSON Schema of the algorithm's runtime parameters (sent as X-Params). */
    params: z
      .record(z.string(), z.unknown())
      .refine((schema) => schema.type === undefined || schema.type === 'object', 'params must be a JSON Schema of type "object"')
      .default({ type: 'object', properties: {} }),
    resources: z
      .strictObject({ cpu: quantity.optional(), memory: quantity.optional(), 'nvidia.com/gpu': z.number().int().min(0).max(16).optional() })
      .default({}),
    health: z.strictObject({ liveness: z.string().startsWith('/').default('/healthz'), readiness: z.string().startsWith('/').default('/readyz') }).default({ liveness: '/healthz', readiness: '/readyz' }),
    trainable: z.boolean().default(false),
  })
  .refine((manifest) => manifest.image !== undefined || manifest.command !== undefined, {
    message: 'give an image (Kubernetes), a command (local runtime), or both',
    path: ['image'],
  });

export type AlgorithmManifest = z.infer<typeof algorithmManifestSchema>;
