import { z } from 'zod';
import { LIMITS } from './limits.js';
import { pageQuery } from './pagination.js';
import { insight, person } from './insights.js';
import { teamRef } from './users.js';

export const ISSUE_KINDS = ['cx-fix', 'problem', 'improvement', 'innovation'] as const;
export const ISSUE_STATUSES = ['open', 'claimed', 'in_progress', 'resolved', 'wont_fix'] as const;
export const issueKind = z.enum(ISSUE_KINDS);
export const issueStatus = z.enum(ISSUE_STATUSES);
export type IssueKind = z.infer<typeof issueKind>;
export type IssueStatus = z.infer<typeof issueStatus>;

/** The whole state machine: back to open is unclaim or reopen; anything not listed is 422. */
export const TRANSITIONS: Record<IssueStatus, readonly IssueStatus[]> = {
  open: ['claimed', 'wont_fix'],
  claimed: ['in_progress', 'resolved', 'wont_fix', 'open'],
  in_progress: ['resolved', 'wont_fix', 'open'],
  resolved: ['open'],
  wont_fix: ['open'],
};

/** Closing states need a note: what was done, or why not. */
export const NEEDS_NOTE: readonly IssueStatus[] = ['resolved', 'wont_fix'];
export const CLOSED: readonly IssueStatus[] = ['resolved', 'wont_fix'];

export const STATUS_LABELS: Record<IssueStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  in_progress: 'In progress',
  resolved: 'Resolved',
  wont_fix: 'Won’t fix',
};

export const priorityOverride = z.object({
  score: z.number().int().min(0).max(1000),
  reason: z.string().trim().min(1, 'Say why the priority is overridden.').max(LIMITS.overrideReasonLength),
});

export const priority = z.object({
  score: z.number(),
  reasons: z.array(z.string()),
  override: priorityOverride.extend({ by: person }).nullable(),
});

export const historyEntry = z.object({
  at: z.string(),
  actor: person.nullable(),
  from: issueStatus.nullable(),
  to: issueStatus,
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const issueSummary = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: issueKind,
  status: issueStatus,
  team: teamRef.nullable(),
  assignee: person.nullable(),
  priority,
  version: z.number().int(),
  evidenceCount: z.number().int(),
  resolutionNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  claimedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type IssueSummary = z.infer<typeof issueSummary>;

export const issue = issueSummary.extend({ evidence: z.array(insight), history: z.array(historyEntry), createdBy: person });
export type Issue = z.infer<typeof issue>;

export const createIssueBody = z.object({
  title: z.string().trim().min(1, 'Give the issue a title.').max(LIMITS.issueTitleLength),
  description: z.string().trim().max(LIMITS.issueDescriptionLength).default(''),
  kind: issueKind,
  teamId: z.string().min(1).max(100),
  assigneeId: z.string().min(1).max(100).nullable().optional(),
  insightIds: z.array(z.string().min(1).max(100)).max(LIMITS.evidencePerRequest).optional(),
});
export type CreateIssueBody = z.input<typeof createIssueBody>;

export const updateIssueBody = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(LIMITS.issueTitleLength).optional(),
    description: z.string().trim().max(LIMITS.issueDescriptionLength).optional(),
    kind: issueKind.optional(),
    teamId: z.string().min(1).max(100).optional(),
    assigneeId: z.string().min(1).max(100).nullable().optional(),
    priorityOverride: priorityOverride.nullable().optional(),
  })
  .refine((b) => Object.entries(b).some(([k, v]) => k !== 'version' && v !== undefined), 'Nothing to change: send at least one field besides version.');
export type UpdateIssueBody = z.input<typeof updateIssueBody>;

export const transitionBody = z.object({
  to: issueStatus,
  version: z.number().int().min(1),
  note: z.string().trim().max(LIMITS.resolutionNoteLength).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const ISSUE_SORTS = ['priority', 'age', 'updated'] as const;

const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(200)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(item).min(1));

export const listIssuesQuery = pageQuery.extend({
  status: commaList(issueStatus).optional(),
  teamId: z.string().max(100).optional(),
  assigneeId: z.string().max(100).optional(),
  kind: commaList(issueKind).optional(),
  customerId: z.string().max(100).optional(),
  /** Raised at or after this instant (ISO 8601), e.g. the dashboard's period. */
  raisedFrom: z.iso.datetime({ offset: true }).optional(),
  /** Raised before this instant (ISO 8601). */
  raisedTo: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(ISSUE_SORTS).default('updated'),
});
export type ListIssuesQuery = z.infer<typeof listIssuesQuery>;
