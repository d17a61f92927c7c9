import { html, LitElement, nothing } from 'lit';
import type { User } from '../shared/users.js';
import { setUnauthenticatedHandler } from './api/http.js';
import './components/app-header.js';
import type { CommandPalette } from './components/command-palette.js';
import './components/command-palette.js';
import './components/insight-composer.js';
import './components/modal-dialog.js';
import './components/shortcuts-list.js';
import './components/toast-region.js';
import { RouteController } from './controllers/route.js';
import { session, SessionController } from './controllers/session.js';
import { live } from './api/live.js';
import './components/live-status.js';
import { ShortcutsController } from './controllers/shortcuts.js';
import type { FlEvent } from './events.js';
import './pages/accept-invite-page.js';
import './pages/admin/admin-page.js';
import './pages/customer-page.js';
import './pages/customers-page.js';
import './pages/dashboard-page.js';
import './pages/feed-page.js';
import './pages/insight-page.js';
import './pages/issue-page.js';
import './pages/issues-page.js';
import './pages/login-page.js';
import './pages/not-found-page.js';
import './pages/search-page.js';
import { router, type Route } from './router.js';
import { base, controls } from './styles/shared.styles.js';
import { appShellStyles } from './app-shell.styles.js';

type OpenDialog = 'shortcuts' | 'compose' | null;

const pathOf = (route: Route) => route.href.split('?')[0] ?? '/';

/**
 * The app: checks the session, guards the routes (signed out → /login?next=),
 * draws the header and the current page, sets the title, moves focus to the
 * content on navigation, and owns the global shortcuts and their dialogs.
 */
export class AppShell extends LitElement {
  static override styles = [base, controls, appShellStyles];
  static override properties = { dialog: { state: true } };

  declare dialog: OpenDialog;
  readonly #session = new SessionController(this);
  readonly #route = new RouteController(this);
  #lastPath: string | null = null;
  #signingOut = false;

  constructor() {
    super();
    this.dialog = null;
    new ShortcutsController(this, {
      enabled: () => this.#session.status === 'signed-in' && !this.#route.route.public && this.dialog === null,
      compose: () => (this.dialog = 'compose'),
      search: () => void this.renderRoot.querySelector<CommandPalette>('fl-command-palette')?.show(),
      help: () => (this.dialog = 'shortcuts'),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    router.start();
    setUnauthenticatedHandler(() => session.expired());
    void session.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setUnauthenticatedHandler(null);
  }

  override render() {
    const route = this.#route.route;
    const { status, user } = this.#session;
    if (route.public) {
      if (route.name === 'login' && status === 'signed-in') return nothing;
      return html`${this.#skipLink()}<main id="main" class="bare" tabindex="-1">${this.#page(route, user)}</main>`;
    }
    if (status === 'signed-in' && user) {
      return html`
        ${this.#skipLink()}
        <fl-app-header
          .user=${user}
          .current=${route.name}
          .query=${route.name === 'search' ? (route.query.get('q') ?? '') : ''}
          @fl-search=${this.#onSearch}
          @fl-sign-out=${this.#signOut}
          @fl-show-shortcuts=${() => (this.dialog = 'shortcuts')}
        ></fl-app-header>
        <fl-live-status></fl-live-status>
        <main id="main" tabindex="-1" @fl-compose=${() => (this.dialog = 'compose')}>${this.#page(route, user)}</main>
        ${this.#dialogs()}
      `;
    }
    if (status === 'error') {
      return html`
        <main id="main" tabindex="-1" class="boot">
          <div class="card" role="alert">
            <p><strong>Frontline could not be reached.</strong></p>
            <p>${this.#session.store.error?.message ?? 'Check your connection and try again.'}</p>
            <p><button type="button" @click=${() => session.load()}>Try again</button></p>
          </div>
        </main>
      `;
    }
    if (status === 'signed-out') return nothing;
    return html`<main id="main" class="boot" aria-busy="true"><p role="status">Loading Frontline…</p></main>`;
  }

  protected override updated(): void {
    const route = this.#route.route;
    const status = this.#session.status;
    // One live connection per tab while someone is signed in.
    if (status === 'signed-in') live.start();
    else if (status === 'signed-out') live.stop();
    if (status === 'signed-out' && !route.public && !this.#signingOut) {
      const next = route.href === '/' ? '' : `?next=${encodeURIComponent(route.href)}`;
      router.navigate(`/login${next}`, { replace: true });
      return;
    }
    if (status === 'signed-in' && route.name === 'login') {
      router.navigate('/', { replace: true });
      return;
    }
    document.title = `${route.title} · Frontline`;
    // After a navigation to another page, reading starts at its content (not for tab or query changes).
    const path = pathOf(route);
    if (this.#lastPath !== null && this.#lastPath !== path && !route.public) {
      this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    }
    this.#lastPath = path;
  }

  #skipLink() {
    return html`<a class="skip-link" href="#main" @click=${this.#skip}>Skip to content</a>`;
  }

  #skip(event: MouseEvent): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  #page(route: Route, user: User | null) {
    switch (route.name) {
      case 'login':
        return html`<fl-login-page .next=${route.query.get('next') ?? '/'}></fl-login-page>`;
      case 'accept-invite':
        return html`<fl-accept-invite-page .token=${route.query.get('token') ?? ''}></fl-accept-invite-page>`;
      case 'feed':
        return html`<fl-feed-page></fl-feed-page>`;
      case 'insight':
        return html`<fl-insight-page .insightId=${route.params.id ?? ''}></fl-insight-page>`;
      case 'issues':
        return html`<fl-issues-page></fl-issues-page>`;
      case 'issue':
        return html`<fl-issue-page .issueId=${route.params.id ?? ''}></fl-issue-page>`;
      case 'customers':
        return html`<fl-customers-page></fl-customers-page>`;
      case 'customer':
        return html`<fl-customer-page .customerId=${route.params.id ?? ''}></fl-customer-page>`;
      case 'search':
        return html`<fl-search-page .query=${route.query.get('q') ?? ''}></fl-search-page>`;
      case 'dashboard':
        return html`<fl-dashboard-page></fl-dashboard-page>`;
      case 'admin':
        return html`<fl-admin-page .user=${user} .tab=${route.query.get('tab') ?? ''}></fl-admin-page>`;
      case 'not-found':
        return html`<fl-not-found-page></fl-not-found-page>`;
    }
  }

  #dialogs() {
    const close = () => (this.dialog = null);
    return html`
      <fl-dialog heading="Keyboard shortcuts" ?open=${this.dialog === 'shortcuts'} @fl-close=${close}>
        <fl-shortcuts-list></fl-shortcuts-list>
      </fl-dialog>
      <fl-insight-composer ?open=${this.dialog === 'compose'} @fl-close=${close}></fl-insight-composer>
      <fl-command-palette></fl-command-palette>
      <fl-toasts></fl-toasts>
    `;
  }

  #onSearch(event: FlEvent<'fl-search'>): void {
    router.navigate(`/search?q=${encodeURIComponent(event.detail.query)}`);
  }

  async #signOut(): Promise<void> {
    this.#signingOut = true;
    try {
      await session.logout();
    } catch {
      // Signed out locally all the same; the session cookie expires on its own.
    }
    router.navigate('/login');
    this.#signingOut = false;
  }
}

customElements.define('fl-app', AppShell);

declare global {
  interface HTMLElementTagNameMap {
    'fl-app': AppShell;
  }
}
