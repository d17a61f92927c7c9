/**
 * Issues for the issue scenarios (list, claim race, dashboard), generated
 * with plain SQL by each server's own writer: the same seed gives both
 * servers the same ids, titles, statuses, times and scores. Loaded by the
 * baseline child too, so it imports product code for types only.
 */
import type { IssueKind, IssueStatus } from '../../shared/issues.js';
import { bodyOf, idOf, ISSUE_KINDS, issueTitleOf, seededRandom, type Random } from './content.js';

export const ISSUES_SEED = 20261124;
export const CLAIMS_SEED = 20261125;
export const DASHBOARD_SEED = 20261126;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The evidence counts behind a score, as the product stores them in `priority_inputs`. */
export interface PriorityInputsJson {
  insights: number;
  customers: number;
  enterpriseCustomers: number;
  keyCustomers: number;
  meToo: number;
  negativeShare: number;
}

export interface GeneratedIssue {
  id: string;
  title: string;
  description: string;
  kind: IssueKind;
  status: IssueStatus;
  teamId: string;
  assigneeId: string | null;
  createdById: string;
  priorityScore: number;
  priorityInputs: PriorityInputsJson;
  override: { score: number; reason: string; byId: string } | null;
  resolutionNote: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  claimedAt: string | null;
  closedAt: string | null;
}

export interface IssuePerson {
  id: string;
  teamIds: readonly string[];
}

export interface IssuesOptions {
  count: number;
  teamIds: readonly string[];
  people: readonly IssuePerson[];
  /** Raised over this many days up to now. */
  spanDays: number;
  /** 'mixed': every status, as a live workspace has; 'open': fresh open issues at version 1 (the claim race). */
  statuses: 'mixed' | 'open';
  seed?: number;
  now?: number;
  /** Writes one issue (inside the caller's transaction). */
  write(issue: GeneratedIssue): void;
}

/** Status shares of a workspace that has been running for a while. */
const STATUS_WEIGHTS: readonly (readonly [IssueStatus, number])[] = [
  ['open', 30],
  ['claimed', 12],
  ['in_progress', 13],
  ['resolved', 35],
  ['wont_fix', 10],
];
const RESOLUTIONS = ['Shipped in the last release.', 'Fixed the export and told the customers.', 'Documented the workaround in the help center.', 'Changed the default and wrote to every account.'];
const WONT_FIX = ['Out of scope for this year.', 'Works as designed; explained to the customers.', 'Replaced by the new reporting module.'];

/**
 * The same weights as shared/priority.ts `evidenceScore` (copied: this module
 * is loaded by the baseline child, which runs no product code). Only the
 * stored score's spread matters to the scenarios.
 */
function scoreOf(i: PriorityInputsJson): number {
  return Math.round(i.insights * 4 + i.customers * 8 + i.enterpriseCustomers * 12 + i.keyCustomers * 6 + i.meToo * 3 + i.negativeShare * 20);
}

function statusOf(random: Random): IssueStatus {
  let roll = random.next() * 100;
  for (const [status, weight] of STATUS_WEIGHTS) if ((roll -= weight) < 0) return status;
  return 'open';
}

/** Evidence counts skewed like real issues: most have a few insights, some have dozens. */
function inputsOf(random: Random): PriorityInputsJson {
  const insights = Math.min(60, Math.floor(-Math.log(1 - random.next() * 0.999) * 4));
  const customers = insights === 0 ? 0 : random.int(Math.ceil(insights / 3), insights);
  const enterpriseCustomers = customers === 0 ? 0 : random.int(0, Math.min(3, customers));
  const keyCustomers = customers - enterpriseCustomers === 0 ? 0 : random.int(0, Math.min(4, customers - enterpriseCustomers));
  return {
    insights,
    customers,
    enterpriseCustomers,
    keyCustomers,
    meToo: insights === 0 ? 0 : random.int(0, insights * 2),
    negativeShare: insights === 0 ? 0 : Math.round(random.next() * 100) / 100,
  };
}

/** Writes `count` issues through `write`, oldest first; returns their ids. */
export function generateIssues(options: IssuesOptions): string[] {
  const { count, teamIds, people, spanDays, write } = options;
  if (teamIds.length === 0 || people.length === 0) throw new Error('generateIssues: no teams or people');
  const random = seededRandom(options.seed ?? ISSUES_SEED);
  const now = options.now ?? Date.now();
  const latest = now - 60_000;
  const times = Array.from({ length: count }, () => Math.floor(now - random.next() * spanDays * DAY)).sort((a, b) => a - b);
  const ids: string[] = [];
  const iso = (t: number) => new Date(Math.min(t, latest)).toISOString();
  for (let n = 0; n < count; n++) {
    const created = times[n] as number;
    const teamId = random.pick(teamIds);
    const members = people.filter((p) => p.teamIds.includes(teamId));
    const creator = random.pick(people);
    const status = options.statuses === 'open' ? 'open' : statusOf(random);
    const inputs = inputsOf(random);
    // Claimed within hours to days of being raised; closed days to weeks later (never in the future).
    const claimed = status === 'open' || (status === 'wont_fix' && random.chance(0.5)) ? null : Math.min(created + random.int(1, 240) * HOUR, latest);
    const started = status === 'in_progress' || (status === 'resolved' && random.chance(0.7)) ? Math.min((claimed ?? created) + random.int(1, 72) * HOUR, latest) : null;
    const closed = status === 'resolved' || status === 'wont_fix' ? Math.min((started ?? claimed ?? created) + random.int(6, 24 * 30) * HOUR, latest) : null;
    const id = idOf(random);
    const override = random.chance(0.01) ? { score: random.int(50, 600), reason: 'Agreed in the quarterly review.', byId: creator.id } : null;
    write({
      id,
      title: issueTitleOf(random),
      description: bodyOf(random),
      kind: random.pick(ISSUE_KINDS),
      status,
      teamId,
      assigneeId: claimed === null ? null : random.pick(members.length > 0 ? members : people).id,
      createdById: creator.id,
      priorityScore: scoreOf(inputs),
      priorityInputs: inputs,
      override,
      resolutionNote: status === 'resolved' ? random.pick(RESOLUTIONS) : status === 'wont_fix' ? random.pick(WONT_FIX) : null,
      version: 1 + (claimed === null ? 0 : 1) + (started === null ? 0 : 1) + (closed === null ? 0 : 1),
      createdAt: iso(created),
      updatedAt: iso(Math.max(created, claimed ?? 0, started ?? 0, closed ?? 0)),
      claimedAt: claimed === null ? null : iso(claimed),
      closedAt: closed === null ? null : iso(closed),
    });
    ids.push(id);
  }
  return ids;
}
