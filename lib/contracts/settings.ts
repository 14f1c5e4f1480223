import { z } from 'zod';
import { localeSchema } from './users';

const hostPatterns = [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.hostname()];
const hostOrCidr = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .refine((value) => hostPatterns.some((pattern) => pattern.safeParse(value).success), 'must be a host name, an IP address or a CIDR range');
const hostList = z.array(hostOrCidr).max(500);

// Each field once, without defaults: the effective schema adds the defaults, the patch makes them optional.
const retentionDays = z.number().int().min(1).max(3650).describe('days alarms and snapshots are kept');
const retentionRunAt = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, 24-hour').describe('daily time (server clock) of the retention sweep');
const diskGuardMinFreePercent = z.number().int().min(1).max(50).describe('below this free disk space, recording and snapshots pause');
const callbackRetryHours = z.number().int().min(1).max(720).describe('how long a failing alarm callback is retried');
const trainingEnabled = z.boolean();

export const callbackPolicySchema = z.object({
  allowPrivateNetworks: z.boolean().default(false).describe('may callbacks target loopback, link-local and private addresses'),
  allowList: hostList.default([]).describe('hosts/CIDRs always allowed (checked after denyList)'),
  denyList: hostList.default([]).describe('hosts/CIDRs never allowed'),
});

/** The effective settings: what is stored, over these defaults. */
export const settingsSchema = z.object({
  retentionDays: retentionDays.default(30),
  retentionRunAt: retentionRunAt.default('03:00'),
  diskGuardMinFreePercent: diskGuardMinFreePercent.default(10),
  callbackPolicy: callbackPolicySchema.prefault({}),
  callbackRetryHours: callbackRetryHours.default(24),
  defaultLocale: localeSchema.default('en'),
  trainingEnabled: trainingEnabled.default(false),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const settingKeys = Object.keys(settingsSchema.shape) as SettingKey[];

/** PATCH body: any subset; callbackPolicy fields given are merged into the current policy. */
export const updateSettingsBodySchema = z.strictObject({
  retentionDays: retentionDays.optional(),
  retentionRunAt: retentionRunAt.optional(),
  diskGuardMinFreePercent: diskGuardMinFreePercent.optional(),
  callbackPolicy: z
    .strictObject({ allowPrivateNetworks: z.boolean().optional(), allowList: hostList.optional(), denyList: hostList.optional() })
    .optional(),
  callbackRetryHours: callbackRetryHours.optional(),
  defaultLocale: localeSchema.optional(),
  trainingEnabled: trainingEnabled.optional(),
});
export type UpdateSettingsBody = z.infer<typeof updateSettingsBodySchema>;
