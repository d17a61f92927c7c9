import type { Page } from '../../shared/pagination.js';
import type { CreatedUser, CreateUserBody, UpdateUserBody, User } from '../../shared/users.js';
import { LIMITS } from '../../shared/limits.js';
import { api, seg } from './http.js';

export interface UserQuery {
  q?: string;
  active?: boolean;
  limit?: number;
  cursor?: string | null;
}

export const listUsers = (query: UserQuery = {}, signal?: AbortSignal) =>
  api.get<Page<User>>(
    '/users',
    { q: query.q?.trim(), active: query.active, limit: query.limit ?? LIMITS.pageSizeDefault, cursor: query.cursor },
    { signal },
  );

/** Every active user, page by page (for pickers); stops at `max` people. */
export async function listAllUsers(signal?: AbortSignal, max = 2000): Promise<User[]> {
  const all: User[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<User> = await listUsers({ active: true, limit: LIMITS.pageSizeMax, cursor }, signal);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < max);
  return all;
}

export const createUser = (body: CreateUserBody, idempotencyKey?: string) =>
  api.post<CreatedUser>('/users', body, { idempotencyKey });

export const updateUser = (id: string, body: UpdateUserBody) => api.patch<User>(`/users/${seg(id)}`, body);
