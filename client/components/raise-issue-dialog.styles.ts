import { css } from 'lit';

export const raiseIssueDialogStyles = css`
  :host {
    display: contents;
  }
  .lede {
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
`;
