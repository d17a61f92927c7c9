import { z } from 'zod';
import { LIMITS } from './limits.js';
import { user } from './users.js';
import { pageQuery } from './pagination.js';

export const slug = z
  .string()
  .min(2, 'A slug needs at least 2 characters.')
  .max(LIMITS.teamSlugLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug uses lowercase letters, digits and single dashes.');

export const team = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  targetDays: z.number().int(),
  members: z.array(user),
  createdAt: z.string(),
});
export type Team = z.infer<typeof team>;

const teamFields = {
  name: z.string().trim().min(1, 'Enter a team name.').max(LIMITS.teamNameLength),
  slug,
  description: z.string().max(LIMITS.teamDescriptionLength),
  targetDays: z.number().int().min(1).max(LIMITS.targetDaysMax),
};

export const createTeamBody = z.object({
  name: teamFields.name,
  slug: teamFields.slug,
  description: teamFields.description.default(''),
  targetDays: teamFields.targetDays.default(14),
  memberIds: z.array(z.string()).max(500).optional(),
});
export type CreateTeamBody = z.input<typeof createTeamBody>;

export const updateTeamBody = z
  .object({
    name: teamFields.name.optional(),
    slug: teamFields.slug.optional(),
    description: teamFields.description.optional(),
    targetDays: teamFields.targetDays.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change: send at least one field.');
export type UpdateTeamBody = z.input<typeof updateTeamBody>;

export const listTeamsQuery = pageQuery.extend({ q: z.string().max(100).optional() });
