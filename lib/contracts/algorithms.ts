import { z } from 'zod';
import { algorithmManifestSchema } from '../algorithms/manifest-schema';

export const algorithmSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  manifest: algorithmManifestSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Algorithm = z.infer<typeof algorithmSchema>;

export const listAlgorithmsQuerySchema = z.strictObject({ name: z.string().optional() });
