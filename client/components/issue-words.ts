import { html } from 'lit';
import type { IssueSummary } from '../../shared/issues.js';
import { STATUS_LABELS } from '../../shared/issues.js';
import { formatDateTime } from '../format.js';
import { ISSUE_KIND_LABELS, TIER_LABELS } from '../labels.js';

/** Issue kinds and customer tiers in words (the app's one list of labels). */
export const KIND_LABELS = ISSUE_KIND_LABELS;
export { TIER_LABELS };

/** "Claimed, In progress or Resolved" */
export function listInWords(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/**
 * What someone else changed, in words, from the issue the page had to the one
 * the server answered with: `["status Claimed → In progress", "assignee nobody → Kai"]`.
 */
export function describeChanges(before: IssueSummary, after: IssueSummary): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`status ${STATUS_LABELS[before.status]} → ${STATUS_LABELS[after.status]}`);
  if ((before.assignee?.id ?? null) !== (after.assignee?.id ?? null)) {
    changes.push(`assignee ${before.assignee?.displayName ?? 'nobody'} → ${after.assignee?.displayName ?? 'nobody'}`);
  }
  if ((before.team?.id ?? null) !== (after.team?.id ?? null)) changes.push(`team ${before.team?.name ?? 'none'} → ${after.team?.name ?? 'none'}`);
  if (before.title !== after.title) changes.push(`title “${before.title}” → “${after.title}”`);
  if (before.kind !== after.kind) changes.push(`kind ${KIND_LABELS[before.kind]} → ${KIND_LABELS[after.kind]}`);
  if (before.description !== after.description) changes.push('the description was edited');
  const o1 = before.priority.override;
  const o2 = after.priority.override;
  if ((o1?.score ?? null) !== (o2?.score ?? null) || (o1?.reason ?? null) !== (o2?.reason ?? null)) {
    changes.push(o2 ? `priority overridden to ${o2.score} by ${o2.by.displayName}` : 'priority override cleared');
  } else if (before.priority.score !== after.priority.score) {
    changes.push(`priority ${before.priority.score} → ${after.priority.score}`);
  }
  if (before.evidenceCount !== after.evidenceCount) changes.push(`evidence ${before.evidenceCount} → ${after.evidenceCount}`);
  if ((before.resolutionNote ?? '') !== (after.resolutionNote ?? '') && after.resolutionNote) changes.push('a new resolution note');
  return changes;
}

/** How long since `iso`, compact: "5m", "3h", "12d", "4mo", "2y" (for cards and table cells). */
export function shortAge(iso: string, now = Date.now()): string {
  const ms = Math.max(0, now - Date.parse(iso));
  if (Number.isNaN(ms)) return '';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days}d`;
  if (days < 730) return `${Math.floor(days / 30)}mo`;
  return `${Math.floor(days / 365)}y`;
}

/** "12 days", "3 hours": the same age in words, for screen readers and tooltips. */
export function ageWords(iso: string, now = Date.now()): string {
  const age = shortAge(iso, now);
  const match = /^(\d+)(m|h|d|mo|y)$/.exec(age);
  if (!match) return age;
  const n = Number(match[1]);
  const unit = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[match[2] as 'm' | 'h' | 'd' | 'mo' | 'y'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A compact age ("12d") in a `<time>`: the exact moment in its tooltip, "12 days old" for screen readers. Needs the `base` styles. */
export const ageTime = (iso: string) =>
  html`<time datetime=${iso} title=${formatDateTime(iso)}><span aria-hidden="true">${shortAge(iso)}</span><span class="visually-hidden">${ageWords(iso)} old</span></time>`;
