import { html, LitElement, nothing } from 'lit';
import { LIMITS } from '../../../shared/limits.js';
import type { TokenSummary } from '../../../shared/tokens.js';
import { newIdempotencyKey } from '../../api/http.js';
import { createToken, listTokens, revokeToken, type CreatedToken } from '../../api/tokens.js';
import '../../components/copy-field.js';
import '../../components/empty-state.js';
import '../../components/loading-state.js';
import { FormController } from '../../controllers/form.js';
import { PagedListController } from '../../controllers/paged-list.js';
import { formatDateTime } from '../../format.js';
import { base, cards, controls, messages, tables } from '../../styles/shared.styles.js';
import { adminPanelStyles } from './admin.styles.js';
import { tokensPanelStyles } from './tokens-panel.styles.js';

/**
 * Admin › API tokens (admins): tokens for integrations. A new token's secret
 * is shown once, with a copy button; revoking asks for a second click.
 */
export class TokensPanel extends LitElement {
  static override styles = [base, controls, messages, tables, cards, adminPanelStyles, tokensPanelStyles];
  static override properties = {
    created: { state: true },
    confirmingId: { state: true },
    status: { state: true },
  };

  declare created: CreatedToken | null;
  declare confirmingId: string | null;
  declare status: string;

  readonly #list = new PagedListController<TokenSummary>(
    this,
    async (_cursor, signal) => ({ items: (await listTokens(signal)).items, nextCursor: null }),
    (t) => t.id,
  );
  readonly #create = new FormController(this, 'token', ['name']);
  readonly #revoke = new FormController(this, 'revoke', []);
  #createKey = newIdempotencyKey();

  constructor() {
    super();
    this.created = null;
    this.confirmingId = null;
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list.reload();
  }

  override render() {
    const f = this.#create;
    return html`
      <section class="panel" aria-labelledby="tokens-heading">
        <div>
          <h2 id="tokens-heading">API tokens</h2>
          <p class="lede">
            Integrations call the API with <code>Authorization: Bearer &lt;token&gt;</code>. Make one token per integration, so you can revoke it
            alone.
          </p>
        </div>
        <p class="message success" role="status">${this.status}</p>
        <form class="create" novalidate aria-label="Create an API token" @submit=${this.#submitCreate}>
          <div class="field">
            <label for="token-name">Token name</label>
            <input id="token-name" name="name" type="text" autocomplete="off" maxlength=${LIMITS.tokenNameLength} placeholder="e.g. Zendesk sync"
              aria-invalid=${f.invalid('name')} aria-describedby=${f.describedBy('name')} />
            ${f.errorText('name')}
          </div>
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Creating…' : 'Create token'}</button>
        </form>
        ${f.error && !f.errorFor('name') ? f.summaryText() : nothing}
        ${this.created ? this.#renderCreated(this.created) : nothing}
        ${this.#revoke.summaryText()}
        ${this.#renderList()}
      </section>
    `;
  }

  #renderCreated(token: CreatedToken) {
    return html`
      <div class="card result warning" aria-labelledby="created-token-heading">
        <h3 id="created-token-heading">Copy the token “${token.name}” now</h3>
        <p>It is shown only this once: Frontline keeps no readable copy. If it is lost, revoke it and create another.</p>
        <fl-copy-field label="New token" .value=${token.token}></fl-copy-field>
        <div class="subtle-actions"><button type="button" @click=${() => (this.created = null)}>I have copied it</button></div>
      </div>
    `;
  }

  #renderList() {
    const list = this.#list;
    if (list.loading === 'initial') return html`<div aria-busy="true"><fl-loading label="Loading tokens…" rows="2"></fl-loading></div>`;
    if (list.error && !list.loaded) {
      return html`<div class="message error" role="alert">
        ${list.error.message} <button class="small" type="button" @click=${() => list.reload()}>Try again</button>
      </div>`;
    }
    if (list.items.length === 0) {
      return html`<fl-empty-state heading="No API tokens yet."><p>Name one above for each integration that should use the API.</p></fl-empty-state>`;
    }
    return html`
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${list.items.map(
              (t) => html`
                <tr>
                  <td>${t.name}</td>
                  <td>${formatDateTime(t.createdAt)}</td>
                  <td>${t.lastUsedAt ? formatDateTime(t.lastUsedAt) : html`<span class="muted">Never</span>`}</td>
                  <td>
                    ${this.confirmingId === t.id
                      ? html`<span class="confirm">
                          <span>Integrations using it stop working.</span>
                          <button class="small danger" type="button" ?disabled=${this.#revoke.pending} @click=${() => this.#revokeToken(t)}>
                            ${this.#revoke.pending ? 'Revoking…' : `Revoke ${t.name}`}
                          </button>
                          <button class="small" type="button" @click=${() => (this.confirmingId = null)}>Keep it</button>
                        </span>`
                      : html`<button class="small danger" type="button" aria-label=${`Revoke ${t.name}…`} @click=${() => this.#confirm(t)}>Revoke…</button>`}
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  async #submitCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      this.#create.invalidate({ name: 'Name the token after the integration that will use it.' });
      return;
    }
    const created = await this.#create.run(() => createToken(name, this.#createKey));
    if (!created) return;
    this.#createKey = newIdempotencyKey();
    form.reset();
    this.created = created;
    this.status = `Token ${created.name} was created.`;
    this.#list.upsert({ id: created.id, name: created.name, createdAt: created.createdAt, lastUsedAt: null });
  }

  async #confirm(token: TokenSummary): Promise<void> {
    this.#revoke.reset();
    this.confirmingId = token.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.confirm button.danger')?.focus();
  }

  async #revokeToken(token: TokenSummary): Promise<void> {
    const done = await this.#revoke.run(async () => {
      await revokeToken(token.id);
      return true;
    });
    if (!done) return;
    this.confirmingId = null;
    this.#list.remove(token.id);
    this.status = `Token ${token.name} was revoked; integrations using it can no longer call the API.`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#token-name')?.focus();
  }
}

customElements.define('fl-admin-tokens', TokensPanel);

declare global {
  interface HTMLElementTagNameMap {
    'fl-admin-tokens': TokensPanel;
  }
}
