import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { customers, insights, issueEvidence, issues, reactions, replies, teamMembers, teams } from '../../../db/schema.js';
import { CLOSED, NEEDS_NOTE, STATUS_LABELS, TRANSITIONS, type createIssueBody, type IssueStatus, type TransitionBody, type updateIssueBody } from '../../../shared/issues.js';
import { AppError, forbidden, invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store, WriteContext } from '../../store/store.js';
import { newId, nowIso } from '../../store/ids.js';
import { findInsight } from '../insights/queries.js';
import { notify } from '../notifications/notify.js';
import { findUserById } from '../users/queries.js';
import { findIssue, loadIssueSummary, type IssueRow } from './queries.js';
import { recomputePriority } from './priority.js';

type CreateIssue = z.output<typeof createIssueBody>;
type UpdateIssue = z.output<typeof updateIssueBody>;

function requireIssue(tx: Tx, id: string): IssueRow {
  const issue = findIssue(tx, id);
  if (!issue) throw notFound('Issue');
  return issue;
}

/** A stale version is a 409 that carries the current issue, so the client can show what changed. */
function assertVersion(tx: Tx, issue: IssueRow, version: number): void {
  if (issue.version !== version) {
    throw new AppError('stale_version', `Someone changed this issue since you loaded it (you had version ${version}, it is now ${issue.version}).`, {
      current: loadIssueSummary(tx, issue.id),
    });
  }
}

function assertTeam(tx: Tx, teamId: string): void {
  if (!tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).get()) throw invalid('That team does not exist.', { field: 'teamId' });
}

function assertAssignee(tx: Tx, userId: string): void {
  const user = findUserById(tx, userId);
  if (!user || !user.active) throw invalid('That person does not exist or is deactivated.', { field: 'assigneeId' });
}

function linkEvidence(ctx: WriteContext, actorId: string, issueId: string, insightId: string): boolean {
  const insight = findInsight(ctx.tx, insightId);
  if (!insight || insight.deletedAt) throw invalid(`Insight ${insightId} does not exist.`, { field: 'insightIds', insightId });
  const linked = ctx.tx.insert(issueEvidence).values({ issueId, insightId, addedById: actorId, createdAt: nowIso() }).onConflictDoNothing().run().changes === 1;
  if (linked) countLinkedIssues(ctx.tx, insightId, 1);
  return linked;
}

/** insights.issue_count follows issue_evidence, so that lists look up linked issues only where there are some. */
function countLinkedIssues(tx: Tx, insightId: string, change: 1 | -1): void {
  tx.update(insights).set({ issueCount: sql`${insights.issueCount} + ${change}` }).where(eq(insights.id, insightId)).run();
}

export function createIssue(store: Store, actor: Principal, input: CreateIssue): string {
  const id = newId();
  store.write((ctx) => {
    const { tx, append } = ctx;
    assertTeam(tx, input.teamId);
    if (input.assigneeId) assertAssignee(tx, input.assigneeId);
    const at = nowIso();
    tx.insert(issues)
      .values({ id, title: input.title, description: input.description, kind: input.kind, status: 'open', teamId: input.teamId, assigneeId: input.assigneeId ?? null, createdById: actor.userId, createdAt: at, updatedAt: at })
      .run();
    const insightIds = [...new Set(input.insightIds ?? [])];
    for (const insightId of insightIds) linkEvidence(ctx, actor.userId, id, insightId);
    recomputePriority(tx, [id]);
    append('issue.created', { actorId: actor.userId, subject: { type: 'issue', id }, data: { issueId: id, title: input.title, teamId: input.teamId, insightIds } });
  });
  return id;
}

export function updateIssue(store: Store, actor: Principal, id: string, input: UpdateIssue): void {
  if (input.priorityOverride !== undefined && actor.role === 'member') throw forbidden('Only leads and admins can override priority.');
  store.write(({ tx, append }) => {
    const issue = requireIssue(tx, id);
    assertVersion(tx, issue, input.version);
    if (input.teamId) assertTeam(tx, input.teamId);
    if (input.assigneeId) assertAssignee(tx, input.assigneeId);
    const changes: Record<string, unknown> = {};
    for (const key of ['title', 'description', 'kind', 'teamId', 'assigneeId'] as const) {
      if (input[key] !== undefined && input[key] !== issue[key]) changes[key] = input[key];
    }
    const set: Partial<typeof issues.$inferInsert> = { ...changes };
    if (input.priorityOverride !== undefined) {
      const o = input.priorityOverride;
      Object.assign(set, { priorityOverrideScore: o?.score ?? null, priorityOverrideReason: o?.reason ?? null, priorityOverrideById: o ? actor.userId : null });
      changes.priorityOverride = o;
    }
    if (Object.keys(changes).length === 0) return;
    const version = issue.version + 1;
    tx.update(issues).set({ ...set, version, updatedAt: nowIso() }).where(eq(issues.id, id)).run();
    append('issue.updated', { actorId: actor.userId, subject: { type: 'issue', id }, data: { issueId: id, version, changes } });
  });
}

