import { z } from 'zod';
import { roles } from '../auth/roles';

export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(['en', 'zh-CN']);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  locale: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const username = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only');
const password = z.string().min(10, 'at least 10 characters').max(256);

export const loginBodySchema = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const createUserBodySchema = z.strictObject({ username, password, role: roleSchema, locale: localeSchema.default('en') });
export const updateUserBodySchema = z.strictObject({ password: password.optional(), role: roleSchema.optional(), locale: localeSchema.optional(), disabled: z.boolean().optional() });
/** What any user may change about themselves without an admin (the password has its own route). */
export const updateOwnProfileBodySchema = z.strictObject({ locale: localeSchema });
export type UpdateOwnProfileBody = z.infer<typeof updateOwnProfileBodySchema>;
export const changeOwnPasswordBodySchema = z.strictObject({ currentPassword: z.string().min(1), newPassword: password });

export const sessionInfoSchema = z.object({ user: userSchema, csrfToken: z.string() });

export const userListSchema = z.object({ items: z.array(userSchema) });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
export type CreateUserBody = z.infer<typeof createUserBodySchema>;
export type ChangeOwnPasswordBody = z.infer<typeof changeOwnPasswordBodySchema>;
