import { html, LitElement, nothing } from 'lit';
import { LIMITS } from '../../../shared/limits.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Team } from '../../../shared/teams.js';
import type { CreatedUser, CreateUserBody, UpdateUserBody, User } from '../../../shared/users.js';
import { ApiError, newIdempotencyKey } from '../../api/http.js';
import { listAllTeams } from '../../api/teams.js';
import { createUser, listUsers, updateUser } from '../../api/users.js';
import '../../components/copy-field.js';
import '../../components/empty-state.js';
import '../../components/loading-state.js';
import '../../components/modal-dialog.js';
import { FormController } from '../../controllers/form.js';
import { PagedListController } from '../../controllers/paged-list.js';
import { session } from '../../controllers/session.js';
import { formatDateTime } from '../../format.js';
import { base, cards, controls, messages, tables } from '../../styles/shared.styles.js';
import { adminPanelStyles } from './admin.styles.js';
import { usersPanelStyles } from './users-panel.styles.js';

export const ROLE_LABELS: Record<Role, string> = { member: 'Member', lead: 'Lead', admin: 'Admin' };

/** A handle suggested from an email: "jo.doe+x@example.com" → "jo.doe". */
const handleFrom = (email: string) =>
  ((email.split('@')[0] ?? '').split('+')[0] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, LIMITS.handleLength);

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * Admin › Users: the people of the workspace (searchable, paged), inviting
 * someone (with a one-time link or a password), and editing a person: name,
 * handle, role, active, password.
 */
export class UsersPanel extends LitElement {
  static override styles = [base, controls, messages, tables, cards, adminPanelStyles, usersPanelStyles];
  static override properties = {
    me: { attribute: false },
    query: { state: true },
    inviteOpen: { state: true },
    invited: { state: true },
    editingId: { state: true },
    teams: { state: true },
    teamsError: { state: true },
    status: { state: true },
    dialogStatus: { state: true },
  };

  declare me: User | null;
  declare query: string;
  declare inviteOpen: boolean;
  declare invited: CreatedUser | null;
  declare editingId: string | null;
  declare teams: Team[] | null;
  declare teamsError: string;
  declare status: string;
  declare dialogStatus: string;

