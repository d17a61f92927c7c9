import { html, LitElement, nothing } from 'lit';
import { LIMITS } from '../../shared/limits.js';
import { suggestTags, type TagSuggestion } from '../api/insights.js';
import { emit } from '../events.js';
import { chips } from '../styles/chips.styles.js';
import { listbox } from '../styles/listbox.styles.js';
import { base, controls } from '../styles/shared.styles.js';
import { tagInputStyles } from './tag-input.styles.js';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** A typed word as a tag: trimmed, lowercased, a leading # dropped, spaces as dashes. */
export const normalizeTag = (raw: string) =>
  raw
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/\s+/g, '-');

/**
 * Tags as chips with a text field: Enter or comma adds the typed tag (or the
 * suggestion chosen with the arrow keys), Backspace in the empty field removes
 * the last one, suggestions come from GET /api/tags. Reports `fl-tags-change`.
 */
export class TagInput extends LitElement {
  static override styles = [base, controls, chips, listbox, tagInputStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    label: { type: String },
    hint: { type: String },
    error: { type: String },
    tags: { attribute: false },
    text: { state: true },
    suggestions: { state: true },
    open: { state: true },
    active: { state: true },
    problem: { state: true },
  };

  declare label: string;
  declare hint: string;
  declare error: string;
  declare tags: string[];
  declare text: string;
  declare suggestions: TagSuggestion[];
  declare open: boolean;
  declare active: number;
  declare problem: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | null = null;

