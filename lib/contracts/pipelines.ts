import { z } from 'zod';
import { pipelineGraphSchema } from '../pipeline/graph-schema';

const name = z.string().trim().min(1).max(100);

export const createPipelineBodySchema = z.strictObject({
  name,
  description: z.string().max(2000).default(''),
  graph: pipelineGraphSchema.default({ nodes: [], edges: [] }),
  comment: z.string().max(500).default('created'),
});

export const updatePipelineBodySchema = z.strictObject({ name: name.optional(), description: z.string().max(2000).optional() });

export const createRevisionBodySchema = z.strictObject({
  graph: pipelineGraphSchema,
  comment: z.string().max(500).default(''),
  /** The revision the editor started from; a save on top of a newer one is refused (409) instead of overwriting it. */
  baseRevision: z.number().int().positive().optional(),
});

export const pipelineSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  latestRevision: z.number().int(),
  deployedRevision: z.number().int().nullable(),
  desiredState: z.enum(['stopped', 'running']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const pipelineRevisionSchema = z.object({
  pipelineId: z.string(),
  revision: z.number().int(),
  graph: pipelineGraphSchema,
  comment: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type PipelineRevision = z.infer<typeof pipelineRevisionSchema>;
