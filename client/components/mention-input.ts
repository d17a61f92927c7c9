import { html, LitElement, nothing } from 'lit';
import type { Team } from '../../shared/teams.js';
import type { User } from '../../shared/users.js';
import { listAllTeams } from '../api/teams.js';
import { listUsers } from '../api/users.js';
import { emit } from '../events.js';
import { listbox } from '../styles/listbox.styles.js';
import { base, controls } from '../styles/shared.styles.js';
import { mentionInputStyles } from './mention-input.styles.js';

interface MentionOption {
  kind: 'person' | 'team';
  /** What is inserted after the @: a handle or a team slug. */
  word: string;
  name: string;
}

/** The @word being typed just before the caret, if any (not inside an email). */
const MENTION_AT_CARET = /(^|[^\w@`])@([a-z0-9][a-z0-9_.-]*)?$/i;

let teamsOnce: Promise<Team[]> | null = null;
/** Teams change rarely: one list per tab, fetched when first needed. */
function allTeams(): Promise<Team[]> {
  teamsOnce ??= listAllTeams().catch((error: unknown) => {
    teamsOnce = null;
    throw error;
  });
  return teamsOnce;
}

const matches = (query: string, ...texts: string[]) => {
  const q = query.toLowerCase();
  return texts.some((t) => t.toLowerCase().split(/[\s._-]+/).some((w) => w.startsWith(q)) || t.toLowerCase().startsWith(q));
};

/**
 * A Markdown text area with @-mention autocomplete: typing `@` and part of a
 * handle, name or team opens a listbox of people and teams (arrow keys move,
 * Enter or Tab inserts `@handle `, Esc closes). Ctrl/Cmd+Enter reports
 * `fl-submit`. Its `value` is the text; native `input` events reach the parent.
 */
export class MentionInput extends LitElement {
  static override styles = [base, controls, listbox, mentionInputStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    label: { type: String },
    hint: { type: String },
    error: { type: String },
    value: { type: String },
    rows: { type: Number },
    maxlength: { type: Number },
    placeholder: { type: String },
    disabled: { type: Boolean },
    labelHidden: { type: Boolean, attribute: 'label-hidden' },
    options: { state: true },
    open: { state: true },
    active: { state: true },
  };

  declare label: string;
  declare hint: string;
  declare error: string;
  declare value: string;
  declare rows: number;
  declare maxlength: number;
  declare placeholder: string;
  declare disabled: boolean;
  declare labelHidden: boolean;
  declare options: MentionOption[];
  declare open: boolean;
  declare active: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | null = null;
  /** Where the @ of the mention being typed is, while the list is open. */
  #start = -1;

  constructor() {
    super();
    this.label = 'Text';
    this.hint = '';
    this.error = '';
    this.value = '';
    this.rows = 4;
    this.maxlength = 10_000;
    this.placeholder = '';
    this.disabled = false;
    this.labelHidden = false;
    this.options = [];
    this.open = false;
    this.active = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  override render() {
    const describedBy = ['hint', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for="text" class=${this.labelHidden ? 'visually-hidden' : ''}>${this.label}</label>
        <div class="combo">
          <textarea
            id="text"
            rows=${this.rows}
            maxlength=${this.maxlength}
            placeholder=${this.placeholder}
            ?disabled=${this.disabled}
            aria-autocomplete="list"
            aria-controls="listbox"
            aria-activedescendant=${this.open && this.options.length ? `mention-${this.active}` : ''}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${this.value}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
            @blur=${() => this.#close()}
            @click=${() => this.#detect()}
          ></textarea>
          ${this.open && this.options.length ? this.#listbox() : nothing}
        </div>
        <p class="hint" id="hint">${this.hint || html`Markdown works. Type <kbd>@</kbd> to mention a person or a team; <kbd>Ctrl</kbd>+<kbd>Enter</kbd> sends.`}</p>
        ${this.error ? html`<p class="field-error" id="error">${this.error}</p>` : nothing}
      </div>
    `;
  }

  #listbox() {
    return html`
      <ul id="listbox" role="listbox" aria-label="People and teams to mention">
        ${this.options.map(
          (o, index) => html`<li
            id=${`mention-${index}`}
            role="option"
            aria-selected=${index === this.active ? 'true' : 'false'}
            @mousedown=${(e: MouseEvent) => e.preventDefault()}
            @click=${() => this.#insert(o)}
          >
            <span>${o.name}</span><span class="sub">@${o.word}</span><span class="kind">${o.kind === 'team' ? 'Team' : 'Person'}</span>
          </li>`,
        )}
      </ul>
    `;
  }

  /** Puts the cursor in the text area. */
  override focus(options?: FocusOptions): void {
    this.#textarea?.focus(options);
  }

  #onInput(event: InputEvent): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.#detect();
  }

  /** Opens, updates or closes the list for the @word before the caret. */
  #detect(): void {
    const area = this.#textarea;
    if (!area || area.selectionStart !== area.selectionEnd) return this.#close();
    const before = area.value.slice(0, area.selectionStart);
    const match = MENTION_AT_CARET.exec(before);
    if (!match) return this.#close();
    const query = match[2] ?? '';
    this.#start = area.selectionStart - query.length - 1;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#lookup(query), 120);
  }

  async #lookup(query: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const [teams, people] = await Promise.all([
        allTeams().catch(() => [] as Team[]),
        listUsers({ q: query || undefined, active: true, limit: 6 }, abort.signal).then(
          (page) => page.items,
          () => [] as User[],
        ),
      ]);
      if (abort.signal.aborted) return;
      const teamOptions: MentionOption[] = teams
        .filter((t) => !query || matches(query, t.slug, t.name))
        .slice(0, 4)
        .map((t) => ({ kind: 'team', word: t.slug, name: t.name }));
      const peopleOptions: MentionOption[] = people.map((u) => ({ kind: 'person', word: u.handle, name: u.displayName }));
      this.options = [...teamOptions, ...peopleOptions].slice(0, 8);
      this.active = 0;
      this.open = this.options.length > 0;
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  #close(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.open = false;
    this.options = [];
    this.#start = -1;
  }

  #onKeyDown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      this.#close();
      emit(this, 'fl-submit', {});
      return;
    }
    if (!this.open || this.options.length === 0) return;
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.active = (this.active + 1) % count;
        return;
      case 'ArrowUp':
        event.preventDefault();
        this.active = (this.active - 1 + count) % count;
        return;
      case 'Enter':
      case 'Tab': {
        if (event.shiftKey || event.altKey) return;
        const option = this.options[this.active];
        if (!option) return;
        event.preventDefault();
        this.#insert(option);
        return;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.#close();
        return;
    }
  }

  #insert(option: MentionOption): void {
    const area = this.#textarea;
    if (!area || this.#start < 0) return;
    const end = area.selectionStart;
    const text = `@${option.word} `;
    area.setRangeText(text, this.#start, end, 'end');
    this.value = area.value;
    this.#close();
    area.focus();
    // Tells the parent as typing would.
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }));
  }
}

customElements.define('fl-mention-input', MentionInput);

declare global {
  interface HTMLElementTagNameMap {
    'fl-mention-input': MentionInput;
  }
}
