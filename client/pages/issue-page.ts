import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { issuePageStyles } from './issue-page.styles.js';

/** `/issues/:id`: not built yet; says what it will hold. */
export class IssuePage extends LitElement {
  static override styles = [base, issuePageStyles];
  static override properties = { issueId: { type: String, attribute: 'issue-id' } };

  declare issueId: string;

  constructor() {
    super();
    this.issueId = '';
  }

  override render() {
    return html`
      <fl-placeholder
        heading="Issue"
        summary="One issue: its evidence, who claimed it, every change of status with its note, and how the loop was closed for the people who heard the customer. Issue pages arrive soon."
      >
        <p>Issue <code>${this.issueId}</code>.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-issue-page', IssuePage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-issue-page': IssuePage;
  }
}
