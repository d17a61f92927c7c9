import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CHANNELS, SENTIMENTS, type Channel, type InsightThread, type Reply, type Sentiment } from '../../shared/insights.js';
import { LIMITS, SOURCE_URL_SCHEMES } from '../../shared/limits.js';
import { ApiError, newIdempotencyKey } from '../api/http.js';
import { createReply, deleteInsight, deleteReply, getInsight, restoreInsight, updateInsight, updateReply, type UpdateInsightInput } from '../api/insights.js';
import type { CustomerPicker } from '../components/customer-picker.js';
import '../components/customer-picker.js';
import '../components/empty-state.js';
import '../components/loading-state.js';
import '../components/markdown-view.js';
import type { MentionInput } from '../components/mention-input.js';
import '../components/mention-input.js';
import '../components/modal-dialog.js';
import '../components/raise-issue-dialog.js';
import '../components/reaction-bar.js';
import '../components/relative-time.js';
import type { TagInput } from '../components/tag-input.js';
import '../components/tag-input.js';
import { FormController } from '../controllers/form.js';
import { SessionController } from '../controllers/session.js';
import { LiveController, PresenceController } from '../controllers/live.js';
import '../components/presence-avatars.js';
import { toasts } from '../controllers/toasts.js';
import type { CustomerChoice, FlEvent } from '../events.js';
import { plural } from '../format.js';
import { CHANNEL_LABELS, issueStatusLabel, SENTIMENT_LABELS, TIER_LABELS } from '../labels.js';
import { router } from '../router.js';
import { chips } from '../styles/chips.styles.js';
import { base, cards, controls, messages, page } from '../styles/shared.styles.js';
import { insightPageStyles } from './insight-page.styles.js';

type Confirm = { kind: 'insight' } | { kind: 'reply'; id: string } | null;

/** A source link is shown as a link only when it is http(s); anything else stays text. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return (SOURCE_URL_SCHEMES as readonly string[]).includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

const hostOf = (href: string) => {
  try {
    return new URL(href).host;
  } catch {
    return href;
  }
};

/**
 * `/insights/:id`: the thread. The insight in full with its customer, tags,
 * teams taking part, linked issues and reactions; edit and delete for its
 * author or an admin (an admin also sees deleted ones, and restores them);
 * replies with @mentions, edit and delete of one's own; raising an issue.
 */
export class InsightPage extends LitElement {
  static override styles = [base, page, controls, messages, cards, chips, insightPageStyles];
  static override properties = {
    insightId: { type: String, attribute: 'insight-id' },
    thread: { state: true },
    loadError: { state: true },
    loading: { state: true },
    editing: { state: true },
    editCustomer: { state: true },
    confirm: { state: true },
    raiseOpen: { state: true },
    replyText: { state: true },
    editingReplyId: { state: true },
    replyEditText: { state: true },
    status: { state: true },
  };