  readonly #list = new PagedListController<User>(this, (cursor, signal) => listUsers({ q: this.query, cursor }, signal), (u) => u.id);
  readonly #invite = new FormController(this, 'invite', ['email', 'displayName', 'handle', 'role', 'teamIds', 'password']);
  readonly #edit = new FormController(this, 'edit', ['displayName', 'handle', 'role']);
  readonly #activation = new FormController(this, 'activation', []);
  readonly #password = new FormController(this, 'new-password', ['password']);
  #inviteKey = newIdempotencyKey();
  #handleTouched = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.me = null;
    this.query = '';
    this.inviteOpen = false;
    this.invited = null;
    this.editingId = null;
    this.teams = null;
    this.teamsError = '';
    this.status = '';
    this.dialogStatus = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  get #editing(): User | undefined {
    return this.editingId ? this.#list.find(this.editingId) : undefined;
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="users-heading">
        <div class="panel-head">
          <div>
            <h2 id="users-heading">Users</h2>
            <p class="lede">Everyone who can sign in to this workspace.</p>
          </div>
          <button class="primary" type="button" aria-expanded=${this.inviteOpen ? 'true' : 'false'} aria-controls="invite-region" @click=${this.#toggleInvite}>
            Invite person
          </button>
        </div>
        <p class="message success" role="status">${this.status}</p>
        ${this.invited ? this.#renderInvited(this.invited) : nothing}
        <div id="invite-region">${this.inviteOpen ? this.#renderInviteForm() : nothing}</div>
        <form class="search" role="search" aria-label="Search people" @submit=${this.#onSearchSubmit}>
          <label class="visually-hidden" for="user-search">Search people</label>
          <input id="user-search" type="search" placeholder="Search by name, email or handle" .value=${this.query} @input=${this.#onSearchInput} />
        </form>
        ${this.#renderList()}
      </section>
      <fl-dialog heading=${this.#editing ? `Edit ${this.#editing.displayName}` : 'Edit person'} ?open=${this.#editing !== undefined} @fl-close=${this.#closeEdit}>
        ${this.#editing ? this.#renderEdit(this.#editing) : nothing}
      </fl-dialog>
    `;
  }

  #renderList() {
    const list = this.#list;
    if (list.loading === 'initial') {
      return html`<div aria-busy="true"><fl-loading label="Loading people…" rows="5"></fl-loading></div>`;
    }
    if (list.error && !list.loaded) {
      return html`<div class="message error" role="alert">
        ${list.error.message} <button class="small" type="button" @click=${() => list.reload()}>Try again</button>
      </div>`;
    }
    if (list.items.length === 0) {
      return this.query
        ? html`<fl-empty-state heading=${`Nobody matches “${this.query}”.`}><p>Try part of a name, an email or a handle.</p></fl-empty-state>`
        : html`<fl-empty-state heading="No people yet."><p>Use “Invite person” to add the first.</p></fl-empty-state>`;
    }
    return html`
      <div class="table-wrap" aria-busy=${list.loading ? 'true' : 'false'}>
        <table>
          <caption class="visually-hidden">People${this.query ? ` matching “${this.query}”` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Handle</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Status</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${list.items.map(
              (u) => html`
                <tr class=${u.active ? '' : 'inactive'}>
                  <td>
                    <div class="who">
                      <span>${u.displayName}${u.id === this.me?.id ? html`<span class="badge you">you</span>` : nothing}</span>
                      <span class="email">${u.email}</span>
                    </div>
                  </td>
                  <td>@${u.handle}</td>
                  <td>${ROLE_LABELS[u.role]}</td>
                  <td class="teams">${u.teams.length ? u.teams.map((t) => t.name).join(', ') : html`<span class="muted">None</span>`}</td>
                  <td>${u.active ? html`<span class="badge accent">Active</span>` : html`<span class="badge danger">Deactivated</span>`}</td>
                  <td><button class="small" type="button" aria-label=${`Edit ${u.displayName}`} @click=${() => this.#openEdit(u)}>Edit</button></td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
      ${list.error && list.loaded ? html`<p class="message error" role="alert">${list.error.message}</p>` : nothing}
      ${list.nextCursor
        ? html`<div class="load-more">
            <button type="button" ?disabled=${list.loading === 'more'} @click=${() => list.loadMore()}>
              ${list.loading === 'more' ? 'Loading…' : 'Load more'}
            </button>
          </div>`
        : nothing}
    `;
  }

  #renderInviteForm() {
    const f = this.#invite;
    const teams = this.teams;
    return html`
      <form class="card invite-form" novalidate aria-labelledby="invite-heading" @submit=${this.#submitInvite}>
        <h3 id="invite-heading">Invite a person</h3>
        ${f.summaryText()}
        <div class="grid-2">
          <div class="field">
            <label for="invite-email">Email</label>
            <input id="invite-email" name="email" type="email" autocomplete="off" maxlength=${LIMITS.emailLength} required
              aria-invalid=${f.invalid('email')} aria-describedby=${f.describedBy('email')} @input=${this.#suggestHandle} />
            ${f.errorText('email')}
          </div>
          <div class="field">
            <label for="invite-displayName">Display name</label>
            <input id="invite-displayName" name="displayName" type="text" autocomplete="off" maxlength=${LIMITS.displayNameLength} required
              aria-invalid=${f.invalid('displayName')} aria-describedby=${f.describedBy('displayName')} />
            ${f.errorText('displayName')}
          </div>
          <div class="field">
            <label for="invite-handle">Handle</label>
            <input id="invite-handle" name="handle" type="text" autocomplete="off" spellcheck="false" maxlength=${LIMITS.handleLength} required
              aria-invalid=${f.invalid('handle')} aria-describedby=${f.describedBy('handle', 'invite-handle-hint')}
              @input=${() => (this.#handleTouched = true)} />
            <p class="hint" id="invite-handle-hint">For @mentions. Letters, digits, dots, dashes and underscores.</p>
            ${f.errorText('handle')}
          </div>
          <div class="field">
            <label for="invite-role">Role</label>
            <select id="invite-role" name="role" aria-invalid=${f.invalid('role')} aria-describedby=${f.describedBy('role', 'invite-role-hint')}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'member'}>${ROLE_LABELS[r]}</option>`)}
            </select>
            <p class="hint" id="invite-role-hint">Leads manage teams; admins manage everything.</p>
            ${f.errorText('role')}
          </div>
        </div>
        <fieldset id="invite-teamIds" aria-invalid=${f.invalid('teamIds')} aria-describedby=${f.describedBy('teamIds')}>
          <legend>Teams</legend>
          ${teams === null && !this.teamsError ? html`<p class="hint" aria-busy="true">Loading teams…</p>` : nothing}
          ${this.teamsError ? html`<p class="field-error">${this.teamsError}</p>` : nothing}
          ${teams?.length === 0 ? html`<p class="hint">No teams yet: create one under Teams, then add people to it.</p>` : nothing}
          <div class="checks">
            ${(teams ?? []).map(
              (t) => html`<label><input type="checkbox" name="teamIds" value=${t.id} />${t.name}</label>`,
            )}
          </div>
          ${f.errorText('teamIds')}
        </fieldset>
        <div class="field">
          <label for="invite-password">Password (optional)</label>
          <input id="invite-password" name="password" type="password" autocomplete="new-password" maxlength=${LIMITS.passwordMax}
            aria-invalid=${f.invalid('password')} aria-describedby=${f.describedBy('password', 'invite-password-hint')} />
          <p class="hint" id="invite-password-hint">
            Leave empty to get a one-time invite link the person uses to choose their own password. At least ${LIMITS.passwordMin} characters if you set one.
          </p>
          ${f.errorText('password')}
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Inviting…' : 'Send invite'}</button>
          <button type="button" @click=${this.#toggleInvite}>Cancel</button>
        </div>
      </form>
    `;
  }

  #renderInvited(user: CreatedUser) {
    return html`
      <div class="card result" aria-labelledby="invited-heading">
        <h3 id="invited-heading">${user.invite ? `Invite link for ${user.displayName}` : `${user.displayName} can sign in now`}</h3>
        ${user.invite
          ? html`
              <fl-copy-field label="Invite link" .value=${user.invite.url}></fl-copy-field>
              <p>
                Send this link to ${user.email} yourself: it works once and expires on <strong>${formatDateTime(user.invite.expiresAt)}</strong>
                (in ${LIMITS.inviteDays} days). After that, an admin can set a password for them instead.
              </p>
            `
          : html`<p>They sign in as ${user.email} with the password you set. Tell them to keep it safe.</p>`}
        <div class="subtle-actions"><button type="button" @click=${() => (this.invited = null)}>Done</button></div>
      </div>
    `;
  }

  #renderEdit(user: User) {
    const f = this.#edit;
    const self = user.id === this.me?.id;
    return html`
      <div class="dialog-section">
        <p class="muted">${user.email}</p>
        <p class="message success" role="status">${this.dialogStatus}</p>
        <form novalidate aria-label="Profile" @submit=${(e: SubmitEvent) => this.#submitEdit(e, user)}>
          ${f.summaryText()}
          <div class="field">
            <label for="edit-displayName">Display name</label>
            <input id="edit-displayName" name="displayName" type="text" maxlength=${LIMITS.displayNameLength} .value=${user.displayName}
              aria-invalid=${f.invalid('displayName')} aria-describedby=${f.describedBy('displayName')} />
            ${f.errorText('displayName')}
          </div>
          <div class="field">
            <label for="edit-handle">Handle</label>
            <input id="edit-handle" name="handle" type="text" spellcheck="false" maxlength=${LIMITS.handleLength} .value=${user.handle}
              aria-invalid=${f.invalid('handle')} aria-describedby=${f.describedBy('handle')} />
            ${f.errorText('handle')}
          </div>
          <div class="field">
            <label for="edit-role">Role</label>
            <select id="edit-role" name="role" aria-invalid=${f.invalid('role')} aria-describedby=${f.describedBy('role')}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${r === user.role}>${ROLE_LABELS[r]}</option>`)}
            </select>
            ${f.errorText('role')}
          </div>
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Saving…' : 'Save changes'}</button>
          </div>
        </form>
      </div>
      <hr class="divider" />
      <div class="dialog-section">
        <h3 id="set-password-heading">Set password</h3>
        <form novalidate aria-labelledby="set-password-heading" @submit=${(e: SubmitEvent) => this.#submitPassword(e, user)}>
          ${this.#password.summaryText()}
          <div class="field">
            <label for="new-password-password">New password for ${user.displayName}</label>
            <input id="new-password-password" name="password" type="password" autocomplete="new-password" maxlength=${LIMITS.passwordMax}
              aria-invalid=${this.#password.invalid('password')} aria-describedby=${this.#password.describedBy('password', 'new-password-hint')} />
            <p class="hint" id="new-password-hint">At least ${LIMITS.passwordMin} characters. Signs them out everywhere.</p>
            ${this.#password.errorText('password')}
          </div>
          <div class="actions">
            <button type="submit" ?disabled=${this.#password.pending}>${this.#password.pending ? 'Setting…' : 'Set password'}</button>
          </div>
        </form>
      </div>
      <hr class="divider" />
      <div class="dialog-section">
        <h3>Access</h3>
        ${this.#activation.summaryText()}
        <p class="muted" id="activation-hint">
          ${user.active
            ? self
              ? 'You cannot deactivate your own account.'
              : 'A deactivated person cannot sign in; what they posted stays.'
            : 'This account is deactivated: they cannot sign in until it is reactivated.'}
        </p>
        <div class="actions">
          <button class=${user.active ? 'danger' : ''} type="button" aria-describedby="activation-hint"
            ?disabled=${this.#activation.pending || (self && user.active)} @click=${() => this.#toggleActive(user)}>
            ${user.active ? 'Deactivate' : 'Reactivate'}
          </button>
        </div>
      </div>
    `;
  }

  async #loadTeams(): Promise<void> {
    if (this.teams) return;
    this.teamsError = '';
    try {
      this.teams = await listAllTeams();
    } catch (error) {
      this.teamsError = error instanceof ApiError ? `Teams could not be loaded: ${error.message}` : 'Teams could not be loaded.';
    }
  }

  async #toggleInvite(): Promise<void> {
    this.inviteOpen = !this.inviteOpen;
    this.#invite.reset();
    if (!this.inviteOpen) return;
    this.#handleTouched = false;
    void this.#loadTeams();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#invite-email')?.focus();
  }

  #suggestHandle(event: InputEvent): void {
    if (this.#handleTouched) return;
    const handle = this.renderRoot.querySelector<HTMLInputElement>('#invite-handle');
    if (handle) handle.value = handleFrom((event.target as HTMLInputElement).value);
  }

  async #submitInvite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    const body: CreateUserBody = {
      email: text(data, 'email'),
      displayName: text(data, 'displayName'),
      handle: text(data, 'handle'),
      role: text(data, 'role') as Role,
      teamIds: data.getAll('teamIds').map(String),
      ...(password ? { password } : {}),
    };
    const created = await this.#invite.run(() => createUser(body, this.#inviteKey));
    if (!created) return;
    this.#inviteKey = newIdempotencyKey();
    this.#handleTouched = false;
    form.reset();
    this.inviteOpen = false;
    this.invited = created;
    this.status = created.invite ? `${created.displayName} was invited. Copy the link below and send it to them.` : `${created.displayName} was added.`;
    this.#list.upsert(created);
  }

  #onSearchInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#search(value), 250);
  }

  #onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.#search(this.renderRoot.querySelector<HTMLInputElement>('#user-search')?.value ?? '');
  }

  #search(value: string): void {
    if (value.trim() === this.query.trim() && this.#list.loaded) return;
    this.query = value;
    void this.#list.reload();
  }

  #openEdit(user: User): void {
    this.#edit.reset();
    this.#password.reset();
    this.#activation.reset();
    this.dialogStatus = '';
    this.editingId = user.id;
  }

  #closeEdit(): void {
    this.editingId = null;
  }

  #saved(user: User): void {
    this.#list.upsert(user);
    session.updateUser(user);
  }

