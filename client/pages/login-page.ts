import { html, LitElement } from 'lit';
import { FormController } from '../controllers/form.js';
import { session } from '../controllers/session.js';
import { router, safeNext } from '../router.js';
import { base, controls, messages } from '../styles/shared.styles.js';
import { authPageStyles } from './login-page.styles.js';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** `/login`: email and password; on success, back to `next` (a path on this site) or the feed. */
export class LoginPage extends LitElement {
  static override styles = [base, controls, messages, authPageStyles];
  static override properties = { next: { type: String } };

  declare next: string;
  readonly #form = new FormController(this, 'login', ['email', 'password']);

  constructor() {
    super();
    this.next = '/';
  }

  override render() {
    const form = this.#form;
    const wait = form.error?.status === 429 && form.error.retryAfterSeconds ? form.error.retryAfterSeconds : null;
    return html`
      <div class="card">
        <div class="brand"><span class="logo" aria-hidden="true">F</span>Frontline</div>
        <h1>Sign in</h1>
        <p class="lede">What customers tell us, turned into action.</p>
        <form novalidate aria-describedby="login-problem" @submit=${this.#submit}>
          <div id="login-problem">
            ${form.summaryText()}
            ${wait && !(form.error?.message ?? '').includes('minute')
              ? html`<p class="hint">Wait about ${minutes(wait)} minute(s) before trying again.</p>`
              : ''}
          </div>
          <div class="field">
            <label for="login-email">Email</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autocomplete="username"
              inputmode="email"
              autocapitalize="off"
              spellcheck="false"
              required
              aria-invalid=${form.invalid('email')}
              aria-describedby=${form.describedBy('email')}
            />
            ${form.errorText('email')}
          </div>
          <div class="field">
            <label for="login-password">Password</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              aria-invalid=${form.invalid('password')}
              aria-describedby=${form.describedBy('password')}
            />
            ${form.errorText('password')}
          </div>
          <button class="primary" type="submit" ?disabled=${form.pending}>${form.pending ? 'Signing in…' : 'Sign in'}</button>
        </form>
        <p class="foot">No account yet? Ask an admin of your workspace for an invite.</p>
      </div>
    `;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#login-email')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Record<string, string> = {};
    if (!email) missing.email = 'Enter your email address.';
    if (!password) missing.password = 'Enter your password.';
    if (Object.keys(missing).length > 0) {
      this.#form.invalidate(missing);
      return;
    }
    const user = await this.#form.run(() => session.login(email, password));
    if (user) router.navigate(safeNext(this.next), { replace: true });
  }
}

customElements.define('fl-login-page', LoginPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-login-page': LoginPage;
  }
}
