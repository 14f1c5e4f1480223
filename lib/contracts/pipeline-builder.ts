import { z } from 'zod';

/** The graph is not checked by the body schema: the compiler reports every problem with its node. */
export const validateGraphBodySchema = z.strictObject({ graph: z.unknown(), pipelineId: z.string().optional() });

export const compileErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
});

export const validateGraphResultSchema = z.union([
  z.object({ ok: z.literal(true), spec: z.record(z.string(), z.unknown()) }),
  z.object({ ok: z.literal(false), errors: z.array(compileErrorSchema) }),
]);

export const diffQuerySchema = z.strictObject({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export const deployBodySchema = z.strictObject({ revision: z.number().int().positive().optional() });

export const graphDiffSchema = z.object({
  addedNodes: z.array(z.object({ id: z.string(), type: z.string() })),
  removedNodes: z.array(z.object({ id: z.string(), type: z.string() })),
  changedNodes: z.array(z.object({ id: z.string(), type: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
  addedEdges: z.array(z.string()),
  removedEdges: z.array(z.string()),
  movedNodes: z.array(z.string()),
});