  declare insightId: string;
  declare thread: InsightThread | null;
  declare loadError: ApiError | null;
  declare loading: boolean;
  declare editing: boolean;
  declare editCustomer: CustomerChoice | null;
  declare confirm: Confirm;
  declare raiseOpen: boolean;
  declare replyText: string;
  declare editingReplyId: string | null;
  declare replyEditText: string;
  declare status: string;
  readonly #session = new SessionController(this);
  readonly #presence = new PresenceController(this);
  #reloadPending = false;
  #scrolledTo = '';
  /** Replies, reactions, edits and linked issues by anyone update the thread in place, keeping what you type. */
  protected readonly liveUpdates = new LiveController(this, {
    types: ['insight.updated', 'insight.deleted', 'insight.restored', 'reply.created', 'reply.updated', 'reply.deleted', 'reaction.changed', 'evidence.changed', 'issue.transitioned', 'issue.updated'],
    onEvent: (event) => {
      const t = this.thread;
      if (!t) return;
      const data = event.data as { insightId?: string; issueId?: string };
      const concerns = data.insightId === t.id || (data.issueId !== undefined && t.issues.some((i) => i.id === data.issueId));
      // Deleting it myself already took me away from this page; only someone else's deletion needs showing.
      if (event.type === 'insight.deleted' && event.actor?.id === this.#session.user?.id) return;
      if (concerns) this.#reloadWhenIdle();
    },
    onResync: () => this.#reloadWhenIdle(),
  });
  readonly #edit = new FormController(this, 'edit', ['body', 'channel', 'sentiment', 'tags', 'customerId', 'sourceUrl']);
  readonly #reply = new FormController(this, 'reply', ['body']);
  readonly #replyEdit = new FormController(this, 'reply-edit', ['body']);
  readonly #action = new FormController(this, 'action', []);
  #abort: AbortController | null = null;
  #replyKey = newIdempotencyKey();

  constructor() {
    super();
    this.insightId = '';
    this.thread = null;
    this.loadError = null;
    this.loading = false;
    this.editing = false;
    this.editCustomer = null;
    this.confirm = null;
    this.raiseOpen = false;
    this.replyText = '';
    this.editingReplyId = null;
    this.replyEditText = '';
    this.status = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Reloads now, or once the person stops editing the insight or a reply (their text is never replaced). */
  #reloadWhenIdle(): void {
    if (this.editing || this.editingReplyId) {
      this.#reloadPending = true;
      return;
    }
    void this.#load();
  }

  protected override updated(): void {
    if (this.#reloadPending && !this.editing && !this.editingReplyId) {
      this.#reloadPending = false;
      void this.#load();
    }
    // A link to a reply (from search or a notification) brings it into view once it is rendered.
    const hash = location.hash;
    if (this.thread && hash.startsWith('#reply-') && hash !== this.#scrolledTo) {
      const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(hash.slice(1))}"]`);
      if (target) {
        this.#scrolledTo = hash;
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      }
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('insightId')) this.#presence.view(this.insightId ? `insight:${this.insightId}` : null);
    if (changed.has('insightId') && this.insightId) {
      this.thread = null;
      this.editing = false;
      this.editingReplyId = null;
      this.status = '';
      this.replyText = '';
      void this.#load();
    }
  }

