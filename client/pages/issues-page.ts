import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { issuesPageStyles } from './issues-page.styles.js';

/** `/issues`: not built yet; says what it will hold. */
export class IssuesPage extends LitElement {
  static override styles = [base, issuesPageStyles];

  override render() {
    return html`
      <fl-placeholder
        heading="Issues"
        summary="Work raised from what customers said: open, claimed, in progress and resolved, with the team that owns each issue and a priority drawn from its evidence. The issue list arrives soon."
      >
        <p>You will filter by status, team, assignee and kind, and sort by priority, age or last update.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-issues-page', IssuesPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-issues-page': IssuesPage;
  }
}
