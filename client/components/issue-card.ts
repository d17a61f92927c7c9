import { html, LitElement, nothing } from 'lit';
import type { IssueSummary } from '../../shared/issues.js';
import { plural } from '../format.js';
import { base } from '../styles/shared.styles.js';
import { issueCardStyles } from './issue-card.styles.js';
import { ageTime, KIND_LABELS } from './issue-words.js';
import { issueBadges } from './issue.styles.js';

/**
 * One issue on the board: a link to it showing title, priority with its first
 * reason, kind, team, assignee, evidence count and age. Focusing the element
 * focuses its link (the board moves between cards with the arrow keys).
 */
export class IssueCard extends LitElement {
  static override styles = [base, issueBadges, issueCardStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = { issue: { attribute: false } };

  declare issue: IssueSummary | null;

  constructor() {
    super();
    this.issue = null;
  }

  override render() {
    const issue = this.issue;
    if (!issue) return nothing;
    const { priority } = issue;
    const firstReason = priority.override ? `Overridden: ${priority.override.reason}` : priority.reasons[0];
    return html`
      <a href=${`/issues/${encodeURIComponent(issue.id)}`}>
        <span class="top">
          <span class="title">${issue.title}</span>
          <span class=${priority.override ? 'score overridden' : 'score'} title=${`Priority ${priority.score}`}>
            <span class="visually-hidden">Priority </span>${priority.score}
          </span>
        </span>
        ${firstReason ? html`<span class="reason">${firstReason}</span>` : nothing}
        <span class="meta">
          <span class="kind">${KIND_LABELS[issue.kind]}</span>
          <span class="team">${issue.team ? issue.team.name : 'No team'}</span>
        </span>
        <span class="foot">
          ${issue.assignee ? html`<span class="who">${issue.assignee.displayName}</span>` : html`<span class="unassigned">Unassigned</span>`}
          <span class="numbers">
            <span>${plural(issue.evidenceCount, 'insight')}</span><span aria-hidden="true"> · </span><span class="visually-hidden">, </span>${ageTime(issue.createdAt)}
          </span>
        </span>
      </a>
    `;
  }
}

customElements.define('fl-issue-card', IssueCard);

declare global {
  interface HTMLElementTagNameMap {
    'fl-issue-card': IssueCard;
  }
}
