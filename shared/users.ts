import { z } from 'zod';
import { LIMITS } from './limits.js';
import { ROLES } from './roles.js';
import { pageQuery } from './pagination.js';

export const email = z.email('Enter a valid email address.').max(LIMITS.emailLength).transform((v) => v.trim());
export const handle = z
  .string()
  .min(2, 'A handle needs at least 2 characters.')
  .max(LIMITS.handleLength)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'A handle uses letters, digits, dots, dashes and underscores.');
export const displayName = z.string().trim().min(1, 'Enter a name.').max(LIMITS.displayNameLength);
export const password = z
  .string()
  .min(LIMITS.passwordMin, `A password needs at least ${LIMITS.passwordMin} characters.`)
  .max(LIMITS.passwordMax);
export const role = z.enum(ROLES);

export const teamRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });
export type TeamRef = z.infer<typeof teamRef>;

export const user = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  handle: z.string(),
  role,
  teams: z.array(teamRef),
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const createUserBody = z.object({
  email,
  displayName,
  handle,
  role: role.default('member'),
  teamIds: z.array(z.string()).max(50).optional(),
  password: password.optional(),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const invite = z.object({ url: z.string(), expiresAt: z.string() });
export const createdUser = user.extend({ invite: invite.optional() });
export type CreatedUser = z.infer<typeof createdUser>;

export const updateUserBody = z
  .object({
    displayName: displayName.optional(),
    handle: handle.optional(),
    role: role.optional(),
    active: z.boolean().optional(),
    password: password.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change: send at least one field.');
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const loginBody = z.object({ email: z.string().max(LIMITS.emailLength), password: z.string().max(LIMITS.passwordMax) });
export const acceptInviteBody = z.object({ token: z.string().min(1).max(200), password });
