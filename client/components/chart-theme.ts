import type { EChartsCoreOption } from 'echarts/core';

/**
 * The app's colours for charts, read from the `--fl-*` custom properties so a
 * canvas follows the light and dark schemes like the rest of the page.
 */
export interface ChartTheme {
  dark: boolean;
  reducedMotion: boolean;
  font: string;
  text: string;
  muted: string;
  border: string;
  borderStrong: string;
  surface: string;
  surface2: string;
  accent: string;
  accentSoft: string;
  success: string;
  warning: string;
  danger: string;
}

const FALLBACK: Omit<ChartTheme, 'dark' | 'reducedMotion'> = {
  font: 'system-ui, sans-serif',
  text: '#1a1d23',
  muted: '#555e6b',
  border: '#d3d8df',
  borderStrong: '#9aa3ae',
  surface: '#ffffff',
  surface2: '#eef0f4',
  accent: '#2f55c9',
  accentSoft: '#e6ecfb',
  success: '#17753a',
  warning: '#8a5300',
  danger: '#b42318',
};

const VARIABLES: Record<keyof typeof FALLBACK, string> = {
  font: '--fl-font',
  text: '--fl-text',
  muted: '--fl-text-muted',
  border: '--fl-border',
  borderStrong: '--fl-border-strong',
  surface: '--fl-surface',
  surface2: '--fl-surface-2',
  accent: '--fl-accent',
  accentSoft: '--fl-accent-soft',
  success: '--fl-success',
  warning: '--fl-warning',
  danger: '--fl-danger',
};

export const DARK_QUERY = '(prefers-color-scheme: dark)';
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** The theme as `element` sees it (custom properties inherit into shadow roots). */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const theme = {
    dark: matchMedia(DARK_QUERY).matches,
    reducedMotion: matchMedia(REDUCED_MOTION_QUERY).matches,
    ...FALLBACK,
  };
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof typeof FALLBACK, string][]) {
    const value = style.getPropertyValue(variable).trim();
    if (value) theme[key] = value;
  }
  return theme;
}

/**
 * What a `<fl-chart>` draws: an ECharts option made for the current theme
 * (called again when the scheme changes). A data item with an `href` is a
 * link: clicking it on the canvas asks the page to open that address.
 */
export type ChartSpec = (theme: ChartTheme) => EChartsCoreOption;
