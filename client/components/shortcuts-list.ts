import { html, LitElement } from 'lit';
import { SHORTCUTS } from '../controllers/shortcuts.js';
import { shortcutsListStyles } from './shortcuts-list.styles.js';

/** The keyboard shortcuts, as a definition list: keys, then what they do. */
export class ShortcutsList extends LitElement {
  static override styles = shortcutsListStyles;

  override render() {
    return html`
      <dl aria-label="Keyboard shortcuts">
        ${SHORTCUTS.map(
          (s) => html`
            <dt>
              ${s.keys.map(
                (combo, i) => html`${i > 0 ? html`<span>or</span>` : ''}${combo.map((k, j) => html`${j > 0 ? '+' : ''}<kbd>${k}</kbd>`)}`,
              )}
            </dt>
            <dd>${s.does}</dd>
          `,
        )}
      </dl>
      <p class="hint">Single-key shortcuts work when you are not typing in a field.</p>
    `;
  }
}

customElements.define('fl-shortcuts-list', ShortcutsList);

declare global {
  interface HTMLElementTagNameMap {
    'fl-shortcuts-list': ShortcutsList;
  }
}
