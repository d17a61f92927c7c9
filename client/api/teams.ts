import type { Page } from '../../shared/pagination.js';
import type { CreateTeamBody, Team, UpdateTeamBody } from '../../shared/teams.js';
import { LIMITS } from '../../shared/limits.js';
import { api, seg } from './http.js';

export const listTeams = (query: { q?: string; limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
  api.get<Page<Team>>('/teams', { q: query.q?.trim(), limit: query.limit ?? LIMITS.pageSizeDefault, cursor: query.cursor }, { signal });

/** Every team, page by page (for pickers). */
export async function listAllTeams(signal?: AbortSignal): Promise<Team[]> {
  const all: Team[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Team> = await listTeams({ limit: LIMITS.pageSizeMax, cursor }, signal);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 1000);
  return all;
}

export const getTeam = (idOrSlug: string) => api.get<Team>(`/teams/${seg(idOrSlug)}`);

export const createTeam = (body: CreateTeamBody, idempotencyKey?: string) => api.post<Team>('/teams', body, { idempotencyKey });

export const updateTeam = (id: string, body: UpdateTeamBody) => api.patch<Team>(`/teams/${seg(id)}`, body);

export const addTeamMember = (teamId: string, userId: string) => api.put<Team>(`/teams/${seg(teamId)}/members/${seg(userId)}`);

export const removeTeamMember = (teamId: string, userId: string) => api.delete<Team>(`/teams/${seg(teamId)}/members/${seg(userId)}`);

/** A slug suggested from a team name: "Customer Success!" → "customer-success". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.teamSlugLength)
    .replace(/-+$/g, '');
}