  async #submitEdit(event: SubmitEvent, user: User): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const changes: UpdateUserBody = {};
    const displayName = text(data, 'displayName');
    const handle = text(data, 'handle');
    const role = text(data, 'role') as Role;
    if (displayName !== user.displayName) changes.displayName = displayName;
    if (handle !== user.handle) changes.handle = handle;
    if (role !== user.role) changes.role = role;
    if (Object.keys(changes).length === 0) {
      this.dialogStatus = 'Nothing changed.';
      return;
    }
    const updated = await this.#edit.run(() => updateUser(user.id, changes));
    if (!updated) return;
    this.#saved(updated);
    this.editingId = null;
    this.status = `Saved the changes to ${updated.displayName}.`;
  }

  async #submitPassword(event: SubmitEvent, user: User): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = String(new FormData(form).get('password') ?? '');
    if (password.length < LIMITS.passwordMin) {
      this.#password.invalidate({ password: `A password needs at least ${LIMITS.passwordMin} characters.` });
      return;
    }
    const updated = await this.#password.run(() => updateUser(user.id, { password }));
    if (!updated) return;
    form.reset();
    this.#saved(updated);
    this.dialogStatus = `New password set for ${updated.displayName}. They are signed out everywhere.`;
  }

  async #toggleActive(user: User): Promise<void> {
    const updated = await this.#activation.run(() => updateUser(user.id, { active: !user.active }));
    if (!updated) return;
    this.#saved(updated);
    this.dialogStatus = updated.active ? `${updated.displayName} is active again and can sign in.` : `${updated.displayName} is deactivated and signed out everywhere.`;
  }
}

customElements.define('fl-admin-users', UsersPanel);

declare global {
  interface HTMLElementTagNameMap {
    'fl-admin-users': UsersPanel;
  }
}
