import { html, LitElement } from 'lit';
import type { User } from '../../shared/users.js';
import { emit } from '../events.js';
import type { RouteName } from '../router.js';
import { base, controls } from '../styles/shared.styles.js';
import { appHeaderStyles } from './app-header.styles.js';
import './notification-bell.js';

interface NavItem {
  href: string;
  label: string;
  /** Routes under this item, for `aria-current`. */
  routes: RouteName[];
  managersOnly?: boolean;
}

const NAV: readonly NavItem[] = [
  { href: '/', label: 'Feed', routes: ['feed', 'insight'] },
  { href: '/issues', label: 'Issues', routes: ['issues', 'issue'] },
  { href: '/customers', label: 'Customers', routes: ['customers', 'customer'] },
  { href: '/dashboard', label: 'Dashboard', routes: ['dashboard'] },
  { href: '/admin', label: 'Admin', routes: ['admin'], managersOnly: true },
];

const ROLE_WORDS = { admin: 'Admin', lead: 'Lead', member: 'Member' } as const;

/**
 * The top bar: product name, main navigation, search box, the notification
 * bell, who is signed in and sign-out. Reports `fl-search`, `fl-sign-out` and `fl-show-shortcuts`.
 */
export class AppHeader extends LitElement {
  static override styles = [base, controls, appHeaderStyles];
  static override properties = {
    user: { attribute: false },
    current: { type: String },
    query: { type: String },
  };

  declare user: User | null;
  declare current: RouteName;
  declare query: string;

  constructor() {
    super();
    this.user = null;
    this.current = 'feed';
    this.query = '';
  }

  /** Puts the cursor in the search box (`/` and Ctrl/Cmd+K open the quick-search palette instead). */
  focusSearch(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    input?.focus();
    input?.select();
  }

  override render() {
    const manager = this.user?.role === 'admin' || this.user?.role === 'lead';
    return html`
      <header>
        <a class="brand" href="/"><span class="logo" aria-hidden="true">F</span>Frontline</a>
        <nav aria-label="Main">
          <ul>
            ${NAV.filter((item) => !item.managersOnly || manager).map(
              (item) => html`<li><a href=${item.href} aria-current=${item.routes.includes(this.current) ? 'page' : 'false'}>${item.label}</a></li>`,
            )}
          </ul>
        </nav>
        <form class="search" role="search" aria-label="Search Frontline" @submit=${this.#onSearch}>
          <label for="search" class="visually-hidden">Search Frontline</label>
          <input
            id="search"
            name="q"
            type="search"
            placeholder="Search…"
            autocomplete="off"
            enterkeyhint="search"
            .value=${this.query}
            @keydown=${this.#onSearchKey}
          />
          <kbd aria-hidden="true">/</kbd>
        </form>
        <div class="me">
          <fl-notification-bell></fl-notification-bell>
          <button class="icon" type="button" aria-label="Keyboard shortcuts" aria-keyshortcuts="Shift+?" title="Keyboard shortcuts (?)" @click=${() => emit(this, 'fl-show-shortcuts', {})}>
            ?
          </button>
          ${this.user
            ? html`<span class="name" title=${this.user.email}>${this.user.displayName}</span>
                <span class="role">${ROLE_WORDS[this.user.role]}</span>`
            : ''}
          <button type="button" @click=${() => emit(this, 'fl-sign-out', {})}>Sign out</button>
        </div>
      </header>
    `;
  }

  #onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    const query = input?.value.trim() ?? '';
    if (query) emit(this, 'fl-search', { query });
  }

  #onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    const input = event.target as HTMLInputElement;
    if (input.value) input.value = '';
    else input.blur();
  }
}

customElements.define('fl-app-header', AppHeader);

declare global {
  interface HTMLElementTagNameMap {
    'fl-app-header': AppHeader;
  }
}
