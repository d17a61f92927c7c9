import { html, LitElement, nothing } from 'lit';
import type { Insight } from '../../shared/insights.js';
import { emit } from '../events.js';
import { plural } from '../format.js';
import { CHANNEL_LABELS, issueStatusLabel, SENTIMENT_LABELS, TIER_LABELS } from '../labels.js';
import { chips } from '../styles/chips.styles.js';
import { base, controls } from '../styles/shared.styles.js';
import { insightCardStyles } from './insight-card.styles.js';
import './markdown-view.js';
import './reaction-bar.js';
import './relative-time.js';

/**
 * One insight in a list (the feed, a customer's timeline): who heard it and
 * when, channel and sentiment, the customer, the body (cut in the feed, with
 * "Read more"), tags, teams taking part, replies, reactions and linked issues.
 *
 * With `selectable`, a checkbox reports `fl-insight-select`; with `tagFilters`,
 * tags are buttons that report `fl-tag-filter` instead of links to the feed.
 */
export class InsightCard extends LitElement {
  static override styles = [base, controls, chips, insightCardStyles];
  static override properties = {
    insight: { attribute: false },
    selectable: { type: Boolean },
    selected: { type: Boolean, reflect: true },
    tagFilters: { type: Boolean, attribute: 'tag-filters' },
    hideCustomer: { type: Boolean, attribute: 'hide-customer' },
  };

  declare insight: Insight | null;
  declare selectable: boolean;
  declare selected: boolean;
  declare tagFilters: boolean;
  declare hideCustomer: boolean;

  constructor() {
    super();
    this.insight = null;
    this.selectable = false;
    this.selected = false;
    this.tagFilters = false;
    this.hideCustomer = false;
  }

  override render() {
    const i = this.insight;
    if (!i) return nothing;
    const thread = `/insights/${encodeURIComponent(i.id)}`;
    const headingId = `insight-${i.id}`;
    return html`
      <article aria-labelledby=${headingId} class=${this.selected ? 'selected' : ''}>
        ${this.selectable
          ? html`<div class="select">
              <input
                type="checkbox"
                id="select"
                .checked=${this.selected}
                aria-label=${`Select this insight by ${i.author.displayName} for an issue`}
                @change=${this.#onSelect}
              />
            </div>`
          : nothing}
        <div class="main">
          <header>
            <h3 id=${headingId} class="who">
              <span class="author">${i.author.displayName}</span>
              <span class="visually-hidden">posted</span>
            </h3>
            <a class="when" href=${thread}><fl-time .datetime=${i.createdAt}></fl-time></a>
            ${i.editedAt ? html`<span class="muted edited">(edited)</span>` : nothing}
            <span class="badges">
              <span class="badge channel">${CHANNEL_LABELS[i.channel] ?? i.channel}</span>
              <span class="badge ${i.sentiment}">${SENTIMENT_LABELS[i.sentiment] ?? i.sentiment}</span>
            </span>
          </header>
          ${i.customer && !this.hideCustomer
            ? html`<p class="customer">
                <span class="muted">Customer</span>
                <a href=${`/customers/${encodeURIComponent(i.customer.id)}`}>${i.customer.name}</a>${i.customer.company
                  ? html`<span class="muted">· ${i.customer.company}</span>`
                  : nothing}
                ${i.customer.tier !== 'standard' ? html`<span class="badge tier-${i.customer.tier}">${TIER_LABELS[i.customer.tier]}</span>` : nothing}
              </p>`
            : nothing}
          <fl-markdown class="body" .source=${i.body}></fl-markdown>
          ${i.truncated
            ? html`<p class="more"><a href=${thread}>Read more<span class="visually-hidden"> of this insight by ${i.author.displayName}</span> →</a></p>`
            : nothing}
          ${i.tags.length ? this.#tags(i.tags) : nothing}
          ${i.teamsTakingPart.length
            ? html`<div class="teams">
                <span class="muted">Teams</span>
                <ul class="chips" aria-label="Teams taking part">
                  ${i.teamsTakingPart.map((t) => html`<li><a class="badge team" href=${`/?team=${encodeURIComponent(t.slug)}`}>${t.name}</a></li>`)}
                </ul>
              </div>`
            : nothing}
          ${i.issues.length
            ? html`<ul class="chips issues" aria-label="Issues raised from this insight">
                ${i.issues.map(
                  (issue) => html`<li>
                    <a class="status ${issue.status}" href=${`/issues/${encodeURIComponent(issue.id)}`}>
                      <span class="visually-hidden">Issue, ${issueStatusLabel(issue.status)}:</span>
                      <span aria-hidden="true">${issueStatusLabel(issue.status)} ·</span>
                      <span class="issue-title">${issue.title}</span>
                    </a>
                  </li>`,
                )}
              </ul>`
            : nothing}
          <footer>
            <fl-reactions insight-id=${i.id} .reactions=${i.reactions} ?disabled=${Boolean(i.deletedAt)}></fl-reactions>
            <a class="replies" href=${thread}>${i.replyCount ? plural(i.replyCount, 'reply', 'replies') : 'Reply'}</a>
          </footer>
        </div>
      </article>
    `;
  }

  #tags(tags: string[]) {
    return html`<ul class="chips" aria-label="Tags">
      ${tags.map((tag) =>
        this.tagFilters
          ? html`<li><button type="button" class="chip tag" title=${`Show insights tagged ${tag}`} @click=${() => emit(this, 'fl-tag-filter', { tag })}>${tag}</button></li>`
          : html`<li><a class="chip tag" href=${`/?tag=${encodeURIComponent(tag)}`} title=${`Insights tagged ${tag}`}>${tag}</a></li>`,
      )}
    </ul>`;
  }

  #onSelect(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.selected = checked;
    if (this.insight) emit(this, 'fl-insight-select', { id: this.insight.id, selected: checked });
  }
}

customElements.define('fl-insight-card', InsightCard);

declare global {
  interface HTMLElementTagNameMap {
    'fl-insight-card': InsightCard;
  }
}
