import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { html, LitElement, type PropertyValues } from 'lit';
import { emit } from '../events.js';
import { chartCanvasStyles } from './chart-canvas.styles.js';
import { DARK_QUERY, readChartTheme, REDUCED_MOTION_QUERY, type ChartSpec } from './chart-theme.js';

// Only the pieces the dashboard draws, to keep the chunk small. The canvas
// renderer sets styles from script only (allowed by the CSP); tooltips are
// drawn on the canvas too (`renderMode: 'richText'`), never as inline-styled HTML.
use([BarChart, LineChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts canvas: draws `spec` with the app's colours, redraws when the
 * colour scheme changes, follows its container's size, and reports a click on
 * an item that carries an `href` as `fl-chart-open`. The canvas is a picture
 * for the eye (`role="img"` with `label`): every chart on a page has a table
 * beside it with the same figures, and links for keyboards.
 */
export class ChartCanvas extends LitElement {
  static override styles = chartCanvasStyles;
  static override properties = {
    spec: { attribute: false },
    label: { type: String },
  };

  declare spec: ChartSpec | null;
  declare label: string;

  #chart: ECharts | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #frame = 0;
  readonly #schemes = [matchMedia(DARK_QUERY), matchMedia(REDUCED_MOTION_QUERY)];
  readonly #onScheme = () => this.#draw(true);

  constructor() {
    super();
    this.spec = null;
    this.label = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const query of this.#schemes) query.addEventListener('change', this.#onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const query of this.#schemes) query.removeEventListener('change', this.#onScheme);
    cancelAnimationFrame(this.#frame);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#chart?.dispose();
    this.#chart = null;
  }

  override render() {
    return html`<div class="chart" role="img" aria-label=${this.label}></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.#chart) {
      this.#start();
      this.#draw(true);
    } else if (changed.has('spec')) {
      this.#draw(false);
    }
  }

  #start(): void {
    const box = this.renderRoot.querySelector<HTMLDivElement>('.chart');
    if (!box) return;
    const chart = init(box, null, { renderer: 'canvas' });
    chart.on('click', (params) => {
      const data: unknown = params.data;
      const href = data && typeof data === 'object' && 'href' in data && typeof data.href === 'string' ? data.href : null;
      if (href) emit(this, 'fl-chart-open', { href });
    });
    this.#resizeObserver = new ResizeObserver(() => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#chart?.resize());
    });
    this.#resizeObserver.observe(box);
    this.#chart = chart;
  }

  /** `fresh`: a new theme or a first draw, not merged into what was drawn. */
  #draw(fresh: boolean): void {
    if (!this.#chart || !this.spec) return;
    this.#chart.setOption(this.spec(readChartTheme(this)), { notMerge: fresh, lazyUpdate: true });
  }
}

customElements.define('fl-chart', ChartCanvas);

declare global {
  interface HTMLElementTagNameMap {
    'fl-chart': ChartCanvas;
  }
}
