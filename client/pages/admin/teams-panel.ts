import { html, LitElement, nothing } from 'lit';
import { LIMITS } from '../../../shared/limits.js';
import type { CreateTeamBody, Team, UpdateTeamBody } from '../../../shared/teams.js';
import type { User } from '../../../shared/users.js';
import { ApiError, newIdempotencyKey } from '../../api/http.js';
import { addTeamMember, createTeam, listTeams, removeTeamMember, slugify, updateTeam } from '../../api/teams.js';
import { listAllUsers } from '../../api/users.js';
import '../../components/empty-state.js';
import '../../components/loading-state.js';
import '../../components/modal-dialog.js';
import { FormController } from '../../controllers/form.js';
import { PagedListController } from '../../controllers/paged-list.js';
import { plural } from '../../format.js';
import { base, cards, controls, messages } from '../../styles/shared.styles.js';
import { adminPanelStyles } from './admin.styles.js';
import { ROLE_LABELS } from './users-panel.js';
import { teamsPanelStyles } from './teams-panel.styles.js';

const TEAM_FIELDS = ['name', 'slug', 'description', 'targetDays'] as const;
const NAMES_SHOWN = 5;

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** Reads a team form; `targetDays` stays a number (NaN when empty, which the server refuses in words). */
function teamFields(form: HTMLFormElement) {
  const data = new FormData(form);
  const days = text(data, 'targetDays');
  return {
    name: text(data, 'name'),
    slug: text(data, 'slug'),
    description: String(data.get('description') ?? ''),
    targetDays: days === '' ? Number.NaN : Number(days),
  };
}

/**
 * Admin › Teams (admins and leads): the teams with their members, creating a
 * team (slug suggested from the name), and managing one: its details and its
 * members.
 */
export class TeamsPanel extends LitElement {
  static override styles = [base, controls, messages, cards, adminPanelStyles, teamsPanelStyles];
  static override properties = {
    createOpen: { state: true },
    managingId: { state: true },
    people: { state: true },
    peopleError: { state: true },
    status: { state: true },
    dialogStatus: { state: true },
  };

  declare createOpen: boolean;
  declare managingId: string | null;
  declare people: User[] | null;
  declare peopleError: string;
  declare status: string;
  declare dialogStatus: string;

  readonly #list = new PagedListController<Team>(this, (cursor, signal) => listTeams({ cursor }, signal), (t) => t.id);
  readonly #create = new FormController(this, 'team', [...TEAM_FIELDS]);
  readonly #edit = new FormController(this, 'team-edit', [...TEAM_FIELDS]);
  readonly #members = new FormController(this, 'member', ['userId']);
  #createKey = newIdempotencyKey();
  #slugTouched = false;

  constructor() {
    super();
    this.createOpen = false;
    this.managingId = null;
    this.people = null;
    this.peopleError = '';
    this.status = '';
    this.dialogStatus = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list.reload();
  }

