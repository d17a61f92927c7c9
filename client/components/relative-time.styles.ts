import { css } from 'lit';

export const relativeTimeStyles = css`
  :host {
    display: inline;
  }
  time {
    white-space: nowrap;
  }
`;
