import { z } from 'zod';
import { splitStreamUrl } from '../cameras/stream-url';

export const streamUrlSchema = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const result = splitStreamUrl(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `invalid stream URL: ${result.message}` });
  });

const name = z.string().trim().min(1).max(100);
const tags = z.array(z.string().trim().min(1).max(40)).max(20);

export const createCameraBodySchema = z.strictObject({
  name,
  streamUrl: streamUrlSchema,
  description: z.string().max(1000).default(''),
  username: z.string().min(1).max(200).optional(),
  password: z.string().min(1).max(200).optional(),
  location: z.string().max(200).default(''),
  tags: tags.default([]),
  enabled: z.boolean().default(true),
});
export type CreateCameraBody = z.infer<typeof createCameraBodySchema>;

export const updateCameraBodySchema = z.strictObject({
  name: name.optional(),
  streamUrl: streamUrlSchema.optional(),
  description: z.string().max(1000).optional(),
  username: z.string().min(1).max(200).optional(),
  password: z.string().min(1).max(200).optional(),
  /** Removes stored credentials. */
  clearCredentials: z.boolean().optional(),
  location: z.string().max(200).optional(),
  tags: tags.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateCameraBody = z.infer<typeof updateCameraBodySchema>;

/** A camera as the API shows it: the password is never returned, only whether one is stored. */
export const cameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  streamUrl: z.string(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  location: z.string(),
  tags: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Camera = z.infer<typeof cameraSchema>;
