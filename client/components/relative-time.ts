import { html, LitElement, nothing } from 'lit';
import { formatDateTime, formatRelative } from '../format.js';
import { relativeTimeStyles } from './relative-time.styles.js';

/** One shared minute timer for every relative time on the page. */
const ticking = new Set<RelativeTime>();
let timer: ReturnType<typeof setInterval> | undefined;

function track(element: RelativeTime): void {
  ticking.add(element);
  timer ??= setInterval(() => ticking.forEach((e) => e.requestUpdate()), 60_000);
}

function untrack(element: RelativeTime): void {
  ticking.delete(element);
  if (ticking.size === 0 && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
  }
}

/**
 * `<fl-time .datetime=${iso}>`: "5 min. ago" that stays current, in a
 * `<time datetime>` whose title (and accessible description) is the exact time.
 */
export class RelativeTime extends LitElement {
  static override styles = relativeTimeStyles;
  static override properties = {
    datetime: { type: String },
    /** Words before the time, e.g. "edited". */
    prefix: { type: String },
  };

  declare datetime: string;
  declare prefix: string;

  constructor() {
    super();
    this.datetime = '';
    this.prefix = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    track(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    untrack(this);
  }

  override render() {
    if (!this.datetime) return nothing;
    const exact = formatDateTime(this.datetime);
    return html`<time datetime=${this.datetime} title=${exact}>${this.prefix ? `${this.prefix} ` : ''}${formatRelative(this.datetime)}</time>`;
  }
}

customElements.define('fl-time', RelativeTime);

declare global {
  interface HTMLElementTagNameMap {
    'fl-time': RelativeTime;
  }
}
