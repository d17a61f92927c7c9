import { html, nothing, type LitElement } from 'lit';
import { ApiError } from '../api/http.js';

/**
 * The state of one form: pending while its action runs, the API's error in
 * words, and field errors placed next to the fields they name (`body.email`
 * → the field `email`). Ids are `${prefix}-${field}` so labels, inputs and
 * messages tie together with `for`, `aria-invalid` and `aria-describedby`.
 * It re-renders its host when it changes; it needs no lifecycle of its own.
 */
export class FormController {
  pending = false;
  error: ApiError | null = null;
  fields: Record<string, string> = {};
  readonly #host: LitElement;

  constructor(
    host: LitElement,
    readonly prefix: string,
    /** The fields this form shows; errors about other fields go to the summary. */
    readonly fieldNames: readonly string[],
  ) {
    this.#host = host;
  }

  /** Runs `action`; resolves with its result, or with undefined after showing why it failed. */
  async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.pending) return undefined;
    this.pending = true;
    this.error = null;
    this.fields = {};
    this.#host.requestUpdate();
    try {
      return await action();
    } catch (error) {
      this.fail(error);
      return undefined;
    } finally {
      this.pending = false;
      this.#host.requestUpdate();
    }
  }

  /** Shows a failure: an ApiError as given, anything else as a generic message. */
  fail(error: unknown): void {
    this.error = error instanceof ApiError ? error : new ApiError(0, 'bad_response', 'Something went wrong in the app. Reload and try again.');
    this.fields = this.error.fieldErrors();
    this.#host.requestUpdate();
    void this.#focusFirstInvalid();
  }

  /** A problem found before sending, shown like the server's. */
  invalidate(fields: Record<string, string>): void {
    this.fail(new ApiError(400, 'invalid_input', Object.values(fields)[0] ?? 'Invalid input.', { fields: Object.entries(fields).map(([path, message]) => ({ path, message })) }));
  }

  reset(): void {
    this.error = null;
    this.fields = {};
    this.#host.requestUpdate();
  }

  id(field: string): string {
    return `${this.prefix}-${field}`;
  }

  errorFor(field: string): string | undefined {
    return this.fields[field];
  }

  invalid(field: string): 'true' | 'false' {
    return this.fields[field] ? 'true' : 'false';
  }

  /** For `aria-describedby`: the field's error when it has one, then any hint ids. */
  describedBy(field: string, ...hints: string[]): string {
    return [this.fields[field] ? `${this.id(field)}-error` : '', ...hints].filter(Boolean).join(' ');
  }

  /** The message beside a field, or nothing. */
  errorText(field: string) {
    const message = this.fields[field];
    return message ? html`<p class="field-error" id=${`${this.id(field)}-error`}>${message}</p>` : nothing;
  }

  /** What went wrong, in words, for the top of the form. */
  get summary(): string | null {
    if (!this.error) return null;
    const shown = this.fieldNames.filter((f) => this.fields[f]);
    const others = Object.entries(this.fields).filter(([f]) => !this.fieldNames.includes(f));
    if (shown.length === 0) return others.length > 0 ? others.map(([, m]) => m).join(' ') : this.error.message;
    const lead = shown.length === 1 ? (this.fields[shown[0] as string] as string) : `Check the ${shown.length} highlighted fields.`;
    return [lead, ...others.map(([, m]) => m)].join(' ');
  }

  /** The summary as an alert, or nothing. */
  summaryText() {
    const summary = this.summary;
    return summary ? html`<p class="message error" role="alert">${summary}</p>` : nothing;
  }

  async #focusFirstInvalid(): Promise<void> {
    await this.#host.updateComplete;
    const first = this.fieldNames.find((f) => this.fields[f]);
    if (!first) return;
    const input = this.#host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.id(first))}`);
    input?.focus();
  }
}