  get #managing(): Team | undefined {
    return this.managingId ? this.#list.find(this.managingId) : undefined;
  }

  override render() {
    const managing = this.#managing;
    return html`
      <section class="panel" aria-labelledby="teams-heading">
        <div class="panel-head">
          <div>
            <h2 id="teams-heading">Teams</h2>
            <p class="lede">Teams claim issues and can be pulled into any thread with their @slug.</p>
          </div>
          <button class="primary" type="button" aria-expanded=${this.createOpen ? 'true' : 'false'} aria-controls="create-team-region" @click=${this.#toggleCreate}>
            New team
          </button>
        </div>
        <p class="message success" role="status">${this.status}</p>
        <div id="create-team-region">${this.createOpen ? this.#renderCreate() : nothing}</div>
        ${this.#renderList()}
      </section>
      <fl-dialog wide heading=${managing ? `Manage ${managing.name}` : 'Manage team'} ?open=${managing !== undefined} @fl-close=${() => (this.managingId = null)}>
        ${managing ? this.#renderManage(managing) : nothing}
      </fl-dialog>
    `;
  }

  #renderList() {
    const list = this.#list;
    if (list.loading === 'initial') return html`<div aria-busy="true"><fl-loading label="Loading teams…" rows="3"></fl-loading></div>`;
    if (list.error && !list.loaded) {
      return html`<div class="message error" role="alert">
        ${list.error.message} <button class="small" type="button" @click=${() => list.reload()}>Try again</button>
      </div>`;
    }
    if (list.items.length === 0) {
      return html`<fl-empty-state heading="No teams yet."><p>Use “New team” to create the first, then add its members.</p></fl-empty-state>`;
    }
    return html`
      <ul class="team-grid" aria-label="Teams" aria-busy=${list.loading ? 'true' : 'false'}>
        ${list.items.map((team) => this.#renderCard(team))}
      </ul>
      ${list.error && list.loaded ? html`<p class="message error" role="alert">${list.error.message}</p>` : nothing}
      ${list.nextCursor
        ? html`<div class="load-more">
            <button type="button" ?disabled=${list.loading === 'more'} @click=${() => list.loadMore()}>${list.loading === 'more' ? 'Loading…' : 'Load more'}</button>
          </div>`
        : nothing}
    `;
  }

  #renderCard(team: Team) {
    const names = team.members.slice(0, NAMES_SHOWN).map((m) => m.displayName);
    const more = team.members.length - names.length;
    return html`
      <li class="card team" aria-labelledby=${`team-${team.id}`}>
        <div class="team-head">
          <h3 id=${`team-${team.id}`}>${team.name}</h3>
          <span class="badge accent">@${team.slug}</span>
        </div>
        <p class="desc">${team.description || html`<span class="muted">No description yet.</span>`}</p>
        <p class="meta">${plural(team.members.length, 'member')} · open issues should not pass ${plural(team.targetDays, 'day')}</p>
        <p class="names">${names.length ? `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : 'Nobody yet.'}</p>
        <div class="actions">
          <button class="small" type="button" data-team=${team.id} aria-label=${`Manage ${team.name}`} @click=${() => this.#openManage(team)}>Manage</button>
        </div>
      </li>
    `;
  }

  #teamInputs(f: FormController, team: Team | null) {
    const p = f.prefix;
    return html`
      <div class="grid-2">
        <div class="field">
          <label for=${`${p}-name`}>Team name</label>
          <input id=${`${p}-name`} name="name" type="text" autocomplete="off" maxlength=${LIMITS.teamNameLength} .value=${team?.name ?? ''}
            aria-invalid=${f.invalid('name')} aria-describedby=${f.describedBy('name')} @input=${team ? null : this.#suggestSlug} />
          ${f.errorText('name')}
        </div>
        <div class="field">
          <label for=${`${p}-slug`}>Slug</label>
          <input id=${`${p}-slug`} name="slug" type="text" autocomplete="off" spellcheck="false" maxlength=${LIMITS.teamSlugLength} .value=${team?.slug ?? ''}
            aria-invalid=${f.invalid('slug')} aria-describedby=${f.describedBy('slug', `${p}-slug-hint`)}
            @input=${team ? null : () => (this.#slugTouched = true)} />
          <p class="hint" id=${`${p}-slug-hint`}>Lowercase letters, digits and dashes; people mention the team as @slug.</p>
          ${f.errorText('slug')}
        </div>
      </div>
      <div class="field">
        <label for=${`${p}-description`}>Description</label>
        <textarea id=${`${p}-description`} name="description" rows="3" maxlength=${LIMITS.teamDescriptionLength} .value=${team?.description ?? ''}
          aria-invalid=${f.invalid('description')} aria-describedby=${f.describedBy('description')}></textarea>
        ${f.errorText('description')}
      </div>
      <div class="field">
        <label for=${`${p}-targetDays`}>Target days</label>
        <input id=${`${p}-targetDays`} name="targetDays" type="number" inputmode="numeric" min="1" max=${LIMITS.targetDaysMax} step="1"
          .value=${String(team?.targetDays ?? 14)} aria-invalid=${f.invalid('targetDays')} aria-describedby=${f.describedBy('targetDays', `${p}-targetDays-hint`)} />
        <p class="hint" id=${`${p}-targetDays-hint`}>The age an open issue of this team should not pass; older ones are flagged on the dashboard.</p>
        ${f.errorText('targetDays')}
      </div>
    `;
  }

  #renderCreate() {
    const f = this.#create;
    return html`
      <form class="card create-form" novalidate aria-labelledby="create-team-heading" @submit=${this.#submitCreate}>
        <h3 id="create-team-heading">New team</h3>
        ${f.summaryText()} ${this.#teamInputs(f, null)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Creating…' : 'Create team'}</button>
          <button type="button" @click=${this.#toggleCreate}>Cancel</button>
        </div>
      </form>
    `;
  }

  #renderManage(team: Team) {
    const memberIds = new Set(team.members.map((m) => m.id));
    const candidates = (this.people ?? []).filter((p) => !memberIds.has(p.id));
    const m = this.#members;
    return html`
      <p class="message success" role="status">${this.dialogStatus}</p>
      <section class="dialog-section" aria-labelledby="members-heading">
        <h3 id="members-heading">Members</h3>
        ${m.summaryText()}
        ${team.members.length === 0
          ? html`<p class="muted">No members yet. Add the people who should claim and work on this team’s issues.</p>`
          : html`<ul class="members" aria-label=${`Members of ${team.name}`}>
              ${team.members.map(
                (member) => html`
                  <li>
                    <span class="member-name">
                      <span>${member.displayName}</span>
                      <span class="muted">@${member.handle} · ${ROLE_LABELS[member.role]}${member.active ? '' : ' · deactivated'}</span>
                    </span>
                    <button class="small danger" type="button" aria-label=${`Remove ${member.displayName} from ${team.name}`} ?disabled=${m.pending}
                      @click=${() => this.#removeMember(team, member)}>Remove</button>
                  </li>
                `,
              )}
            </ul>`}
        <form class="add-member" novalidate @submit=${(e: SubmitEvent) => this.#addMember(e, team)}>
          <div class="add-row">
            <div class="field">
              <label for="member-userId">Add member</label>
              <select id="member-userId" name="userId" ?disabled=${this.people === null} aria-invalid=${m.invalid('userId')}
                aria-describedby=${m.describedBy('userId', 'member-userId-hint')}>
                <option value="">${this.people === null ? 'Loading people…' : candidates.length ? 'Choose a person…' : 'Everyone is already a member'}</option>
                ${candidates.map((p) => html`<option value=${p.id}>${p.displayName} (@${p.handle})</option>`)}
              </select>
            </div>
            <button class="primary" type="submit" ?disabled=${m.pending || this.people === null}>${m.pending ? 'Saving…' : 'Add to team'}</button>
          </div>
          <p class="hint" id="member-userId-hint">${this.peopleError || 'Active people who are not in this team yet.'}</p>
          ${m.errorText('userId')}
        </form>
      </section>
      <hr class="divider" />
      <section class="dialog-section" aria-labelledby="details-heading">
        <h3 id="details-heading">Details</h3>
        <form novalidate aria-labelledby="details-heading" @submit=${(e: SubmitEvent) => this.#submitEdit(e, team)}>
          ${this.#edit.summaryText()} ${this.#teamInputs(this.#edit, team)}
          <div class="actions">
            <button type="submit" ?disabled=${this.#edit.pending}>${this.#edit.pending ? 'Saving…' : 'Save details'}</button>
          </div>
        </form>
      </section>
    `;
  }

  async #toggleCreate(): Promise<void> {
    this.createOpen = !this.createOpen;
    this.#create.reset();
    this.#slugTouched = false;
    if (!this.createOpen) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#team-name')?.focus();
  }

  #suggestSlug(event: InputEvent): void {
    if (this.#slugTouched) return;
    const slug = this.renderRoot.querySelector<HTMLInputElement>('#team-slug');
    if (slug) slug.value = slugify((event.target as HTMLInputElement).value);
  }

  async #submitCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body: CreateTeamBody = teamFields(form);
    if (!Number.isInteger(body.targetDays)) {
      this.#create.invalidate({ targetDays: 'Enter a whole number of days, like 14.' });
      return;
    }
    const created = await this.#create.run(() => createTeam(body, this.#createKey));
    if (!created) return;
    this.#createKey = newIdempotencyKey();
    form.reset();
    this.createOpen = false;
    this.#list.upsert(created);
    this.status = `Team ${created.name} was created. Use “Manage” on its card to add members.`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-team="${CSS.escape(created.id)}"]`)?.focus();
  }

  async #loadPeople(): Promise<void> {
    if (this.people) return;
    this.peopleError = '';
    try {
      this.people = await listAllUsers();
    } catch (error) {
      this.peopleError = error instanceof ApiError ? `People could not be loaded: ${error.message}` : 'People could not be loaded.';
    }
  }

  #openManage(team: Team): void {
    this.#edit.reset();
    this.#members.reset();
    this.dialogStatus = '';
    this.managingId = team.id;
    void this.#loadPeople();
  }

  async #addMember(event: SubmitEvent, team: Team): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const userId = text(new FormData(form), 'userId');
    if (!userId) {
      this.#members.invalidate({ userId: 'Choose the person to add.' });
      return;
    }
    const person = this.people?.find((p) => p.id === userId);
    const updated = await this.#members.run(() => addTeamMember(team.id, userId));
    if (!updated) return;
    this.#list.upsert(updated);
    this.dialogStatus = `${person?.displayName ?? 'The person'} was added to ${updated.name}.`;
    await this.updateComplete;
    form.reset();
    this.renderRoot.querySelector<HTMLSelectElement>('#member-userId')?.focus();
  }

  async #removeMember(team: Team, member: User): Promise<void> {
    const updated = await this.#members.run(() => removeTeamMember(team.id, member.id));
    if (!updated) return;
    this.#list.upsert(updated);
    this.dialogStatus = `${member.displayName} was removed from ${updated.name}.`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#member-userId')?.focus();
  }

  async #submitEdit(event: SubmitEvent, team: Team): Promise<void> {
    event.preventDefault();
    const fields = teamFields(event.target as HTMLFormElement);
    if (!Number.isInteger(fields.targetDays)) {
      this.#edit.invalidate({ targetDays: 'Enter a whole number of days, like 14.' });
      return;
    }
    const changes: UpdateTeamBody = {};
    if (fields.name !== team.name) changes.name = fields.name;
    if (fields.slug !== team.slug) changes.slug = fields.slug;
    if (fields.description !== team.description) changes.description = fields.description;
    if (fields.targetDays !== team.targetDays) changes.targetDays = fields.targetDays;
    if (Object.keys(changes).length === 0) {
      this.dialogStatus = 'Nothing changed.';
      return;
    }
    const updated = await this.#edit.run(() => updateTeam(team.id, changes));
    if (!updated) return;
    this.#list.upsert(updated);
    this.dialogStatus = `Saved the details of ${updated.name}.`;
  }
}

customElements.define('fl-admin-teams', TeamsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'fl-admin-teams': TeamsPanel;
  }
}
