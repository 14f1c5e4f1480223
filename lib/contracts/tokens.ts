import { z } from 'zod';
import { roleSchema } from './users';

/** API tokens are sent as `Authorization: Bearer vgt_…`; the prefix lets secret scanners recognise them. */
export const apiTokenPrefix = 'vgt';

export const apiTokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  name: z.string(),
  prefix: z.string().describe('the first characters of the token, to recognise it; never enough to use it'),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe('the secret, shown only in this answer: it is stored hashed'),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

export const createApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: roleSchema.optional().describe("defaults to the creator's role and may not exceed it"),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('omit for a token that does not expire'),
});
export type CreateApiTokenBody = z.infer<typeof createApiTokenBodySchema>;

export const listApiTokensQuerySchema = z.strictObject({
  all: z.enum(['true', 'false']).optional().describe("admin only: everyone's tokens, not just your own"),
});
