import { html, LitElement } from 'lit';
import { REACTION_KINDS, type ReactionKind } from '../../shared/insights.js';
import { ApiError } from '../api/http.js';
import { setReaction } from '../api/insights.js';
import { emit, type ReactionSummary } from '../events.js';
import { REACTION_LABELS } from '../labels.js';
import { base, controls } from '../styles/shared.styles.js';
import { reactionBarStyles } from './reaction-bar.styles.js';

/**
 * The reactions of an insight as toggle buttons with counts ("me too" counts
 * as evidence). A press changes the count at once and tells the server; on
 * failure it goes back and says why. Reports `fl-reactions-change`.
 */
export class ReactionBar extends LitElement {
  static override styles = [base, controls, reactionBarStyles];
  static override properties = {
    insightId: { type: String, attribute: 'insight-id' },
    reactions: { attribute: false },
    disabled: { type: Boolean },
    error: { state: true },
  };

  declare insightId: string;
  declare reactions: ReactionSummary[];
  declare disabled: boolean;
  declare error: string;
  #busy = new Set<ReactionKind>();

  constructor() {
    super();
    this.insightId = '';
    this.reactions = [];
    this.disabled = false;
    this.error = '';
  }

  #of(kind: ReactionKind): ReactionSummary {
    return this.reactions.find((r) => r.kind === kind) ?? { kind, count: 0, mine: false };
  }

  override render() {
    return html`
      <div class="bar" role="group" aria-label="Reactions">
        ${REACTION_KINDS.map((kind) => {
          const r = this.#of(kind);
          const label = REACTION_LABELS[kind];
          return html`
            <button
              type="button"
              class="reaction ${r.mine ? 'mine' : ''}"
              aria-pressed=${r.mine ? 'true' : 'false'}
              aria-label=${`${label}, ${r.count}`}
              title=${r.mine ? `You said “${label}”. Press to take it back.` : `Say “${label}”`}
              ?disabled=${this.disabled}
              @click=${() => this.#toggle(kind)}
            >
              <span class="label" aria-hidden="true">${label}</span>
              <span class="count" aria-hidden="true">${r.count}</span>
            </button>
          `;
        })}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }

  async #toggle(kind: ReactionKind): Promise<void> {
    if (this.#busy.has(kind) || !this.insightId) return;
    const before = this.reactions;
    const current = this.#of(kind);
    const on = !current.mine;
    const next = { kind, count: Math.max(0, current.count + (on ? 1 : -1)), mine: on };
    this.reactions = before.some((r) => r.kind === kind) ? before.map((r) => (r.kind === kind ? next : r)) : [...before, next];
    this.error = '';
    this.#busy.add(kind);
    try {
      const answer = await setReaction(this.insightId, kind, on);
      this.reactions = answer.reactions;
      emit(this, 'fl-reactions-change', { insightId: this.insightId, reactions: answer.reactions });
    } catch (error) {
      this.reactions = before;
      this.error = `Your reaction was not saved: ${error instanceof ApiError ? error.message : 'try again.'}`;
    } finally {
      this.#busy.delete(kind);
    }
  }
}

customElements.define('fl-reactions', ReactionBar);

declare global {
  interface HTMLElementTagNameMap {
    'fl-reactions': ReactionBar;
  }
}