/** Everyone who cares how an issue goes: evidence authors, creator, assignee, repliers on its evidence. */
function watchersOf(tx: Tx, issue: IssueRow): { evidenceAuthors: string[]; meToo: string[]; others: string[] } {
  const evidence = tx.select({ insightId: issueEvidence.insightId, authorId: insights.authorId }).from(issueEvidence).innerJoin(insights, eq(insights.id, issueEvidence.insightId)).where(eq(issueEvidence.issueId, issue.id)).all();
  const insightIds = evidence.map((e) => e.insightId);
  const meToo = insightIds.length
    ? tx.select({ userId: reactions.userId }).from(reactions).where(and(inArray(reactions.insightId, insightIds), eq(reactions.kind, 'me_too'))).all().map((r) => r.userId)
    : [];
  const repliers = insightIds.length
    ? tx.select({ userId: replies.authorId }).from(replies).where(and(inArray(replies.insightId, insightIds), sql`${replies.deletedAt} is null`)).all().map((r) => r.userId)
    : [];
  return {
    evidenceAuthors: evidence.map((e) => e.authorId),
    meToo,
    others: [issue.createdById, ...(issue.assigneeId ? [issue.assigneeId] : []), ...repliers],
  };
}

function customersOf(tx: Tx, issueId: string) {
  return tx
    .selectDistinct({ id: customers.id, name: customers.name, company: customers.company })
    .from(issueEvidence)
    .innerJoin(insights, eq(insights.id, issueEvidence.insightId))
    .innerJoin(customers, eq(customers.id, insights.customerId))
    .where(and(eq(issueEvidence.issueId, issueId), isNotNull(insights.customerId)))
    .all();
}

/**
 * Moves an issue along the state machine. The version check and the update
 * are one statement inside one transaction, so of simultaneous claims exactly
 * one wins and the rest see a stale version (409).
 */
export function transitionIssue(store: Store, actor: Principal, id: string, input: TransitionBody): void {
  const note = input.note?.trim() || null;
  if (NEEDS_NOTE.includes(input.to) && !note) {
    throw new AppError('invalid_input', `Moving to ${STATUS_LABELS[input.to]} needs a note${input.to === 'resolved' ? ' saying what was done' : ' saying why'}.`, {
      fields: [{ path: 'body.note', message: 'Required for resolved and wont_fix.' }],
    });
  }
  store.write((ctx) => {
    const { tx, append } = ctx;
    const issue = requireIssue(tx, id);
    assertVersion(tx, issue, input.version);
    const allowed = TRANSITIONS[issue.status];
    if (!allowed.includes(input.to)) {
      throw new AppError('illegal_transition', `An issue cannot go from ${STATUS_LABELS[issue.status]} to ${STATUS_LABELS[input.to]}.`, { from: issue.status, to: input.to, allowed });
    }
    const at = nowIso();
    const set: Partial<typeof issues.$inferInsert> = { status: input.to, updatedAt: at, version: issue.version + 1 };
    if (input.to === 'claimed') {
      set.assigneeId = actor.userId;
      set.claimedAt = at;
      const claimerTeam = tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, actor.userId)).all();
      if (claimerTeam.length > 0 && !claimerTeam.some((t) => t.teamId === issue.teamId)) set.teamId = claimerTeam[0]?.teamId;
    }
    if (input.to === 'open') {
      set.assigneeId = null;
      set.closedAt = null;
      set.resolutionNote = null;
      if (issue.status !== 'resolved' && issue.status !== 'wont_fix') set.claimedAt = null;
    }
    if (CLOSED.includes(input.to)) {
      set.closedAt = at;
      set.resolutionNote = note;
    }
    const updated = tx.update(issues).set(set).where(and(eq(issues.id, id), eq(issues.version, issue.version))).run();
    if (updated.changes !== 1) throw new AppError('stale_version', 'Someone changed this issue at the same moment.', { current: loadIssueSummary(tx, id) });
    const after = requireIssue(tx, id);
    append('issue.transitioned', {
      actorId: actor.userId,
      subject: { type: 'issue', id },
      data: { issueId: id, version: after.version, from: issue.status, to: input.to, note, assigneeId: after.assigneeId },
    });
    const watchers = watchersOf(tx, after);
    const base = { issueId: id, title: issue.title, from: issue.status, to: input.to, note, by: { id: actor.userId, displayName: actor.displayName }, link: `/issues/${id}` };
    const subject = { type: 'issue', id };
    if (CLOSED.includes(input.to)) {
      const loop = [...watchers.evidenceAuthors, ...watchers.meToo];
      notify(ctx, actor.userId, loop, { kind: 'loop_closed', subject, data: { ...base, customers: customersOf(tx, id) } });
      notify(ctx, actor.userId, watchers.others.filter((u) => !loop.includes(u)), { kind: 'status', subject, data: base });
    } else {
      notify(ctx, actor.userId, [...watchers.evidenceAuthors, ...watchers.others], { kind: input.to === 'claimed' ? 'claimed' : 'status', subject, data: base });
    }
  });
}

/** PUT/DELETE evidence: idempotent; a real change recomputes priority and appends evidence.changed. */
export function setEvidence(store: Store, actor: Principal, issueId: string, insightId: string, linked: boolean): void {
  store.write((ctx) => {
    const { tx, append } = ctx;
    const issue = requireIssue(tx, issueId);
    let changed: boolean;
    if (linked) {
      const insight = findInsight(tx, insightId);
      if (!insight || insight.deletedAt) throw notFound('Insight');
      changed = linkEvidence(ctx, actor.userId, issueId, insightId);
    } else {
      changed = tx.delete(issueEvidence).where(and(eq(issueEvidence.issueId, issueId), eq(issueEvidence.insightId, insightId))).run().changes === 1;
      if (changed) countLinkedIssues(tx, insightId, -1);
    }
    if (!changed) return;
    const score = recomputePriority(tx, [issue.id]).get(issue.id) ?? 0;
    tx.update(issues).set({ updatedAt: nowIso() }).where(eq(issues.id, issueId)).run();
    append('evidence.changed', { actorId: actor.userId, subject: { type: 'issue', id: issueId }, data: { issueId, insightId, linked, priorityScore: score } });
  });
}

export type { IssueStatus };
