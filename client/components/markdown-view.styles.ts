import { css } from 'lit';

export const markdownViewStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  .md > :first-child {
    margin-top: 0;
  }
  .md > :last-child {
    margin-bottom: 0;
  }
  p,
  ul,
  ol,
  blockquote,
  pre {
    margin: 0 0 0.6em;
  }
  a {
    color: var(--fl-accent);
  }
  code {
    font-family: var(--fl-font-mono);
    font-size: 0.92em;
    background: var(--fl-surface-2);
    padding: 0.1em 0.3em;
    border-radius: 4px;
  }
  pre {
    overflow-x: auto;
    background: var(--fl-surface-2);
    padding: 0.6em 0.8em;
    border-radius: 6px;
  }
  pre code {
    background: none;
    padding: 0;
  }
  blockquote {
    border-left: 3px solid var(--fl-border);
    padding-left: 0.8em;
    color: var(--fl-text-muted);
  }
  img {
    max-width: 100%;
  }
`;
