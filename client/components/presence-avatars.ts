import { LitElement, html, nothing } from 'lit';
import { presenceAvatarsStyles } from './presence-avatars.styles.js';

export interface Viewer {
  id: string;
  displayName: string;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/** `<fl-presence .viewers=${users} .selfId=${me}>`: who else has this page open, live. */
export class PresenceAvatars extends LitElement {
  static override styles = presenceAvatarsStyles;
  static override properties = { viewers: { attribute: false }, selfId: { type: String, attribute: 'self-id' } };
  declare viewers: Viewer[];
  declare selfId: string;

  constructor() {
    super();
    this.viewers = [];
    this.selfId = '';
  }

  override render() {
    const others = this.viewers.filter((v) => v.id !== this.selfId);
    if (others.length === 0) return nothing;
    const names = others.map((v) => v.displayName).join(', ');
    return html`<div class="presence" role="status" aria-label=${`Also viewing: ${names}`}>
      <span class="label" aria-hidden="true">Also here</span>
      ${others.slice(0, 5).map((v) => html`<span class="avatar" title=${v.displayName} aria-hidden="true">${initials(v.displayName)}</span>`)}
      ${others.length > 5 ? html`<span class="more" aria-hidden="true">+${others.length - 5}</span>` : nothing}
    </div>`;
  }
}

customElements.define('fl-presence', PresenceAvatars);

declare global {
  interface HTMLElementTagNameMap {
    'fl-presence': PresenceAvatars;
  }
}
