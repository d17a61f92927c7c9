import { html, LitElement } from 'lit';
import { LIMITS } from '../../shared/limits.js';
import { FormController } from '../controllers/form.js';
import { session } from '../controllers/session.js';
import { router } from '../router.js';
import { base, controls, messages } from '../styles/shared.styles.js';
import { acceptInvitePageStyles } from './accept-invite-page.styles.js';

/** `/accept-invite?token=…`: the invited person sets their password, is signed in and goes to the feed. */
export class AcceptInvitePage extends LitElement {
  static override styles = [base, controls, messages, acceptInvitePageStyles];
  static override properties = { token: { type: String } };

  declare token: string;
  readonly #form = new FormController(this, 'invite', ['password', 'confirm']);

  constructor() {
    super();
    this.token = '';
  }

  override render() {
    const form = this.#form;
    if (!this.token) {
      return html`
        <div class="card">
          <div class="brand"><span class="logo" aria-hidden="true">F</span>Frontline</div>
          <h1>This invite link is incomplete</h1>
          <p class="lede">Open the whole link from your invitation, or ask an admin for a new one.</p>
          <a href="/login">Go to sign in</a>
        </div>
      `;
    }
    return html`
      <div class="card">
        <div class="brand"><span class="logo" aria-hidden="true">F</span>Frontline</div>
        <h1>Welcome to Frontline</h1>
        <p class="lede">Choose a password to finish setting up your account.</p>
        <form novalidate @submit=${this.#submit}>
          ${form.summaryText()}
          <div class="field">
            <label for="invite-password">New password</label>
            <input
              id="invite-password"
              name="password"
              type="password"
              autocomplete="new-password"
              minlength=${LIMITS.passwordMin}
              maxlength=${LIMITS.passwordMax}
              required
              aria-invalid=${form.invalid('password')}
              aria-describedby=${form.describedBy('password', 'invite-password-hint')}
            />
            <p class="hint" id="invite-password-hint">At least ${LIMITS.passwordMin} characters.</p>
            ${form.errorText('password')}
          </div>
          <div class="field">
            <label for="invite-confirm">Repeat the password</label>
            <input
              id="invite-confirm"
              name="confirm"
              type="password"
              autocomplete="new-password"
              required
              aria-invalid=${form.invalid('confirm')}
              aria-describedby=${form.describedBy('confirm')}
            />
            ${form.errorText('confirm')}
          </div>
          <button class="primary" type="submit" ?disabled=${form.pending}>${form.pending ? 'Setting your password…' : 'Set password and sign in'}</button>
        </form>
        <p class="foot">Already set one? <a href="/login">Sign in</a></p>
      </div>
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    if (password.length < LIMITS.passwordMin) {
      this.#form.invalidate({ password: `A password needs at least ${LIMITS.passwordMin} characters.` });
      return;
    }
    if (password !== confirm) {
      this.#form.invalidate({ confirm: 'The two passwords differ: type the same one twice.' });
      return;
    }
    const user = await this.#form.run(() => session.acceptInvite(this.token, password));
    if (user) router.navigate('/', { replace: true });
  }
}

customElements.define('fl-accept-invite-page', AcceptInvitePage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-accept-invite-page': AcceptInvitePage;
  }
}
