import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ISSUE_KINDS, NEEDS_NOTE, STATUS_LABELS, TRANSITIONS, type HistoryEntry, type Issue, type IssueKind, type IssueStatus, type IssueSummary, type UpdateIssueBody } from '../../shared/issues.js';
import type { Insight } from '../../shared/insights.js';
import { LIMITS } from '../../shared/limits.js';
import type { Team } from '../../shared/teams.js';
import type { User } from '../../shared/users.js';
import { allowedMoves, getIssue, linkEvidence, staleCurrent, transitionIssue, unlinkEvidence, updateIssue } from '../api/issues.js';
import { ApiError } from '../api/http.js';
import { listAllTeams } from '../api/teams.js';
import { listAllUsers } from '../api/users.js';
import '../components/empty-state.js';
import { describeChanges, KIND_LABELS, listInWords, TIER_LABELS } from '../components/issue-words.js';
import { issueBadges } from '../components/issue.styles.js';
import '../components/loading-state.js';
import '../components/markdown-view.js';
import '../components/modal-dialog.js';
import '../components/relative-time.js';
import { FormController } from '../controllers/form.js';
import { CHANNEL_LABELS, SENTIMENT_LABELS } from '../labels.js';
import { SessionController } from '../controllers/session.js';
import { LiveController, PresenceController } from '../controllers/live.js';
import '../components/presence-avatars.js';
import { plural } from '../format.js';
import { base, cards, controls, messages, page } from '../styles/shared.styles.js';
import { issuePageStyles } from './issue-page.styles.js';

/** The button for each move, by where it goes (and, for back to open, where it comes from). */
function actionLabel(from: IssueStatus, to: IssueStatus): string {
  switch (to) {
    case 'claimed':
      return 'Claim';
    case 'in_progress':
      return 'Start';
    case 'resolved':
      return 'Resolve…';
    case 'wont_fix':
      return 'Won’t fix…';
    case 'open':
      return from === 'resolved' || from === 'wont_fix' ? 'Reopen' : 'Unclaim';
  }
}

/** What each move does, for the hint under the buttons. */
function actionHint(from: IssueStatus, to: IssueStatus): string {
  switch (to) {
    case 'claimed':
      return 'Claim: you own it and your team takes it.';
    case 'in_progress':
      return 'Start: work has begun.';
    case 'resolved':
      return 'Resolve: say what was done; everyone who heard the customer is told.';
    case 'wont_fix':
      return 'Won’t fix: say why; the people who linked evidence are told.';
    case 'open':
      return from === 'resolved' || from === 'wont_fix' ? 'Reopen: back to open, for another look.' : 'Unclaim: back to open, for someone else to take.';
  }
}

/** The usual next step from each status: its button is the primary one. */
const NEXT_STEP: Record<IssueStatus, IssueStatus> = { open: 'claimed', claimed: 'in_progress', in_progress: 'resolved', resolved: 'open', wont_fix: 'open' };
const ORDER: readonly IssueStatus[] = ['claimed', 'in_progress', 'resolved', 'wont_fix', 'open'];

const DONE_WORDS: Record<IssueStatus, string> = {
  claimed: 'You claimed this issue: it is yours now.',
  in_progress: 'Marked in progress.',
  resolved: 'Resolved. Everyone who linked evidence has been told, so they can close the loop with the customer.',
  wont_fix: 'Marked won’t fix. The people who linked evidence have been told why.',
  open: 'The issue is open again.',
};

/** "claimed it", "moved it from Claimed to In progress"… */
function historyVerb(entry: HistoryEntry): string {
  if (entry.from === null) return 'raised this issue';
  switch (entry.to) {
    case 'claimed':
      return 'claimed it';
    case 'in_progress':
      return 'started work on it';
    case 'resolved':
      return 'resolved it';
    case 'wont_fix':
      return 'declined it (won’t fix)';
    case 'open':
      return entry.from === 'resolved' || entry.from === 'wont_fix' ? 'reopened it' : 'unclaimed it';
  }
}

type Dialog = 'resolved' | 'wont_fix' | 'override' | null;

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * `/issues/:id`: one issue — what it is, its priority and why, the moves the
 * state machine allows from here, its evidence and its history. Every change
 * carries the version the page saw; when someone else changed the issue first
 * (409), the page says what changed, shows the issue as it is, and lets the
 * person try again.
 */
