import { css } from 'lit';

export const customerPickerStyles = css`
  :host {
    display: block;
  }
  .chosen {
    font-size: var(--fl-text-xs);
    color: var(--fl-success);
  }
  .chosen > * + * {
    margin-left: var(--fl-space-1);
  }
  .chosen.new {
    color: var(--fl-accent);
  }
  .chosen span:nth-child(2) {
    color: var(--fl-text);
  }
  .chosen button.link {
    font-size: var(--fl-text-xs);
  }
  .company {
    margin-top: var(--fl-space-2);
  }
`;
