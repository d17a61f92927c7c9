import type { CreateIssueBody, Issue } from '../../shared/issues.js';
import { api } from './http.js';

/** Raises an issue, with insights as its evidence. */
export const raiseIssue = (body: CreateIssueBody, idempotencyKey: string) => api.post<Issue>('/issues', body, { idempotencyKey });
