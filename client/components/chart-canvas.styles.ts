import { css } from 'lit';

export const chartCanvasStyles = css`
  :host {
    display: block;
    height: var(--fl-chart-height, 16rem);
    min-width: 0;
  }
  .chart {
    width: 100%;
    height: 100%;
  }
`;
