import { html, LitElement, nothing } from 'lit';
import type { User } from '../../../shared/users.js';
import { router } from '../../router.js';
import { base, controls, messages } from '../../styles/shared.styles.js';
import { adminPageStyles } from './admin-page.styles.js';
import './teams-panel.js';
import './tokens-panel.js';
import './users-panel.js';

type Tab = 'users' | 'teams' | 'tokens';

const TABS: readonly { id: Tab; label: string; adminOnly: boolean }[] = [
  { id: 'users', label: 'Users', adminOnly: true },
  { id: 'teams', label: 'Teams', adminOnly: false },
  { id: 'tokens', label: 'API tokens', adminOnly: true },
];

/**
 * `/admin`: admins manage users, teams and API tokens (one tab each, the tab
 * in `?tab=`); leads see the Teams part only; members are told it is not for them.
 */
export class AdminPage extends LitElement {
  static override styles = [base, controls, messages, adminPageStyles];
  static override properties = {
    user: { attribute: false },
    tab: { type: String },
  };

  declare user: User | null;
  declare tab: string;

  constructor() {
    super();
    this.user = null;
    this.tab = '';
  }

  get #tabs() {
    return TABS.filter((t) => !t.adminOnly || this.user?.role === 'admin');
  }

  override render() {
    const user = this.user;
    if (!user) return nothing;
    if (user.role === 'member') {
      return html`
        <section class="not-allowed" aria-labelledby="admin-heading">
          <div class="page-head"><h1 id="admin-heading">Admin</h1></div>
          <p class="message warning">Only admins and leads can manage the workspace.</p>
        </section>
      `;
    }
    const tabs = this.#tabs;
    const active = tabs.find((t) => t.id === this.tab) ?? tabs[0];
    if (!active) return nothing;
    return html`
      <div class="page-head">
        <h1>Admin</h1>
        <p class="lede">
          ${user.role === 'admin' ? 'People, teams and API tokens of this workspace.' : 'As a lead you manage the teams: create them and choose their members.'}
        </p>
      </div>
      ${tabs.length > 1
        ? html`
            <div role="tablist" aria-label="Admin sections" @keydown=${this.#onTabKey}>
              ${tabs.map(
                (t) => html`
                  <button role="tab" type="button" id=${`tab-${t.id}`} aria-controls=${`panel-${t.id}`} aria-selected=${t === active ? 'true' : 'false'}
                    tabindex=${t === active ? '0' : '-1'} @click=${() => this.#select(t.id)}>${t.label}</button>
                `,
              )}
            </div>
            <div role="tabpanel" id=${`panel-${active.id}`} aria-labelledby=${`tab-${active.id}`}>${this.#panel(active.id, user)}</div>
          `
        : this.#panel(active.id, user)}
    `;
  }

  #panel(tab: Tab, user: User) {
    switch (tab) {
      case 'users':
        return html`<fl-admin-users .me=${user}></fl-admin-users>`;
      case 'teams':
        return html`<fl-admin-teams></fl-admin-teams>`;
      case 'tokens':
        return html`<fl-admin-tokens></fl-admin-tokens>`;
    }
  }

  #select(tab: Tab): void {
    this.tab = tab;
    router.navigate(`/admin?tab=${tab}`, { replace: true });
  }

  /** Arrow keys, Home and End move between tabs (and select them), as the ARIA tabs pattern says. */
  async #onTabKey(event: KeyboardEvent): Promise<void> {
    const tabs = this.#tabs;
    const index = Math.max(0, tabs.findIndex((t) => t.id === this.tab));
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    this.#select(target.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus();
  }
}

customElements.define('fl-admin-page', AdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-admin-page': AdminPage;
  }
}
