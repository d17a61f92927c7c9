import { html, LitElement, nothing } from 'lit';
import { STATUS_LABELS, type IssueStatus } from '../../shared/issues.js';
import { listNotifications, type Notification } from '../api/notifications.js';
import { ApiError } from '../api/http.js';
import { NotificationsController, notifications } from '../controllers/notifications.js';
import { PagedListController } from '../controllers/paged-list.js';
import { base, controls, messages } from '../styles/shared.styles.js';
import { listInWords } from './issue-words.js';
import './loading-state.js';
import { renderMarkdown } from './markdown-view.js';
import { notificationBellStyles } from './notification-bell.styles.js';
import './relative-time.js';

const PAGE = 20;

/** User-written Markdown as one line of plain text (sanitized first; the template is inert). */
export function markdownToText(source: string): string {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(source);
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const nameOf = (value: unknown): string =>
  value !== null && typeof value === 'object' && 'displayName' in value ? str((value as { displayName: unknown }).displayName) || 'Someone' : 'Someone';
const statusOf = (value: unknown): IssueStatus | null => (typeof value === 'string' && value in STATUS_LABELS ? (value as IssueStatus) : null);

interface CustomerWords {
  name?: unknown;
  company?: unknown;
}

/** One notification in words, and where it leads. */
export function describeNotification(n: Notification): { text: string; note: string; href: string } {
  const d = n.data;
  const by = nameOf(d.by);
  const title = `“${str(d.title) || 'an issue'}”`;
  const note = str(d.note) ? markdownToText(str(d.note)) : '';
  const issueId = str(d.issueId) || (n.subject.type === 'issue' ? n.subject.id : '');
  const link = str(d.link);
  const issueHref = link.startsWith('/') && !link.startsWith('//') ? link : issueId ? `/issues/${encodeURIComponent(issueId)}` : '/issues';
  const to = statusOf(d.to);
  const from = statusOf(d.from);
  switch (n.kind) {
    case 'mention': {
      const insightId = str(d.insightId) || n.subject.id;
      return { text: `${by} mentioned you: ${markdownToText(str(d.excerpt))}`, note: '', href: `/insights/${encodeURIComponent(insightId)}` };
    }
    case 'claimed':
      return { text: `${by} claimed ${title}`, note: '', href: issueHref };
    case 'loop_closed': {
      const customers = Array.isArray(d.customers) ? (d.customers as CustomerWords[]) : [];
      const who = customers.map((c) => (str(c.company) ? `${str(c.name)} (${str(c.company)})` : str(c.name))).filter(Boolean);
      const what = to === 'wont_fix' ? 'won’t be fixed' : 'was resolved';
      const tell = who.length ? ` — tell ${listInWords(who, 'and')}` : '';
      return { text: `Loop closed: ${title} ${what}${tell}`, note, href: issueHref };
    }
    case 'status': {
      let verb: string;
      switch (to) {
        case 'resolved':
          verb = `resolved ${title}`;
          break;
        case 'wont_fix':
          verb = `marked ${title} won’t fix`;
          break;
        case 'in_progress':
          verb = `started work on ${title}`;
          break;
        case 'claimed':
          verb = `claimed ${title}`;
          break;
        case 'open':
          verb = from === 'resolved' || from === 'wont_fix' ? `reopened ${title}` : `unclaimed ${title}`;
          break;
        default:
          verb = `changed ${title}`;
      }
      return { text: `${by} ${verb}`, note, href: issueHref };
    }
  }
}

/**
 * The header's bell: the unread count on a button that opens the list of
 * notifications (a modal panel: focus stays inside, Esc closes, focus goes
 * back to the bell). Opening one marks it read; "Mark all read" reads all.
 */
export class NotificationBell extends LitElement {
  static override styles = [base, controls, messages, notificationBellStyles];
  static override properties = {
    open: { state: true },
    error: { state: true },
  };

  declare open: boolean;
  declare error: string;

  readonly #count = new NotificationsController(this);
  readonly #list = new PagedListController<Notification>(
    this,
    async (cursor, signal) => {
      const page = await listNotifications({ limit: PAGE, cursor }, signal);
      notifications.setUnreadCount(page.unreadCount);
      return page;
    },
    (n) => n.id,
  );
  /** Set when a notification's link was followed: the page takes the focus, not the bell. */
  #navigating = false;

  constructor() {
    super();
    this.open = false;
    this.error = '';
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Asks for the count now (for live events). */
  refresh(): Promise<void> {
    return notifications.refresh();
  }

  override render() {
    const count = this.#count.unreadCount;
    const label = `Notifications, ${count} unread`;
    return html`
      <button class="bell" type="button" aria-label=${label} title=${label} aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'} @click=${this.#toggle}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        ${count > 0 ? html`<span class="count" aria-hidden="true">${count > 99 ? '99+' : count}</span>` : nothing}
      </button>
      <dialog aria-labelledby="notifications-heading" @close=${this.#onClose} @click=${this.#onBackdrop}>
        ${this.open ? this.#renderPanel(count) : nothing}
      </dialog>
    `;
  }

  #renderPanel(count: number) {
    const list = this.#list;
    return html`
      <header>
        <h2 id="notifications-heading">Notifications</h2>
        <span class="unread-count">${count > 0 ? `${count} unread` : 'All read'}</span>
        <button type="button" class="small" ?disabled=${count === 0} @click=${this.#markAll}>Mark all read</button>
        <button type="button" class="close" aria-label="Close" title="Close (Esc)" @click=${() => this.#dialog?.close()}>✕</button>
      </header>
      <div class="body" aria-busy=${list.loading ? 'true' : 'false'}>
        ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
        ${list.loading === 'initial' ? html`<fl-loading label="Loading notifications…" rows="3"></fl-loading>` : nothing}
        ${list.error && !list.loaded
          ? html`<p class="message error" role="alert">${list.error.message} <button type="button" class="small" @click=${() => list.reload()}>Try again</button></p>`
          : nothing}
        ${list.loaded && list.items.length === 0
          ? html`<div class="empty">
              <p><strong>Nothing yet.</strong></p>
              <p>You will hear here when someone mentions you, claims or resolves an issue you gave evidence for, and when a loop closes.</p>
            </div>`
          : nothing}
        ${list.items.length > 0
          ? html`<ul class="items">
              ${list.items.map((n) => this.#renderItem(n))}
            </ul>`
          : nothing}
        ${list.nextCursor
          ? html`<div class="more">
              <button type="button" class="small" ?disabled=${list.loading === 'more'} @click=${() => list.loadMore()}>${list.loading === 'more' ? 'Loading…' : 'Load more'}</button>
            </div>`
          : nothing}
      </div>
    `;
  }

  #renderItem(n: Notification) {
    const { text, note, href } = describeNotification(n);
    const unread = n.readAt === null;
    return html`
      <li class=${`item kind-${n.kind}${unread ? ' unread' : ''}`}>
        <a href=${href} @click=${() => this.#follow(n, href)}>
          <span class="dot" aria-hidden="true"></span>
          <span class="what">
            <span class="text">${unread ? html`<span class="visually-hidden">Unread: </span>` : nothing}${text}${note ? ':' : ''}</span>
            ${note ? html`<span class="note">${note}</span>` : nothing}
            <fl-time class="when" .datetime=${n.createdAt}></fl-time>
          </span>
        </a>
      </li>
    `;
  }

  async #toggle(): Promise<void> {
    if (this.open) {
      this.#dialog?.close();
      return;
    }
    this.open = true;
    this.error = '';
    await this.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    await this.#list.reload();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.items a')?.focus();
  }

  #onClose(): void {
    this.open = false;
    if (!this.#navigating) this.renderRoot.querySelector<HTMLElement>('button.bell')?.focus();
    this.#navigating = false;
  }

  /** A click on the backdrop (outside the panel) closes it. */
  #onBackdrop(event: MouseEvent): void {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  }

  /** Following a notification marks it read and closes the panel; the router takes the link. */
  #follow(n: Notification, href: string): void {
    if (n.readAt === null) {
      this.#list.upsert({ ...n, readAt: new Date().toISOString() });
      notifications.markRead([n.id]).catch(() => notifications.refresh());
    }
    // Another page takes the focus when it opens; on the same page, the bell gets it back.
    this.#navigating = href.split('?')[0] !== location.pathname;
    this.#dialog?.close();
  }

  async #markAll(): Promise<void> {
    this.error = '';
    try {
      await notifications.markAllRead();
      const now = new Date().toISOString();
      for (const n of this.#list.items) if (n.readAt === null) this.#list.upsert({ ...n, readAt: now });
    } catch (error) {
      this.error = error instanceof ApiError ? `Could not mark them read: ${error.message}` : 'Could not mark them read.';
    }
  }
}

customElements.define('fl-notification-bell', NotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'fl-notification-bell': NotificationBell;
  }
}