export class IssuePage extends LitElement {
  static override styles = [base, page, controls, messages, cards, issueBadges, issuePageStyles];
  static override properties = {
    issueId: { type: String, attribute: 'issue-id' },
    issue: { state: true },
    loadError: { state: true },
    changedBy: { state: true },
    actionError: { state: true },
    done: { state: true },
    pending: { state: true },
    dialog: { state: true },
    editing: { state: true },
    teams: { state: true },
    users: { state: true },
    pickersError: { state: true },
    unlinked: { state: true },
  };

  declare issueId: string;
  declare issue: Issue | null;
  declare loadError: ApiError | null;
  /** What someone else changed, after a stale-version answer. */
  declare changedBy: string[] | null;
  declare actionError: string;
  declare done: string;
  /** The move or edit being sent, e.g. `to:claimed`, `unlink:<id>`. */
  declare pending: string | null;
  declare dialog: Dialog;
  declare editing: boolean;
  declare teams: Team[] | null;
  declare users: User[] | null;
  declare pickersError: string;
  /** The last evidence unlinked, for Undo. */
  declare unlinked: Insight | null;

  readonly #session = new SessionController(this);
  readonly #note = new FormController(this, 'note', ['note']);
  readonly #override = new FormController(this, 'override', ['score', 'reason']);
  readonly #edit = new FormController(this, 'edit', ['title', 'description', 'kind', 'teamId', 'assigneeId']);
  readonly #presence = new PresenceController(this);
  /** Changes by others arrive live; while a form or dialog is open the reload waits for it to close. */
  protected readonly liveUpdates = new LiveController(this, {
    types: ['issue.updated', 'issue.transitioned', 'evidence.changed', 'reaction.changed', 'insight.updated', 'insight.deleted', 'insight.restored'],
    onEvent: (event) => {
      const issue = this.issue;
      if (!issue) return;
      const data = event.data as { issueId?: string; insightId?: string; version?: number };
      const concerns = data.issueId === issue.id || (data.insightId !== undefined && issue.evidence.some((e) => e.id === data.insightId));
      if (!concerns) return;
      // My own action already updated the page from its answer: its event changes nothing new.
      if (data.issueId === issue.id && data.version !== undefined && data.version <= issue.version) return;
      this.#reloadWhenIdle();
    },
    onResync: () => this.#reloadWhenIdle(),
  });
  #reloadPending = false;
  #abort: AbortController | null = null;
  /** Notes typed in the note dialog, kept if a conflict closes it. */
  #drafts: Partial<Record<IssueStatus, string>> = {};

  constructor() {
    super();
    this.issueId = '';
    this.issue = null;
    this.loadError = null;
    this.changedBy = null;
    this.actionError = '';
    this.done = '';
    this.pending = null;
    this.dialog = null;
    this.editing = false;
    this.teams = null;
    this.users = null;
    this.pickersError = '';
    this.unlinked = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Reloads now, or as soon as the person closes the form or dialog they are typing in. */
  #reloadWhenIdle(): void {
    if (this.editing || this.dialog || this.pending) {
      this.#reloadPending = true;
      return;
    }
    void this.#load();
  }