  constructor() {
    super();
    this.label = 'Tags';
    this.hint = '';
    this.error = '';
    this.tags = [];
    this.text = '';
    this.suggestions = [];
    this.open = false;
    this.active = -1;
    this.problem = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  override render() {
    const message = this.problem || this.error;
    const full = this.tags.length >= LIMITS.tagsPerInsight;
    return html`
      <div class="field">
        <label for="input">${this.label}</label>
        <div class="combo">
          <div class="box ${message ? 'invalid' : ''}">
            ${this.tags.length
              ? html`<ul class="chips" aria-label=${`${this.label} added`}>
                  ${this.tags.map(
                    (tag) => html`<li>
                      <span class="chip tag">${tag}<button type="button" class="remove" aria-label=${`Remove tag ${tag}`} @click=${() => this.#remove(tag)}>✕</button></span>
                    </li>`,
                  )}
                </ul>`
              : nothing}
            <input
              id="input"
              type="text"
              role="combobox"
              autocomplete="off"
              spellcheck="false"
              enterkeyhint="done"
              maxlength=${LIMITS.tagLength}
              aria-autocomplete="list"
              aria-expanded=${this.open ? 'true' : 'false'}
              aria-controls="listbox"
              aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : ''}
              aria-invalid=${message ? 'true' : 'false'}
              aria-describedby=${['hint', message ? 'error' : ''].filter(Boolean).join(' ')}
              placeholder=${full ? '' : this.tags.length ? 'Add another' : 'e.g. billing, onboarding'}
              ?disabled=${full && !this.text}
              .value=${this.text}
              @input=${this.#onInput}
              @keydown=${this.#onKeyDown}
              @blur=${this.#onBlur}
            />
          </div>
          ${this.open && this.suggestions.length ? this.#listbox() : nothing}
        </div>
        <p class="hint" id="hint">
          ${this.hint || 'Enter or comma adds a tag, ↓ picks a suggestion, Backspace removes the last.'}
          ${full ? ` At most ${LIMITS.tagsPerInsight} tags.` : ''}
          <span class="visually-hidden" aria-live="polite">${this.tags.length ? `Tags: ${this.tags.join(', ')}.` : ''}</span>
        </p>
        ${message ? html`<p class="field-error" id="error">${message}</p>` : nothing}
      </div>
    `;
  }

  #listbox() {
    return html`
      <ul id="listbox" role="listbox" aria-label="Tag suggestions">
        ${this.suggestions.map(
          (s, index) => html`<li
            id=${`option-${index}`}
            role="option"
            aria-selected=${index === this.active ? 'true' : 'false'}
            @mousedown=${(e: MouseEvent) => e.preventDefault()}
            @click=${() => this.#add(s.tag)}
          >
            <span>#${s.tag}</span><span class="kind">${s.count}<span class="visually-hidden"> ${s.count === 1 ? 'insight' : 'insights'}</span></span>
          </li>`,
        )}
      </ul>
    `;
  }

  #onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    let value = input.value;
    // A comma (typed or pasted) ends a tag.
    if (value.includes(',')) {
      const parts = value.split(',');
      value = parts.pop() ?? '';
      for (const part of parts) this.#add(part, false);
      input.value = value;
    }
    this.text = value;
    this.problem = '';
    clearTimeout(this.#timer);
    const prefix = normalizeTag(value);
    if (!prefix) {
      this.open = false;
      this.suggestions = [];
      return;
    }
    this.#timer = setTimeout(() => void this.#suggest(prefix), 150);
  }

  async #suggest(prefix: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const { items } = await suggestTags(prefix, abort.signal);
      if (abort.signal.aborted || normalizeTag(this.text) !== prefix) return;
      this.suggestions = items.filter((s) => !this.tags.includes(s.tag));
      this.active = -1;
      this.open = this.suggestions.length > 0;
    } catch {
      // Suggestions are a convenience: typing a tag still works without them.
      if (!abort.signal.aborted) this.open = false;
    }
  }

  #onKeyDown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'Enter': {
        if (event.ctrlKey || event.metaKey) {
          this.#commitText();
          return;
        }
        event.preventDefault();
        const chosen = this.open && this.active >= 0 ? this.suggestions[this.active] : undefined;
        if (chosen) this.#add(chosen.tag);
        else this.#commitText();
        return;
      }
      case 'Backspace':
        if (!this.text && this.tags.length) {
          event.preventDefault();
          this.#remove(this.tags[this.tags.length - 1] as string);
        }
        return;
      case 'ArrowDown':
        if (this.open && count) {
          event.preventDefault();
          this.active = (this.active + 1) % count;
        }
        return;
      case 'ArrowUp':
        if (this.open && count) {
          event.preventDefault();
          this.active = this.active <= 0 ? count - 1 : this.active - 1;
        }
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.open = false;
        }
        return;
    }
  }

  /** Leaving the field keeps what was typed as a tag. */
  #onBlur(): void {
    this.open = false;
    if (this.text.trim()) this.#commitText();
  }

  #commitText(): void {
    if (!this.text.trim()) return;
    if (this.#add(this.text)) this.text = '';
  }

  #add(raw: string, clear = true): boolean {
    const tag = normalizeTag(raw);
    if (!tag) return true;
    if (tag.length > LIMITS.tagLength) {
      this.problem = `A tag has at most ${LIMITS.tagLength} characters.`;
      return false;
    }
    if (!TAG.test(tag)) {
      this.problem = `“${tag}” is not a tag: use letters, digits, dashes and underscores.`;
      return false;
    }
    if (!this.tags.includes(tag)) {
      if (this.tags.length >= LIMITS.tagsPerInsight) {
        this.problem = `At most ${LIMITS.tagsPerInsight} tags.`;
        return false;
      }
      this.tags = [...this.tags, tag];
      emit(this, 'fl-tags-change', { tags: this.tags });
    }
    this.problem = '';
    this.open = false;
    this.suggestions = [];
    this.active = -1;
    if (clear) {
      this.text = '';
      const input = this.renderRoot.querySelector<HTMLInputElement>('#input');
      if (input) input.value = '';
    }
    return true;
  }

  #remove(tag: string): void {
    this.tags = this.tags.filter((t) => t !== tag);
    emit(this, 'fl-tags-change', { tags: this.tags });
    this.renderRoot.querySelector<HTMLInputElement>('#input')?.focus();
  }

  /** Adds whatever is typed but not yet a tag (before sending the form); false when it is not a valid tag. */
  commit(): boolean {
    if (!this.text.trim()) return true;
    const ok = this.#add(this.text);
    return ok;
  }
}

customElements.define('fl-tag-input', TagInput);

declare global {
  interface HTMLElementTagNameMap {
    'fl-tag-input': TagInput;
  }
}
