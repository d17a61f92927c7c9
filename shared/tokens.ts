import { z } from 'zod';
import { LIMITS } from './limits.js';

export const createTokenBody = z.object({ name: z.string().trim().min(1, 'Name the token.').max(LIMITS.tokenNameLength) });
export const createdToken = z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() });
export const tokenSummary = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export type TokenSummary = z.infer<typeof tokenSummary>;