  /** Loads (or reloads, quietly) the thread. */
  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.loadError = null;
    try {
      const thread = await getInsight(this.insightId, abort.signal);
      if (abort.signal.aborted) return;
      this.thread = thread;
      document.title = `${thread.author.displayName}: ${thread.body.slice(0, 40)}… · Frontline`;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = error instanceof ApiError ? error : new ApiError(0, 'network', 'The thread could not be loaded.');
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.#abort = null;
      }
    }
  }

  get #canChange(): boolean {
    const me = this.#session.user;
    return Boolean(me && this.thread && (me.id === this.thread.author.id || me.role === 'admin'));
  }

  get #isAdmin(): boolean {
    return this.#session.user?.role === 'admin';
  }

  override render() {
    if (!this.thread) {
      if (this.loadError) return this.#renderLoadError(this.loadError);
      return html`<div aria-busy="true"><fl-loading label="Loading the thread…" rows="6"></fl-loading></div>`;
    }
    const t = this.thread;
    return html`
      <nav class="crumbs" aria-label="Breadcrumb"><a href="/">← Feed</a>
        <fl-presence .viewers=${this.#presence.users} self-id=${this.#session.user?.id ?? ''}></fl-presence></nav>
      <p class="message success" role="status">${this.status}</p>
      ${this.#action.summaryText()}
      <div class="layout">
        <div class="main">
          ${t.deletedAt ? this.#renderDeletedBanner(t) : nothing}
          ${this.editing ? this.#renderEditForm(t) : this.#renderInsight(t)}
          ${this.#renderReplies(t)}
        </div>
        <aside class="side" aria-label="About this thread">${this.#renderSide(t)}</aside>
      </div>
      <fl-dialog
        heading=${this.confirm?.kind === 'reply' ? 'Delete this reply?' : 'Delete this insight?'}
        ?open=${this.confirm !== null}
        @fl-close=${() => (this.confirm = null)}
      >
        ${this.confirm
          ? html`
              <p>
                ${this.confirm.kind === 'reply'
                  ? 'The reply is replaced by “This reply was deleted” for everyone.'
                  : 'It disappears from the feed, the customer’s timeline and search. An admin can restore it.'}
              </p>
              <button slot="footer" type="button" @click=${() => (this.confirm = null)}>Cancel</button>
              <button slot="footer" class="danger" type="button" ?disabled=${this.#action.pending} @click=${this.#confirmDelete}>
                ${this.#action.pending ? 'Deleting…' : 'Delete'}
              </button>
            `
          : nothing}
      </fl-dialog>
      <fl-raise-issue-dialog .insights=${[t]} ?open=${this.raiseOpen} @fl-close=${() => (this.raiseOpen = false)} @fl-issue-raised=${this.#onRaised}></fl-raise-issue-dialog>
    `;
  }

  #renderLoadError(error: ApiError) {
    if (error.status === 404) {
      return html`
        <nav class="crumbs" aria-label="Breadcrumb"><a href="/">← Feed</a></nav>
        <fl-empty-state heading="This insight does not exist or was deleted.">
          <p>It may have been removed by its author. <a href="/">Back to the feed</a>.</p>
        </fl-empty-state>
      `;
    }
    return html`<div class="message error" role="alert">
      The thread could not be loaded: ${error.message} <button class="small" type="button" @click=${() => this.#load()}>Try again</button>
    </div>`;
  }

  #renderDeletedBanner(t: InsightThread) {
    return html`<div class="message warning deleted" role="note">
      <span>This insight was deleted <fl-time .datetime=${t.deletedAt ?? ''}></fl-time>. Only admins see it.</span>
      ${this.#isAdmin ? html`<button class="small" type="button" ?disabled=${this.#action.pending} @click=${this.#restore}>Restore</button>` : nothing}
    </div>`;
  }

  #renderInsight(t: InsightThread) {
    const source = safeHref(t.sourceUrl);
    return html`
      <article class="card insight" aria-labelledby="insight-heading">
        <header>
          <h1 id="insight-heading" class="who">
            <span>${t.author.displayName}</span> <span class="handle muted">@${t.author.handle}</span>
          </h1>
          <fl-time class="muted" .datetime=${t.createdAt}></fl-time>
          ${t.editedAt ? html`<fl-time class="muted edited" prefix="· edited" .datetime=${t.editedAt}></fl-time>` : nothing}
          <span class="badges">
            <span class="badge">${CHANNEL_LABELS[t.channel] ?? t.channel}</span>
            <span class="badge ${t.sentiment}">${SENTIMENT_LABELS[t.sentiment] ?? t.sentiment}</span>
          </span>
        </header>
        ${t.customer
          ? html`<p class="customer">
              <span class="muted">Customer</span>
              <a href=${`/customers/${encodeURIComponent(t.customer.id)}`}>${t.customer.name}</a>
              ${t.customer.company ? html`<span class="muted">· ${t.customer.company}</span>` : nothing}
              ${t.customer.tier !== 'standard' ? html`<span class="badge tier-${t.customer.tier}">${TIER_LABELS[t.customer.tier]}</span>` : nothing}
            </p>`
          : nothing}
        <fl-markdown class="body" .source=${t.body}></fl-markdown>
        ${t.sourceUrl
          ? html`<p class="source">
              <span class="muted">Source</span>
              ${source
                ? html`<a href=${source} target="_blank" rel="noopener noreferrer nofollow external">${hostOf(source)} ↗</a>`
                : html`<span>${t.sourceUrl}</span>`}
            </p>`
          : nothing}
        ${t.tags.length
          ? html`<ul class="chips" aria-label="Tags">
              ${t.tags.map((tag) => html`<li><a class="chip tag" href=${`/?tag=${encodeURIComponent(tag)}`}>${tag}</a></li>`)}
            </ul>`
          : nothing}
        <footer>
          <fl-reactions insight-id=${t.id} .reactions=${t.reactions} ?disabled=${Boolean(t.deletedAt)} @fl-reactions-change=${this.#onReactions}></fl-reactions>
          <div class="actions">
            ${t.deletedAt ? nothing : html`<button type="button" class="small" @click=${() => (this.raiseOpen = true)}>Raise issue</button>`}
            ${this.#canChange && !t.deletedAt
              ? html`
                  <button type="button" class="small" @click=${this.#startEdit}>Edit<span class="visually-hidden"> insight</span></button>
                  <button type="button" class="small danger" @click=${() => (this.confirm = { kind: 'insight' })}>Delete<span class="visually-hidden"> insight</span></button>
                `
              : nothing}
          </div>
        </footer>
      </article>
    `;
  }

  #renderSide(t: InsightThread) {
    return html`
      <section class="card side-card" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams taking part</h2>
        ${t.teamsTakingPart.length
          ? html`<ul class="chips" aria-label="Teams taking part">
              ${t.teamsTakingPart.map((team) => html`<li><a class="badge team" href=${`/?team=${encodeURIComponent(team.slug)}`}>${team.name}</a></li>`)}
            </ul>`
          : html`<p class="muted small">No team yet.</p>`}
        <p class="hint">Mention <code>@team</code> in a reply to pull a team in.</p>
      </section>
      <section class="card side-card" aria-labelledby="issues-heading">
        <h2 id="issues-heading">Issues</h2>
        ${t.issues.length
          ? html`<ul class="issue-list">
              ${t.issues.map(
                (issue) => html`<li>
                  <a href=${`/issues/${encodeURIComponent(issue.id)}`}>${issue.title}</a>
                  <span class="status ${issue.status}">${issueStatusLabel(issue.status)}</span>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted small">No issue raised from this insight yet: use “Raise issue” when a team should act on it.</p>`}
      </section>
    `;
  }

  #renderEditForm(t: InsightThread) {
    const f = this.#edit;
    return html`
      <form class="card edit" novalidate aria-labelledby="edit-heading" @submit=${this.#saveEdit} @keydown=${this.#ctrlEnterSubmits}>
        <h1 id="edit-heading" class="edit-title">Edit insight</h1>
        ${f.summaryText()}
        <fl-mention-input id="edit-body" label="What did the customer say?" rows="8" maxlength=${LIMITS.insightBodyLength} .value=${t.body}
          .error=${f.errorFor('body') ?? ''}></fl-mention-input>
        <div class="grid-2">
          <div class="field">
            <label for="edit-channel">Channel</label>
            <select id="edit-channel" name="channel" aria-invalid=${f.invalid('channel')} aria-describedby=${f.describedBy('channel')}>
              ${CHANNELS.map((c) => html`<option value=${c} ?selected=${c === t.channel}>${CHANNEL_LABELS[c]}</option>`)}
            </select>
            ${f.errorText('channel')}
          </div>
          <div class="field">
            <label for="edit-sentiment">Sentiment</label>
            <select id="edit-sentiment" name="sentiment" aria-invalid=${f.invalid('sentiment')} aria-describedby=${f.describedBy('sentiment')}>
              ${SENTIMENTS.map((s) => html`<option value=${s} ?selected=${s === t.sentiment}>${SENTIMENT_LABELS[s]}</option>`)}
            </select>
            ${f.errorText('sentiment')}
          </div>
        </div>
        <div class="grid-2">
          <fl-tag-input id="edit-tags" .tags=${t.tags} .error=${f.errorFor('tags') ?? ''}></fl-tag-input>
          <fl-customer-picker id="edit-customerId" label="Customer" .choice=${this.editCustomer}
            .error=${f.errorFor('customerId') ?? ''} @fl-customer-change=${(e: FlEvent<'fl-customer-change'>) => (this.editCustomer = e.detail.choice)}></fl-customer-picker>
        </div>
        <div class="field">
          <label for="edit-sourceUrl">Source link (optional)</label>
          <input id="edit-sourceUrl" name="sourceUrl" type="url" maxlength=${LIMITS.sourceUrlLength} .value=${t.sourceUrl ?? ''}
            aria-invalid=${f.invalid('sourceUrl')} aria-describedby=${f.describedBy('sourceUrl')} />
          ${f.errorText('sourceUrl')}
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Saving…' : 'Save changes'}</button>
          <button type="button" @click=${this.#cancelEdit}>Cancel</button>
          <span class="hint"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves</span>
        </div>
      </form>
    `;
  }

  #renderReplies(t: InsightThread) {
    const live = t.replies.filter((r) => !r.deletedAt).length;
    const f = this.#reply;
    return html`
      <section class="replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading">${t.replies.length ? plural(live, 'reply', 'replies') : 'Replies'}</h2>
        ${t.replies.length
          ? html`<ol class="reply-list">${t.replies.map((r) => html`<li id=${`reply-${r.id}`} tabindex="-1">${this.#renderReply(r)}</li>`)}</ol>`
          : html`<p class="muted">No replies yet. Ask a question, add what you know, or <code>@mention</code> a team that can help.</p>`}
        ${t.deletedAt
          ? nothing
          : html`
              <form class="reply-form card" novalidate aria-label="Reply" @submit=${this.#sendReply}>
                ${f.summaryText()}
                <fl-mention-input
                  id="reply-body"
                  label="Your reply"
                  rows="3"
                  maxlength=${LIMITS.replyBodyLength}
                  placeholder="Add to the thread… @mention people or teams"
                  .value=${this.replyText}
                  .error=${f.errorFor('body') ?? ''}
                  @input=${(e: Event) => (this.replyText = (e.currentTarget as MentionInput).value)}
                  @fl-submit=${() => this.#sendReply()}
                ></fl-mention-input>
                <div class="actions">
                  <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Sending…' : 'Send reply'}</button>
                </div>
              </form>
            `}
      </section>
    `;
  }

  #renderReply(r: Reply) {
    const me = this.#session.user;
    const mine = Boolean(me && (me.id === r.author.id || me.role === 'admin'));
    if (r.deletedAt) {
      return html`<article class="reply deleted" aria-label="Deleted reply">
        <p class="muted">This reply was deleted <fl-time .datetime=${r.deletedAt}></fl-time>.</p>
      </article>`;
    }
    const editing = this.editingReplyId === r.id;
    const f = this.#replyEdit;
    return html`
      <article class="reply" aria-label=${`Reply by ${r.author.displayName}`}>
        <header>
          <strong>${r.author.displayName}</strong>
          <span class="muted handle">@${r.author.handle}</span>
          <fl-time class="muted" .datetime=${r.createdAt}></fl-time>
          ${r.editedAt ? html`<span class="muted edited">(edited)</span>` : nothing}
          ${mine && !editing && !this.thread?.deletedAt
            ? html`<span class="reply-actions">
                <button class="link" type="button" @click=${() => this.#startReplyEdit(r)}>Edit<span class="visually-hidden"> reply</span></button>
                <button class="link danger-link" type="button" @click=${() => (this.confirm = { kind: 'reply', id: r.id })}>Delete<span class="visually-hidden"> reply</span></button>
              </span>`
            : nothing}
        </header>
        ${editing
          ? html`<form class="reply-edit" novalidate aria-label="Edit reply" @submit=${(e: SubmitEvent) => this.#saveReply(e, r)}>
              ${f.summaryText()}
              <fl-mention-input
                id="reply-edit-body"
                label="Edit your reply"
                rows="3"
                maxlength=${LIMITS.replyBodyLength}
                .value=${this.replyEditText}
                .error=${f.errorFor('body') ?? ''}
                @input=${(e: Event) => (this.replyEditText = (e.currentTarget as MentionInput).value)}
                @fl-submit=${() => this.#saveReply(null, r)}
              ></fl-mention-input>
              <div class="actions">
                <button class="primary small" type="submit" ?disabled=${f.pending}>${f.pending ? 'Saving…' : 'Save'}</button>
                <button class="small" type="button" @click=${() => (this.editingReplyId = null)}>Cancel</button>
              </div>
            </form>`
          : html`<fl-markdown .source=${r.body}></fl-markdown>`}
      </article>
    `;
  }

  async #startEdit(): Promise<void> {
    const t = this.thread;
    if (!t) return;
    this.#edit.reset();
    this.editCustomer = t.customer ? { kind: 'existing', customer: t.customer } : null;
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<MentionInput>('#edit-body')?.focus();
  }

  async #cancelEdit(): Promise<void> {
    this.editing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#insight-heading')?.scrollIntoView({ block: 'nearest' });
  }

  #ctrlEnterSubmits(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void this.#saveEdit();
    }
  }

  async #saveEdit(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const t = this.thread;
    const root = this.renderRoot;
    if (!t) return;
    const tagInput = root.querySelector<TagInput>('#edit-tags');
    const picker = root.querySelector<CustomerPicker>('#edit-customerId');
    if (tagInput && !tagInput.commit()) return;
    if (picker?.typedText) {
      this.#edit.invalidate({ customerId: `Pick “${picker.typedText}” from the list, or clear the field.` });
      return;
    }
    const body = root.querySelector<MentionInput>('#edit-body')?.value.trim() ?? t.body;
    const channel = root.querySelector<HTMLSelectElement>('#edit-channel')?.value as Channel;
    const sentiment = root.querySelector<HTMLSelectElement>('#edit-sentiment')?.value as Sentiment;
    const sourceUrl = root.querySelector<HTMLInputElement>('#edit-sourceUrl')?.value.trim() ?? '';
    const tags = tagInput?.tags ?? t.tags;
    const customerId = this.editCustomer?.kind === 'existing' ? this.editCustomer.customer.id : null;
    const changes: UpdateInsightInput = {};
    if (body !== t.body) changes.body = body;
    if (channel !== t.channel) changes.channel = channel;
    if (sentiment !== t.sentiment) changes.sentiment = sentiment;
    if (tags.join(',') !== t.tags.join(',')) changes.tags = tags;
    if ((sourceUrl || null) !== t.sourceUrl) changes.sourceUrl = sourceUrl || null;
    if (customerId !== (t.customer?.id ?? null)) changes.customerId = customerId;
    if (!body) {
      this.#edit.invalidate({ body: 'Write what the customer said.' });
      return;
    }
    if (Object.keys(changes).length === 0) {
      this.editing = false;
      return;
    }
    const saved = await this.#edit.run(() => updateInsight(t.id, changes));
    if (!saved) return;
    this.editing = false;
    this.status = 'Your changes were saved.';
    await this.#load();
  }

  async #confirmDelete(): Promise<void> {
    const target = this.confirm;
    const t = this.thread;
    if (!target || !t) return;
    if (target.kind === 'insight') {
      const done = await this.#action.run(async () => {
        await deleteInsight(t.id);
        return true;
      });
      this.confirm = null;
      if (!done) return;
      if (this.#isAdmin) {
        this.status = 'The insight was deleted. You can restore it.';
        await this.#load();
      } else {
        toasts.show('The insight was deleted.');
        router.navigate('/');
      }
      return;
    }
    const done = await this.#action.run(async () => {
      await deleteReply(target.id);
      return true;
    });
    this.confirm = null;
    if (!done) return;
    this.status = 'The reply was deleted.';
    await this.#load();
  }

  async #restore(): Promise<void> {
    const t = this.thread;
    if (!t) return;
    const restored = await this.#action.run(() => restoreInsight(t.id));
    if (!restored) return;
    this.status = 'The insight was restored.';
    await this.#load();
  }

  async #sendReply(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const t = this.thread;
    if (!t) return;
    const body = this.replyText.trim();
    if (!body) {
      this.#reply.invalidate({ body: 'Write a reply.' });
      return;
    }
    const reply = await this.#reply.run(() => createReply(t.id, body, this.#replyKey));
    if (!reply) return;
    this.#replyKey = newIdempotencyKey();
    this.replyText = '';
    this.status = 'Your reply was posted.';
    await this.#load();
    this.renderRoot.querySelector<MentionInput>('#reply-body')?.focus();
  }

  async #startReplyEdit(r: Reply): Promise<void> {
    this.#replyEdit.reset();
    this.replyEditText = r.body;
    this.editingReplyId = r.id;
    await this.updateComplete;
    this.renderRoot.querySelector<MentionInput>('#reply-edit-body')?.focus();
  }

  async #saveReply(event: SubmitEvent | null, r: Reply): Promise<void> {
    event?.preventDefault();
    const body = this.replyEditText.trim();
    if (!body) {
      this.#replyEdit.invalidate({ body: 'Write a reply, or delete it instead.' });
      return;
    }
    if (body === r.body) {
      this.editingReplyId = null;
      return;
    }
    const saved = await this.#replyEdit.run(() => updateReply(r.id, body));
    if (!saved) return;
    this.editingReplyId = null;
    this.status = 'Your reply was updated.';
    await this.#load();
  }

  #onReactions(event: FlEvent<'fl-reactions-change'>): void {
    if (this.thread) this.thread = { ...this.thread, reactions: event.detail.reactions };
  }

  #onRaised(event: FlEvent<'fl-issue-raised'>): void {
    const { issue } = event.detail;
    this.raiseOpen = false;
    toasts.show(`Issue “${issue.title}” was raised.`);
    router.navigate(`/issues/${encodeURIComponent(issue.id)}`);
  }
}

customElements.define('fl-insight-page', InsightPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-insight-page': InsightPage;
  }
}
