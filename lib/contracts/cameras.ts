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

/**
 * Test connection: a URL being typed (with credentials in fields, or stored ones of `cameraId` when the form leaves
 * them empty), or a saved camera as is. Credentials are injected on the server and never come back.
 */
export const probeCameraBodySchema = z
  .strictObject({
    streamUrl: streamUrlSchema.optional(),
    username: z.string().min(1).max(200).optional(),
    password: z.string().min(1).max(200).optional(),
    cameraId: z.string().min(1).max(64).optional(),
    timeoutSeconds: z.number().int().min(1).max(20).default(8),
  })
  .refine((body) => body.streamUrl !== undefined || body.cameraId !== undefined, { message: 'give streamUrl or cameraId', path: ['streamUrl'] });
export type ProbeCameraBody = z.infer<typeof probeCameraBodySchema>;

/** The first video stream as ffprobe saw it. */
export const probeResultSchema = z.object({
  streamUrl: z.string().describe('without credentials'),
  codec: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  fps: z.number(),
  elapsedMs: z.number().int(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

/**
 * One camera of a bulk import, as the CSV gave it: loosely typed so that every row's problems are reported with its
 * row number (the service checks each row against createCameraBodySchema) instead of one 400 for the first.
 */
export const importCameraRowSchema = z.strictObject({
  name: z.string().max(1000).default(''),
  streamUrl: z.string().max(4096).default(''),
  username: z.string().max(1000).optional(),
  password: z.string().max(1000).optional(),
  description: z.string().max(4000).optional(),
  location: z.string().max(1000).optional(),
  tags: z.array(z.string().max(200)).max(100).optional(),
});
export type ImportCameraRow = z.infer<typeof importCameraRowSchema>;

export const maxImportRows = 500;
export const importCamerasBodySchema = z.strictObject({ rows: z.array(importCameraRowSchema).min(1).max(maxImportRows) });

/** `row` counts the data rows from 1 (the first camera below the CSV header is row 1). */
export const importRowErrorSchema = z.object({ row: z.number().int(), path: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importCamerasResultSchema = z.object({ imported: z.number().int(), items: z.array(cameraSchema) });
