import type { Issue, IssueKind, IssueStatus, IssueSummary, UpdateIssueBody } from '../../shared/issues.js';
import { LIMITS } from '../../shared/limits.js';
import type { Page } from '../../shared/pagination.js';
import { ApiError, api, seg } from './http.js';

export type IssueSort = 'priority' | 'age' | 'updated';

export interface IssueQuery {
  status?: readonly IssueStatus[];
  teamId?: string;
  assigneeId?: string;
  kind?: readonly IssueKind[];
  customerId?: string;
  raisedFrom?: string;
  raisedTo?: string;
  sort?: IssueSort;
  limit?: number;
  cursor?: string | null;
}

/** GET /api/issues: a page of summaries with the filters and sort given. */
export const listIssues = (query: IssueQuery = {}, signal?: AbortSignal) =>
  api.get<Page<IssueSummary>>(
    '/issues',
    {
      status: query.status?.join(','),
      kind: query.kind?.join(','),
      teamId: query.teamId,
      assigneeId: query.assigneeId,
      customerId: query.customerId,
      raisedFrom: query.raisedFrom,
      raisedTo: query.raisedTo,
      sort: query.sort,
      limit: query.limit ?? LIMITS.pageSizeDefault,
      cursor: query.cursor,
    },
    { signal },
  );

export const getIssue = (id: string, signal?: AbortSignal) => api.get<Issue>(`/issues/${seg(id)}`, undefined, { signal });

/** Moves the issue along the state machine with the version the page saw; answers the whole issue. */
export const transitionIssue = (id: string, body: { to: IssueStatus; version: number; note?: string }) =>
  api.post<Issue>(`/issues/${seg(id)}/transitions`, body);

export const updateIssue = (id: string, body: UpdateIssueBody) => api.patch<Issue>(`/issues/${seg(id)}`, body);

export const linkEvidence = (issueId: string, insightId: string) => api.put<Issue>(`/issues/${seg(issueId)}/evidence/${seg(insightId)}`);

export const unlinkEvidence = (issueId: string, insightId: string) => api.delete<Issue>(`/issues/${seg(issueId)}/evidence/${seg(insightId)}`);

/** The issue as it is now, carried by a 409 `stale_version` answer; null for any other error. */
export function staleCurrent(error: unknown): IssueSummary | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'stale_version') return null;
  const current = error.details.current;
  return current !== null && typeof current === 'object' && 'version' in current ? (current as IssueSummary) : null;
}

/** The moves a 422 `illegal_transition` answer allows, or null. */
export function allowedMoves(error: unknown): IssueStatus[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const allowed = error.details.allowed;
  return Array.isArray(allowed) ? (allowed.filter((s) => typeof s === 'string') as IssueStatus[]) : null;
}
