import { z } from 'zod';

/** Stored target URLs are the WHATWG-normalised form, so that a pipeline's callback URL finds its target by equality. */
export function normaliseCallbackUrl(url: string): string {
  return new URL(url).href;
}

const callbackUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http:// or https:// URL')
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), 'must not carry credentials (user:password@)')
  .transform(normaliseCallbackUrl);

export const callbackTargetSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  autoCreated: z.boolean().describe('created on first use by a pipeline callback node; rotate its secret to learn it'),
  secretRotatedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallbackTarget = z.infer<typeof callbackTargetSchema>;

export const callbackTargetWithSecretSchema = callbackTargetSchema.extend({
  secret: z.string().describe('the signing secret, shown only in this answer: store it in the receiver now'),
});
export type CallbackTargetWithSecret = z.infer<typeof callbackTargetWithSecretSchema>;

export const callbackTargetListSchema = z.object({ items: z.array(callbackTargetSchema) });

export const createCallbackTargetBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  url: callbackUrl,
  enabled: z.boolean().default(true),
});
export type CreateCallbackTargetBody = z.infer<typeof createCallbackTargetBodySchema>;

export const updateCallbackTargetBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: callbackUrl.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateCallbackTargetBody = z.infer<typeof updateCallbackTargetBodySchema>;
