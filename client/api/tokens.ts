import type { z } from 'zod';
import type { createdToken, TokenSummary } from '../../shared/tokens.js';
import { api, seg } from './http.js';

export type CreatedToken = z.infer<typeof createdToken>;

export const listTokens = (signal?: AbortSignal) => api.get<{ items: TokenSummary[] }>('/tokens', undefined, { signal });

export const createToken = (name: string, idempotencyKey?: string) => api.post<CreatedToken>('/tokens', { name }, { idempotencyKey });

export const revokeToken = (id: string) => api.delete(`/tokens/${seg(id)}`);