  protected override updated(): void {
    if (this.#reloadPending && !this.editing && !this.dialog && !this.pending) {
      this.#reloadPending = false;
      void this.#load();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('issueId')) this.#presence.view(this.issueId ? `issue:${this.issueId}` : null);
    if (changed.has('issueId')) {
      this.issue = null;
      this.loadError = null;
      this.changedBy = null;
      this.actionError = '';
      this.done = '';
      this.editing = false;
      this.dialog = null;
      this.unlinked = null;
      this.#drafts = {};
      if (this.issueId) void this.#load();
    }
  }

  /** Loads the whole issue; `quiet` keeps the page as it is meanwhile (after a conflict). */
  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const issue = await getIssue(this.issueId, abort.signal);
      if (abort.signal.aborted) return;
      this.issue = issue;
      this.loadError = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!this.issue) this.loadError = error instanceof ApiError ? error : new ApiError(0, 'network', 'The issue could not be loaded.');
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  get #canOverride(): boolean {
    const role = this.#session.user?.role;
    return role === 'lead' || role === 'admin';
  }

  override render() {
    if (this.loadError) return this.#renderLoadError(this.loadError);
    const issue = this.issue;
    if (!issue) return html`<div aria-busy="true"><fl-loading label="Loading the issue…" rows="6"></fl-loading></div>`;
    return html`
      <nav class="crumbs" aria-label="Breadcrumb"><a href="/issues">Issues</a> <span aria-hidden="true">›</span> <span class="muted">This issue</span>
        <fl-presence .viewers=${this.#presence.users} self-id=${this.#session.user?.id ?? ''}></fl-presence></nav>
      ${this.#renderConflict()}
      ${this.editing ? this.#renderEditForm(issue) : this.#renderHead(issue)}
      <div class="layout">
        <div class="main">
          ${this.editing ? nothing : this.#renderDescription(issue)}
          ${this.#renderResolution(issue)}
          ${this.#renderEvidence(issue)}
          ${this.#renderHistory(issue)}
        </div>
        <aside class="side" aria-label="Status and priority">
          ${this.#renderActions(issue)}
          ${this.#renderPriority(issue)}
          ${this.#renderDetails(issue)}
        </aside>
      </div>
      ${this.#renderNoteDialog(issue)} ${this.#renderOverrideDialog(issue)}
    `;
  }

  #renderLoadError(error: ApiError) {
    if (error.status === 404) {
      return html`<fl-empty-state heading="This issue does not exist.">
        <p>It may have been removed, or the link is mistyped. <a href="/issues">See all issues</a>.</p>
      </fl-empty-state>`;
    }
    return html`<div class="message error" role="alert">
      The issue could not be loaded: ${error.message} <button class="small" type="button" @click=${() => this.#retryLoad()}>Try again</button>
    </div>`;
  }

  #retryLoad(): void {
    this.loadError = null;
    void this.#load();
  }

  // ——— Conflicts ———

  #renderConflict() {
    if (!this.changedBy) return nothing;
    const changes = this.changedBy;
    return html`
      <div class="message warning conflict" role="alert">
        <p>
          <strong>Someone else changed this issue</strong>${changes.length ? html`: ${changes.join('; ')}.` : ' while you had it open.'}
        </p>
        <p>Your change was not saved. The page now shows the issue as it is; check it and try again if you still want to.</p>
        <button type="button" class="small" @click=${() => (this.changedBy = null)}>Dismiss</button>
      </div>
    `;
  }

  /** A 409 stale version: say what changed, show the fresh issue, fetch its history and evidence. */
  #onStale(current: IssueSummary): void {
    const before = this.issue;
    this.changedBy = before ? describeChanges(before, current) : [];
    if (before) this.issue = { ...before, ...current };
    this.done = '';
    this.actionError = '';
    void this.#load();
  }

  /**
   * Sends a change; on success shows the answer and `done`; on a stale
   * version, the conflict; on an illegal move, the moves allowed, in words.
   * Resolves true when it went through.
   */
  async #send(key: string, action: () => Promise<Issue>, done: string): Promise<boolean> {
    if (this.pending) return false;
    this.pending = key;
    this.actionError = '';
    this.done = '';
    try {
      this.issue = await action();
      this.changedBy = null;
      this.done = done;
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    } finally {
      this.pending = null;
    }
  }

  #fail(error: unknown): void {
    const current = staleCurrent(error);
    if (current) {
      this.#onStale(current);
      return;
    }
    const allowed = allowedMoves(error);
    if (allowed && error instanceof ApiError) {
      const from = this.issue ? STATUS_LABELS[this.issue.status] : '';
      this.actionError = `${error.message} ${allowed.length ? `From ${from} it can only go to ${listInWords(allowed.map((s) => STATUS_LABELS[s]))}.` : ''}`;
      void this.#load();
      return;
    }
    this.actionError = error instanceof ApiError ? error.message : 'Something went wrong in the app. Reload and try again.';
  }

  // ——— Head, description, resolution ———

  #renderHead(issue: Issue) {
    return html`
      <header class="head">
        <div class="title-row">
          <h1 id="issue-title">${issue.title}</h1>
          <span class=${`status status-${issue.status}`} aria-label=${`Status: ${STATUS_LABELS[issue.status]}`}>${STATUS_LABELS[issue.status]}</span>
        </div>
        <p class="byline">
          <span class="kind">${KIND_LABELS[issue.kind]}</span>
          <span>${issue.team ? issue.team.name : 'No team'}</span>
          <span aria-hidden="true">·</span>
          <span>${issue.assignee ? html`Assigned to <strong>${issue.assignee.displayName}</strong>` : 'Unassigned'}</span>
          <span aria-hidden="true">·</span>
          <span>Raised by ${issue.createdBy.displayName} <fl-time .datetime=${issue.createdAt}></fl-time></span>
        </p>
        <div class="head-actions">
          <button type="button" class="small" @click=${this.#startEdit}>Edit</button>
        </div>
      </header>
    `;
  }

  #renderDescription(issue: Issue) {
    return html`
      <section class="card description" aria-labelledby="description-heading">
        <h2 id="description-heading">Description</h2>
        ${issue.description.trim()
          ? html`<fl-markdown .source=${issue.description}></fl-markdown>`
          : html`<p class="muted">No description yet. Use Edit to say what the problem is and what would solve it.</p>`}
      </section>
    `;
  }

  #renderResolution(issue: Issue) {
    if (!issue.resolutionNote || (issue.status !== 'resolved' && issue.status !== 'wont_fix')) return nothing;
    const heading = issue.status === 'resolved' ? 'How it was resolved' : 'Why it won’t be fixed';
    return html`
      <section class=${`card resolution resolution-${issue.status}`} aria-labelledby="resolution-heading">
        <h2 id="resolution-heading">${heading}</h2>
        <fl-markdown .source=${issue.resolutionNote}></fl-markdown>
        ${issue.closedAt ? html`<p class="muted small-text">Closed <fl-time .datetime=${issue.closedAt}></fl-time></p>` : nothing}
      </section>
    `;
  }

  // ——— Editing ———

  async #startEdit(): Promise<void> {
    this.editing = true;
    this.#edit.reset();
    this.done = '';
    void this.#loadPickers();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#edit-title')?.focus();
  }

  async #cancelEdit(): Promise<void> {
    this.editing = false;
    this.#edit.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.head-actions button')?.focus();
  }

  async #loadPickers(): Promise<void> {
    if (this.teams && this.users) return;
    this.pickersError = '';
    try {
      const [teams, users] = await Promise.all([listAllTeams(), listAllUsers()]);
      this.teams = teams;
      this.users = users.sort((a, b) => a.displayName.localeCompare(b.displayName));
    } catch (error) {
      this.pickersError = `Teams and people could not be loaded: ${error instanceof ApiError ? error.message : 'try again'}.`;
    }
  }

  #renderEditForm(issue: Issue) {
    const f = this.#edit;
    const teams = this.teams ?? (issue.team ? [issue.team] : []);
    const users = this.users ?? (issue.assignee ? [issue.assignee] : []);
    return html`
      <form class="card edit" novalidate aria-label="Edit the issue" @submit=${this.#submitEdit} @keydown=${this.#onEditKey}>
        ${f.summaryText()}
        <div class="field">
          <label for="edit-title">Title</label>
          <input id="edit-title" name="title" type="text" required maxlength=${LIMITS.issueTitleLength} .value=${issue.title}
            aria-invalid=${f.invalid('title')} aria-describedby=${f.describedBy('title')} />
          ${f.errorText('title')}
        </div>
        <div class="field">
          <label for="edit-description">Description</label>
          <textarea id="edit-description" name="description" rows="6" maxlength=${LIMITS.issueDescriptionLength} .value=${issue.description}
            aria-invalid=${f.invalid('description')} aria-describedby=${f.describedBy('description', 'edit-description-hint')}></textarea>
          <p class="hint" id="edit-description-hint">Markdown works: **bold**, lists, links.</p>
          ${f.errorText('description')}
        </div>
        <div class="grid-3">
          <div class="field">
            <label for="edit-kind">Kind</label>
            <select id="edit-kind" name="kind" aria-invalid=${f.invalid('kind')} aria-describedby=${f.describedBy('kind')}>
              ${ISSUE_KINDS.map((k) => html`<option value=${k} ?selected=${k === issue.kind}>${KIND_LABELS[k]}</option>`)}
            </select>
            ${f.errorText('kind')}
          </div>
          <div class="field">
            <label for="edit-teamId">Team</label>
            <select id="edit-teamId" name="teamId" aria-invalid=${f.invalid('teamId')} aria-describedby=${f.describedBy('teamId')}>
              ${issue.team ? nothing : html`<option value="" selected>No team</option>`}
              ${teams.map((t) => html`<option value=${t.id} ?selected=${t.id === issue.team?.id}>${t.name}</option>`)}
            </select>
            ${f.errorText('teamId')}
          </div>
          <div class="field">
            <label for="edit-assigneeId">Assignee</label>
            <select id="edit-assigneeId" name="assigneeId" aria-invalid=${f.invalid('assigneeId')} aria-describedby=${f.describedBy('assigneeId')}>
              <option value="" ?selected=${!issue.assignee}>Unassigned</option>
              ${users.map((u) => html`<option value=${u.id} ?selected=${u.id === issue.assignee?.id}>${u.displayName} (@${u.handle})</option>`)}
            </select>
            ${f.errorText('assigneeId')}
          </div>
        </div>
        ${this.pickersError ? html`<p class="field-error">${this.pickersError}</p>` : nothing}
        ${this.teams === null && !this.pickersError ? html`<p class="hint" aria-busy="true">Loading teams and people…</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Saving…' : 'Save changes'}</button>
          <button type="button" @click=${this.#cancelEdit}>Cancel</button>
          <span class="hint">Esc cancels.</span>
        </div>
      </form>
    `;
  }

  #onEditKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.#cancelEdit();
    }
  }

  async #submitEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const issue = this.issue;
    if (!issue) return;
    const data = new FormData(event.target as HTMLFormElement);
    const title = text(data, 'title');
    if (!title) {
      this.#edit.invalidate({ title: 'Give the issue a title.' });
      return;
    }
    const body: UpdateIssueBody = { version: issue.version };
    if (title !== issue.title) body.title = title;
    const description = text(data, 'description');
    if (description !== issue.description.trim()) body.description = description;
    const kind = text(data, 'kind') as IssueKind;
    if (kind !== issue.kind) body.kind = kind;
    const teamId = text(data, 'teamId');
    if (teamId && teamId !== issue.team?.id) body.teamId = teamId;
    const assigneeId = text(data, 'assigneeId') || null;
    if (assigneeId !== (issue.assignee?.id ?? null)) body.assigneeId = assigneeId;
    if (Object.keys(body).length === 1) {
      await this.#cancelEdit();
      return;
    }
    let stale: IssueSummary | null = null;
    const updated = await this.#edit.run(async () => {
      try {
        return await updateIssue(issue.id, body);
      } catch (error) {
        stale = staleCurrent(error);
        if (stale) return null;
        throw error;
      }
    });
    if (stale) {
      // The form stays open with what was typed; saving again uses the fresh version.
      this.#onStale(stale);
      return;
    }
    if (!updated) return;
    this.issue = updated;
    this.changedBy = null;
    this.done = 'Changes saved.';
    await this.#cancelEdit();
  }

  // ——— Actions ———

  #renderActions(issue: Issue) {
    const moves = ORDER.filter((to) => TRANSITIONS[issue.status].includes(to));
    return html`
      <section class="card actions-card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Status</h2>
        <p class="current">
          <span class=${`status status-${issue.status}`}>${STATUS_LABELS[issue.status]}</span>
          ${issue.assignee ? html`<span class="muted">· ${issue.assignee.displayName}</span>` : nothing}
        </p>
        <p class="message success done" role="status" tabindex="-1">${this.done}</p>
        ${this.actionError ? html`<p class="message error" role="alert">${this.actionError}</p>` : nothing}
        <div class="moves" role="group" aria-label="Move this issue" aria-describedby="moves-hint">
          ${repeat(
            moves,
            (to) => `${issue.status}:${to}`,
            (to) => {
              const needsNote = NEEDS_NOTE.includes(to);
              const primary = NEXT_STEP[issue.status] === to;
              const busy = this.pending === `to:${to}`;
              return html`
                <button type="button" class=${primary ? 'primary' : ''} ?disabled=${this.pending !== null}
                  aria-haspopup=${needsNote ? 'dialog' : nothing} @click=${() => (needsNote ? this.#openNote(to as 'resolved' | 'wont_fix') : this.#move(to))}>
                  ${busy ? 'Saving…' : actionLabel(issue.status, to)}
                </button>
              `;
            },
          )}
        </div>
        <ul class="hint moves-hint" id="moves-hint">
          ${moves.map((to) => html`<li>${actionHint(issue.status, to)}</li>`)}
        </ul>
      </section>
    `;
  }

  async #move(to: IssueStatus): Promise<void> {
    const issue = this.issue;
    if (!issue) return;
    const ok = await this.#send(`to:${to}`, () => transitionIssue(issue.id, { to, version: issue.version }), DONE_WORDS[to]);
    await this.updateComplete;
    if (ok) this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('.moves button')?.focus();
  }

  #openNote(to: 'resolved' | 'wont_fix'): void {
    this.#note.reset();
    this.dialog = to;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('#note-note')?.focus());
  }

  #renderNoteDialog(issue: Issue) {
    const to = this.dialog === 'resolved' || this.dialog === 'wont_fix' ? this.dialog : null;
    const f = this.#note;
    const resolving = to === 'resolved';
    const customers = new Map(issue.evidence.filter((e) => e.customer).map((e) => [e.customer?.id, e.customer]));
    return html`
      <fl-dialog heading=${resolving ? 'Resolve this issue' : 'Won’t fix this issue'} ?open=${to !== null} @fl-close=${this.#closeDialog}>
        ${to
          ? html`
              <form id="note-form" novalidate @submit=${(e: SubmitEvent) => this.#submitNote(e, to)}>
                ${f.errorFor('note') ? nothing : f.summaryText()}
                <div class="field">
                  <label for="note-note">${resolving ? 'What was done?' : 'Why won’t it be fixed?'}</label>
                  <textarea id="note-note" name="note" rows="5" required maxlength=${LIMITS.resolutionNoteLength} .value=${this.#drafts[to] ?? ''}
                    @input=${(e: InputEvent) => (this.#drafts[to] = (e.target as HTMLTextAreaElement).value)}
                    @keydown=${this.#submitOnCtrlEnter}
                    aria-invalid=${f.invalid('note')} aria-describedby=${f.describedBy('note', 'note-hint')}></textarea>
                  <p class="hint" id="note-hint">
                    ${resolving ? 'Say it so a frontline colleague can pass it on to the customer.' : 'Be honest and specific: the people who heard the customer pass it on.'}
                    ${plural(issue.evidenceCount, 'linked insight')}${customers.size ? `, ${plural(customers.size, 'customer')}` : ''}: their authors are notified.
                    Markdown works; Ctrl+Enter sends.
                  </p>
                  ${f.errorText('note')}
                </div>
              </form>
              <button slot="footer" type="button" @click=${this.#closeDialog}>Cancel</button>
              <button slot="footer" class="primary" type="submit" form="note-form" ?disabled=${f.pending}>
                ${f.pending ? 'Saving…' : resolving ? 'Resolve issue' : 'Mark won’t fix'}
              </button>
            `
          : nothing}
      </fl-dialog>
    `;
  }

  async #submitNote(event: SubmitEvent, to: 'resolved' | 'wont_fix'): Promise<void> {
    event.preventDefault();
    const issue = this.issue;
    if (!issue) return;
    const note = text(new FormData(event.target as HTMLFormElement), 'note');
    if (!note) {
      this.#note.invalidate({ note: to === 'resolved' ? 'Write what was done: it is what the customer will hear.' : 'Say why it won’t be fixed.' });
      return;
    }
    let stale: IssueSummary | null = null;
    let other: unknown = null;
    const updated = await this.#note.run(async () => {
      try {
        return await transitionIssue(issue.id, { to, version: issue.version, note });
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) throw error;
        stale = staleCurrent(error);
        other = stale ? null : error;
        return null;
      }
    });
    if (!updated && !stale && !other) return;
    this.dialog = null;
    if (stale) {
      this.#onStale(stale);
    } else if (other) {
      this.#fail(other);
    } else if (updated) {
      delete this.#drafts[to];
      this.issue = updated;
      this.changedBy = null;
      this.actionError = '';
      this.done = DONE_WORDS[to];
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.changedBy || this.actionError ? '.moves button' : '.done')?.focus();
  }

  /** Ctrl+Enter or Cmd+Enter in a dialog's text field sends its form. */
  #submitOnCtrlEnter(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  }

  #closeDialog(): void {
    this.dialog = null;
  }

  // ——— Priority ———

  #renderPriority(issue: Issue) {
    const { priority } = issue;
    const o = priority.override;
    return html`
      <section class="card priority" aria-labelledby="priority-heading">
        <h2 id="priority-heading">Priority</h2>
        <p class="score-line">
          <span class=${o ? 'score big overridden' : 'score big'}>${priority.score}</span>
          <span class="muted">${o ? 'set by hand' : 'from its evidence and age'}</span>
        </p>
        ${o
          ? html`<div class="override" role="note">
              <p><strong>Overridden to ${o.score}</strong> by ${o.by.displayName}:</p>
              <p class="override-reason">${o.reason}</p>
            </div>`
          : nothing}
        <h3 class="reasons-heading">${o ? 'Without the override it would weigh' : 'Why'}</h3>
        <ul class="reasons">
          ${priority.reasons.map((r) => html`<li>${r}</li>`)}
        </ul>
        ${this.#canOverride
          ? html`<div class="actions">
              <button type="button" class="small" aria-haspopup="dialog" @click=${this.#openOverride}>Override priority</button>
              ${o
                ? html`<button type="button" class="small" ?disabled=${this.pending !== null} @click=${this.#clearOverride}>
                    ${this.pending === 'override' ? 'Clearing…' : 'Clear override'}
                  </button>`
                : nothing}
            </div>`
          : nothing}
      </section>
    `;
  }

  #openOverride(): void {
    this.#override.reset();
    this.dialog = 'override';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#override-score')?.focus());
  }

  #renderOverrideDialog(issue: Issue) {
    const open = this.dialog === 'override';
    const f = this.#override;
    const o = issue.priority.override;
    return html`
      <fl-dialog heading="Override priority" ?open=${open} @fl-close=${this.#closeDialog}>
        ${open
          ? html`
              <form id="override-form" novalidate @submit=${this.#submitOverride}>
                ${f.summaryText()}
                <p class="muted">The computed priority is ${issue.priority.reasons.join(', ')}. An override replaces the score until it is cleared.</p>
                <div class="field">
                  <label for="override-score">Score</label>
                  <input id="override-score" name="score" type="number" inputmode="numeric" min="0" max="1000" step="1" required .value=${String(o?.score ?? issue.priority.score)}
                    aria-invalid=${f.invalid('score')} aria-describedby=${f.describedBy('score', 'override-score-hint')} />
                  <p class="hint" id="override-score-hint">A whole number from 0 to 1000; higher comes first.</p>
                  ${f.errorText('score')}
                </div>
                <div class="field">
                  <label for="override-reason">Reason</label>
                  <textarea id="override-reason" name="reason" rows="3" required maxlength=${LIMITS.overrideReasonLength} .value=${o?.reason ?? ''}
                    aria-invalid=${f.invalid('reason')} aria-describedby=${f.describedBy('reason', 'override-reason-hint')}></textarea>
                  <p class="hint" id="override-reason-hint">Shown to everyone next to the score.</p>
                  ${f.errorText('reason')}
                </div>
              </form>
              <button slot="footer" type="button" @click=${this.#closeDialog}>Cancel</button>
              <button slot="footer" class="primary" type="submit" form="override-form" ?disabled=${f.pending}>${f.pending ? 'Saving…' : 'Set priority'}</button>
            `
          : nothing}
      </fl-dialog>
    `;
  }

  async #submitOverride(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const issue = this.issue;
    if (!issue) return;
    const data = new FormData(event.target as HTMLFormElement);
    const rawScore = text(data, 'score');
    const score = Number(rawScore);
    const reason = text(data, 'reason');
    const problems: Record<string, string> = {};
    if (!rawScore || !Number.isInteger(score) || score < 0 || score > 1000) problems.score = 'Enter a whole number from 0 to 1000.';
    if (!reason) problems.reason = 'Say why the priority is overridden.';
    if (Object.keys(problems).length) {
      this.#override.invalidate(problems);
      return;
    }
    let stale: IssueSummary | null = null;
    const updated = await this.#override.run(async () => {
      try {
        return await updateIssue(issue.id, { version: issue.version, priorityOverride: { score, reason } });
      } catch (error) {
        stale = staleCurrent(error);
        if (stale) return null;
        throw error;
      }
    });
    if (stale) {
      this.dialog = null;
      this.#onStale(stale);
      return;
    }
    if (!updated) return;
    this.issue = updated;
    this.changedBy = null;
    this.dialog = null;
    this.done = `Priority set to ${score}.`;
  }

  async #clearOverride(): Promise<void> {
    const issue = this.issue;
    if (!issue) return;
    await this.#send('override', () => updateIssue(issue.id, { version: issue.version, priorityOverride: null }), 'The priority override was cleared.');
  }

  // ——— Details ———

  #renderDetails(issue: Issue) {
    return html`
      <section class="card details" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl>
          <dt>Kind</dt>
          <dd>${KIND_LABELS[issue.kind]}</dd>
          <dt>Team</dt>
          <dd>${issue.team?.name ?? 'None'}</dd>
          <dt>Assignee</dt>
          <dd>${issue.assignee?.displayName ?? 'Unassigned'}</dd>
          <dt>Raised</dt>
          <dd><fl-time .datetime=${issue.createdAt}></fl-time> by ${issue.createdBy.displayName}</dd>
          ${issue.claimedAt ? html`<dt>Claimed</dt><dd><fl-time .datetime=${issue.claimedAt}></fl-time></dd>` : nothing}
          ${issue.closedAt ? html`<dt>Closed</dt><dd><fl-time .datetime=${issue.closedAt}></fl-time></dd>` : nothing}
          <dt>Updated</dt>
          <dd><fl-time .datetime=${issue.updatedAt}></fl-time></dd>
        </dl>
      </section>
    `;
  }

  // ——— Evidence ———

  #renderEvidence(issue: Issue) {
    return html`
      <section class="evidence" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading" tabindex="-1">Evidence <span class="count">${issue.evidence.length}</span></h2>
        ${this.unlinked
          ? html`<p class="message success" role="status">
              Unlinked the insight by ${this.unlinked.author.displayName}.
              ${this.unlinked.deletedAt ? nothing : html`<button type="button" class="link" @click=${this.#undoUnlink}>Undo</button>`}
            </p>`
          : nothing}
        ${issue.evidence.length === 0
          ? html`<fl-empty-state heading="No evidence linked.">
              <p>Open an insight in the <a href="/">feed</a> that shows this problem and link it: evidence raises the priority and tells its author when the loop closes.</p>
            </fl-empty-state>`
          : html`<ul class="evidence-list">
              ${repeat(
                issue.evidence,
                (e) => e.id,
                (e) => this.#renderInsight(e),
              )}
            </ul>`}
      </section>
    `;
  }

  #renderInsight(e: Insight) {
    const meToo = e.reactions.find((r) => r.kind === 'me_too')?.count ?? 0;
    const deleted = e.deletedAt !== null;
    return html`
      <li class=${deleted ? 'card insight deleted' : 'card insight'}>
        <div class="insight-head">
          <span class="author">${e.author.displayName}</span>
          <span class="muted">· ${CHANNEL_LABELS[e.channel]} ·</span>
          <fl-time class="muted" .datetime=${e.createdAt}></fl-time>
          ${deleted ? html`<span class="badge danger">deleted</span>` : nothing}
        </div>
        ${e.customer
          ? html`<p class="customer">
              <a href=${`/customers/${encodeURIComponent(e.customer.id)}`}>${e.customer.name}</a>${e.customer.company ? html`<span class="muted"> (${e.customer.company})</span>` : nothing}
              <span class=${`tier tier-${e.customer.tier}`}>${TIER_LABELS[e.customer.tier]}</span>
            </p>`
          : nothing}
        <fl-markdown class="excerpt" .source=${e.body}></fl-markdown>
        <div class="insight-foot">
          <span class=${`sentiment sentiment-${e.sentiment}`}>${SENTIMENT_LABELS[e.sentiment]}</span>
          <span class="muted">${plural(meToo, 'me-too', 'me-toos')}</span>
          <span class="spacer"></span>
          ${deleted ? nothing : html`<a href=${`/insights/${encodeURIComponent(e.id)}`}>${e.truncated ? 'Read the whole thread' : 'Open thread'}</a>`}
          <button type="button" class="small" ?disabled=${this.pending !== null} aria-label=${`Unlink the insight by ${e.author.displayName}`} @click=${() => this.#unlink(e)}>
            ${this.pending === `unlink:${e.id}` ? 'Unlinking…' : 'Unlink'}
          </button>
        </div>
      </li>
    `;
  }

  async #unlink(insight: Insight): Promise<void> {
    const issue = this.issue;
    if (!issue) return;
    this.unlinked = null;
    const ok = await this.#send(`unlink:${insight.id}`, () => unlinkEvidence(issue.id, insight.id), '');
    if (ok) {
      this.unlinked = insight;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#evidence-heading')?.focus();
    }
  }

  async #undoUnlink(): Promise<void> {
    const issue = this.issue;
    const insight = this.unlinked;
    if (!issue || !insight) return;
    const ok = await this.#send(`link:${insight.id}`, () => linkEvidence(issue.id, insight.id), '');
    if (ok) this.unlinked = null;
  }

  // ——— History ———

  #renderHistory(issue: Issue) {
    const entries = [...issue.history].reverse();
    return html`
      <section class="history" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        ${entries.length === 0
          ? html`<p class="muted">No changes yet.</p>`
          : html`<ol class="timeline">
              ${entries.map(
                (h) => html`
                  <li class=${`step step-${h.to}`}>
                    <span class="dot" aria-hidden="true"></span>
                    <div class="step-body">
                      <p>
                        <strong>${h.actor?.displayName ?? 'Someone'}</strong> ${historyVerb(h)}
                        <span class="muted">·</span>
                        <fl-time class="muted" .datetime=${h.at}></fl-time>
                      </p>
                      <p class="transition">
                        ${h.from ? html`<span class=${`status status-${h.from}`}>${STATUS_LABELS[h.from]}</span> <span aria-label="to">→</span>` : nothing}
                        <span class=${`status status-${h.to}`}>${STATUS_LABELS[h.to]}</span>
                      </p>
                      ${h.note ? html`<fl-markdown class="note" .source=${h.note}></fl-markdown>` : nothing}
                    </div>
                  </li>
                `,
              )}
            </ol>`}
      </section>
    `;
  }
}

customElements.define('fl-issue-page', IssuePage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-issue-page': IssuePage;
  }
}
