import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Insight } from '../../shared/insights.js';
import { ISSUE_KINDS, type IssueKind } from '../../shared/issues.js';
import { LIMITS } from '../../shared/limits.js';
import type { Team } from '../../shared/teams.js';
import { ApiError, newIdempotencyKey } from '../api/http.js';
import { raiseIssue } from '../api/issues-raise.js';
import { listAllTeams } from '../api/teams.js';
import { FormController } from '../controllers/form.js';
import { session } from '../controllers/session.js';
import { emit } from '../events.js';
import { plainExcerpt, plural } from '../format.js';
import { ISSUE_KIND_LABELS } from '../labels.js';
import { base, controls, messages } from '../styles/shared.styles.js';
import './modal-dialog.js';
import { raiseIssueDialogStyles } from './raise-issue-dialog.styles.js';

const KIND_HINTS: Record<IssueKind, string> = {
  'cx-fix': 'A quick fix of the customer experience.',
  problem: 'Something is broken and hurts customers.',
  improvement: 'Something works but should work better.',
  innovation: 'Something new customers are asking for.',
};

/**
 * Raises one issue from one or several insights (its evidence): title, kind,
 * the team that should take it, description. POSTs /api/issues with the
 * insight ids and reports `fl-issue-raised`; the parent navigates.
 */
export class RaiseIssueDialog extends LitElement {
  static override styles = [base, controls, messages, raiseIssueDialogStyles];
  static override properties = {
    open: { type: Boolean, reflect: true },
    insights: { attribute: false },
    teams: { state: true },
    teamsError: { state: true },
  };

  declare open: boolean;
  declare insights: Insight[];
  declare teams: Team[] | null;
  declare teamsError: string;
  readonly #form = new FormController(this, 'raise', ['title', 'kind', 'teamId', 'description']);
  #key = newIdempotencyKey();

  constructor() {
    super();
    this.open = false;
    this.insights = [];
    this.teams = null;
    this.teamsError = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.#form.reset();
      void this.#loadTeams();
      void this.#focusTitle();
    }
  }

  async #focusTitle(): Promise<void> {
    await this.updateComplete;
    await this.renderRoot.querySelector('fl-dialog')?.updateComplete;
    const title = this.renderRoot.querySelector<HTMLInputElement>('#raise-title');
    title?.focus();
    title?.select();
  }

  async #loadTeams(): Promise<void> {
    if (this.teams) return;
    this.teamsError = '';
    try {
      this.teams = await listAllTeams();
    } catch (error) {
      this.teamsError = `Teams could not be loaded: ${error instanceof ApiError ? error.message : 'try again.'}`;
    }
  }

  override render() {
    const f = this.#form;
    const n = this.insights.length;
    const suggested = this.insights[0] ? plainExcerpt(this.insights[0].body, 90) : '';
    const myTeams = new Set(session.user?.teams.map((t) => t.id) ?? []);
    return html`
      <fl-dialog heading=${n > 1 ? `Raise an issue from ${n} insights` : 'Raise an issue'} wide ?open=${this.open} @fl-close=${this.#onClose}>
        ${this.open
          ? html`
              <form id="raise-form" novalidate @submit=${this.#submit}>
                <p class="lede">
                  ${n === 1 ? 'This insight becomes the evidence of the issue' : `These ${plural(n, 'insight')} become the evidence of the issue`}; a team claims it
                  and everyone who posted evidence hears when it is resolved.
                </p>
                ${f.summaryText()}
                <div class="field">
                  <label for="raise-title">Title</label>
                  <input id="raise-title" name="title" type="text" required maxlength=${LIMITS.issueTitleLength} .value=${suggested}
                    aria-invalid=${f.invalid('title')} aria-describedby=${f.describedBy('title')} />
                  ${f.errorText('title')}
                </div>
                <div class="grid-2">
                  <div class="field">
                    <label for="raise-kind">Kind</label>
                    <select id="raise-kind" name="kind" aria-invalid=${f.invalid('kind')} aria-describedby=${f.describedBy('kind', 'raise-kind-hint')}
                      @change=${() => this.requestUpdate()}>
                      ${ISSUE_KINDS.map((k) => html`<option value=${k} ?selected=${k === 'problem'}>${ISSUE_KIND_LABELS[k]}</option>`)}
                    </select>
                    <p class="hint" id="raise-kind-hint">${KIND_HINTS[this.#kind()]}</p>
                    ${f.errorText('kind')}
                  </div>
                  <div class="field">
                    <label for="raise-teamId">Team that should take it</label>
                    <select id="raise-teamId" name="teamId" required aria-invalid=${f.invalid('teamId')} aria-describedby=${f.describedBy('teamId')}
                      ?disabled=${this.teams === null}>
                      <option value="">${this.teams === null ? 'Loading teams…' : 'Choose a team'}</option>
                      ${(this.teams ?? []).map((t) => html`<option value=${t.id}>${t.name}${myTeams.has(t.id) ? ' (your team)' : ''}</option>`)}
                    </select>
                    ${this.teamsError ? html`<p class="field-error">${this.teamsError}</p>` : nothing}
                    ${f.errorText('teamId')}
                  </div>
                </div>
                <div class="field">
                  <label for="raise-description">Description (optional)</label>
                  <textarea id="raise-description" name="description" rows="4" maxlength=${LIMITS.issueDescriptionLength}
                    aria-invalid=${f.invalid('description')} aria-describedby=${f.describedBy('description', 'raise-description-hint')}></textarea>
                  <p class="hint" id="raise-description-hint">What should change, and how we will know it is fixed. Markdown works.</p>
                  ${f.errorText('description')}
                </div>
                ${f.errorText('insightIds')}
              </form>
            `
          : nothing}
        ${this.open
          ? html`<button slot="footer" type="button" @click=${() => (this.open = false)}>Cancel</button>
              <button slot="footer" class="primary" type="submit" form="raise-form" ?disabled=${f.pending}>${f.pending ? 'Raising…' : 'Raise issue'}</button>`
          : nothing}
      </fl-dialog>
    `;
  }

  #kind(): IssueKind {
    const value = this.renderRoot.querySelector<HTMLSelectElement>('#raise-kind')?.value;
    return (ISSUE_KINDS as readonly string[]).includes(value ?? '') ? (value as IssueKind) : 'problem';
  }

  /** The inner dialog's `fl-close` bubbles on to the parent, which owns `open`. */
  #onClose(): void {
    this.open = false;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const title = String(data.get('title') ?? '').trim();
    const teamId = String(data.get('teamId') ?? '');
    const problems: Record<string, string> = {};
    if (!title) problems.title = 'Give the issue a title.';
    if (!teamId) problems.teamId = 'Choose the team that should take it.';
    if (Object.keys(problems).length) {
      this.#form.invalidate(problems);
      return;
    }
    const issue = await this.#form.run(() =>
      raiseIssue(
        {
          title,
          kind: String(data.get('kind')) as IssueKind,
          teamId,
          description: String(data.get('description') ?? '').trim(),
          insightIds: this.insights.map((i) => i.id),
        },
        this.#key,
      ),
    );
    if (!issue) return;
    this.#key = newIdempotencyKey();
    this.open = false;
    emit(this, 'fl-issue-raised', { issue });
  }
}

customElements.define('fl-raise-issue-dialog', RaiseIssueDialog);

declare global {
  interface HTMLElementTagNameMap {
    'fl-raise-issue-dialog': RaiseIssueDialog;
  }
}
