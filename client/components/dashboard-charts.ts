import type { BarSeriesOption, GraphSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Dashboard } from '../../shared/dashboard.js';
import { CHANNELS, SENTIMENTS, type Sentiment } from '../../shared/insights.js';
import { ISSUE_KINDS, ISSUE_STATUSES, STATUS_LABELS, type IssueStatus } from '../../shared/issues.js';
import { CHANNEL_LABELS, ISSUE_KIND_LABELS, SENTIMENT_LABELS } from '../labels.js';
import type { ChartSpec, ChartTheme } from './chart-theme.js';
import { feedHref, hoursShort, issuesHref, OPEN_STATUSES, siloTeamIds, weekLabel } from './dashboard-words.js';

/**
 * The dashboard's charts as ECharts options, one builder per chart. Only types
 * come from echarts here: the library itself loads with `<fl-chart>`.
 */

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GraphSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** What every chart shares: the app's font and colours, tooltips drawn on the canvas (no inline-styled HTML under the CSP). */
function common(t: ChartTheme): Option {
  return {
    animation: !t.reducedMotion,
    animationDuration: 400,
    animationDurationUpdate: 300,
    textStyle: { fontFamily: t.font, color: t.text },
    tooltip: {
      renderMode: 'richText',
      confine: true,
      backgroundColor: t.surface,
      borderColor: t.borderStrong,
      textStyle: { color: t.text, fontFamily: t.font, fontSize: 13 },
    },
  };
}

const grid = (extra: GridComponentOption = {}): GridComponentOption => ({ left: 8, right: 16, top: 28, bottom: 8, containLabel: true, ...extra });

/** `labelEvery`: 0 labels every category (few, named ones); 'auto' lets ECharts skip some (weeks). */
function categoryAxis(t: ChartTheme, data: string[], labelEvery: 0 | 'auto' = 0) {
  return {
    type: 'category' as const,
    data,
    axisLine: { lineStyle: { color: t.borderStrong } },
    axisTick: { show: false },
    axisLabel: { color: t.muted, fontSize: 12, interval: labelEvery, hideOverlap: labelEvery === 'auto' },
  };
}

function valueAxis(t: ChartTheme, name = '', formatter?: string, side: 'left' | 'right' = 'left') {
  return {
    type: 'value' as const,
    name,
    nameTextStyle: { color: t.muted, fontSize: 12, align: side },
    minInterval: 1,
    axisLabel: { color: t.muted, fontSize: 12, ...(formatter ? { formatter } : {}) },
    splitLine: { lineStyle: { color: t.border } },
  };
}

/** A value label above each bar, in the text colour. */
const barLabel = (t: ChartTheme) => ({ show: true, position: 'top' as const, color: t.text, fontSize: 12 });

export function statusColor(t: ChartTheme, status: IssueStatus): string {
  switch (status) {
    case 'open':
      return t.borderStrong;
    case 'claimed':
      return t.warning;
    case 'in_progress':
      return t.accent;
    case 'resolved':
      return t.success;
    case 'wont_fix':
      return t.muted;
  }
}

function sentimentColor(t: ChartTheme, sentiment: Sentiment): string {
  return sentiment === 'negative' ? t.danger : sentiment === 'positive' ? t.success : t.borderStrong;
}

/** One bar per category, each a link to the list it counts. */
interface LinkedBar {
  label: string;
  value: number;
  href: string;
  color?: string;
}

function linkedBars(t: ChartTheme, seriesName: string, bars: readonly LinkedBar[], barMaxWidth = 56): Option {
  return {
    ...common(t),
    grid: grid(),
    xAxis: categoryAxis(
      t,
      bars.map((b) => b.label),
    ),
    yAxis: valueAxis(t),
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth,
        label: barLabel(t),
        data: bars.map((b) => ({ value: b.value, name: b.label, href: b.href, itemStyle: { color: b.color ?? t.accent, borderRadius: [4, 4, 0, 0] } })),
      },
    ],
  };
}

/** Issues raised in the period, by status now; each bar opens the issues list with that status. */
export const statusChart =
  (d: Dashboard): ChartSpec =>
  (t) =>
    linkedBars(
      t,
      'Issues',
      ISSUE_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: d.issuesByStatus[s] ?? 0, href: issuesHref({ team: d.team, status: s, raised: d.period }), color: statusColor(t, s) })),
    );

/** Issues raised in the period, by kind. */
export const kindChart =
  (d: Dashboard): ChartSpec =>
  (t) =>
    linkedBars(
      t,
      'Issues',
      ISSUE_KINDS.map((k) => ({ label: ISSUE_KIND_LABELS[k], value: d.issuesByKind[k] ?? 0, href: issuesHref({ team: d.team, kind: k, raised: d.period }) })),
    );

/** Resolved per week (bars) and the median hours to resolve of each week (line, right axis). */
export const resolveTrendChart =
  (d: Dashboard): ChartSpec =>
  (t) => ({
    ...common(t),
    tooltip: { ...common(t).tooltip, trigger: 'axis' },
    legend: { top: 0, left: 0, textStyle: { color: t.text }, itemGap: 16 },
    grid: grid({ top: 48 }),
    xAxis: categoryAxis(
      t,
      d.resolveTrend.map((w) => weekLabel(w.week)),
      'auto',
    ),
    yAxis: [valueAxis(t, 'Resolved'), { ...valueAxis(t, 'Median hours', undefined, 'right'), minInterval: 0, splitLine: { show: false } }],
    series: [
      {
        type: 'bar',
        name: 'Resolved',
        barMaxWidth: 40,
        cursor: 'default',
        itemStyle: { color: t.success, borderRadius: [4, 4, 0, 0] },
        data: d.resolveTrend.map((w) => w.resolved),
      },
      {
        type: 'line',
        name: 'Median hours to resolve',
        yAxisIndex: 1,
        cursor: 'default',
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: t.accent },
        lineStyle: { color: t.accent, width: 2 },
        tooltip: { valueFormatter: (v: unknown) => hoursShort(typeof v === 'number' ? v : null) },
        data: d.resolveTrend.map((w) => (w.medianHours === null ? null : Math.round(w.medianHours * 10) / 10)),
      },
    ],
  });

/** Issues open now by age; the part past its team's target stacked on top in the danger colour. */
export const openByAgeChart =
  (d: Dashboard): ChartSpec =>
  (t) => {
    const href = issuesHref({ team: d.team, status: OPEN_STATUSES, sort: 'age' });
    return {
      ...common(t),
      tooltip: { ...common(t).tooltip, trigger: 'axis' },
      legend: { top: 0, left: 0, textStyle: { color: t.text }, itemGap: 16 },
      grid: grid({ top: 40 }),
      xAxis: categoryAxis(
        t,
        d.openByAge.map((b) => b.bucket),
      ),
      yAxis: valueAxis(t),
      series: [
        {
          type: 'bar',
          name: 'Within target',
          stack: 'age',
          barMaxWidth: 56,
          itemStyle: { color: t.accent },
          data: d.openByAge.map((b) => ({ value: b.count - b.pastTarget, href })),
        },
        {
          type: 'bar',
          name: 'Past target',
          stack: 'age',
          barMaxWidth: 56,
          itemStyle: { color: t.danger, borderRadius: [4, 4, 0, 0] },
          data: d.openByAge.map((b) => ({ value: b.pastTarget, href })),
        },
      ],
    };
  };

/** Insights posted in the period, by channel; each bar opens the feed for that channel. */
export const channelChart =
  (d: Dashboard): ChartSpec =>
  (t) =>
    linkedBars(
      t,
      'Insights',
      CHANNELS.map((c) => ({ label: CHANNEL_LABELS[c], value: d.insightsByChannel[c] ?? 0, href: feedHref({ team: d.team, channel: c }) })),
      44,
    );

/** Insights posted in the period, by sentiment; each bar opens the feed for that sentiment. */
export const sentimentChart =
  (d: Dashboard): ChartSpec =>
  (t) =>
    linkedBars(
      t,
      'Insights',
      SENTIMENTS.map((s) => ({ label: SENTIMENT_LABELS[s], value: d.insightsBySentiment[s] ?? 0, href: feedHref({ team: d.team, sentiment: s }), color: sentimentColor(t, s) })),
    );

/** Insights posted per week. */
export const insightsWeekChart =
  (d: Dashboard): ChartSpec =>
  (t) => ({
    ...common(t),
    tooltip: { ...common(t).tooltip, trigger: 'axis' },
    grid: grid(),
    xAxis: categoryAxis(
      t,
      d.insightsByWeek.map((w) => weekLabel(w.week)),
      'auto',
    ),
    yAxis: valueAxis(t),
    series: [
      {
        type: 'line',
        name: 'Insights',
        cursor: 'default',
        symbolSize: 6,
        itemStyle: { color: t.accent },
        lineStyle: { color: t.accent, width: 2 },
        areaStyle: { color: t.accentSoft, opacity: 0.8 },
        data: d.insightsByWeek.map((w) => w.count),
      },
    ],
  });

/** The share of cross-team threads per week, in percent. */
export const siloTrendChart =
  (d: Dashboard): ChartSpec =>
  (t) => ({
    ...common(t),
    tooltip: { ...common(t).tooltip, trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    grid: grid(),
    xAxis: categoryAxis(
      t,
      d.silo.trend.map((w) => weekLabel(w.week)),
      'auto',
    ),
    yAxis: { ...valueAxis(t, '', '{value}%'), min: 0, max: 100 },
    series: [
      {
        type: 'line',
        name: 'Cross-team threads',
        cursor: 'default',
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: t.accent },
        lineStyle: { color: t.accent, width: 2 },
        data: d.silo.trend.map((w) => (w.index === null ? null : Math.round(w.index * 100))),
      },
    ],
  });

/**
 * The team interaction network: a node per team sized by activity (threads
 * taken part in plus replies), an arrow from the team that joined a thread to
 * the team that started it, as wide as the count. Silos (no arrow in or out)
 * are drawn in the warning colour and labelled. A node opens its team's issues.
 */
export const networkChart =
  (d: Dashboard): ChartSpec =>
  (t) => {
    const silos = siloTeamIds(d);
    const names = new Map(d.teams.map((team) => [team.id, team.name]));
    const maxActivity = Math.max(1, ...d.teams.map((team) => team.threads + team.replies));
    const maxCount = Math.max(1, ...d.interactions.map((e) => e.count));
    return {
      ...common(t),
      tooltip: {
        ...common(t).tooltip,
        formatter: (params: unknown) => {
          const p = (Array.isArray(params) ? params[0] : params) as { dataType?: string; data?: unknown } | undefined;
          if (!p) return '';
          const data = p.data as { source?: string; target?: string; value?: number; threads?: number; replies?: number; name?: string };
          if (p.dataType === 'edge') {
            return `${names.get(data.source ?? '') ?? data.source} joined ${data.value ?? 0} ${data.value === 1 ? 'thread' : 'threads'} started by ${names.get(data.target ?? '') ?? data.target}`;
          }
          return `${data.name ?? ''}: ${data.threads ?? 0} threads, ${data.replies ?? 0} replies`;
        },
      },
      series: [
        {
          type: 'graph',
          layout: 'circular',
          circular: { rotateLabel: false },
          top: 40,
          bottom: 40,
          left: 110,
          right: 110,
          roam: false,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: [0, 11],
          // Labels on a chip of the card's colour, so edges passing behind do not cross the words.
          label: {
            show: true,
            position: 'right',
            color: t.text,
            fontSize: 13,
            fontWeight: 600,
            distance: 6,
            backgroundColor: t.surface,
            padding: [2, 4],
            borderRadius: 4,
          },
          lineStyle: { color: t.muted, opacity: 0.55, curveness: 0.18 },
          emphasis: { focus: 'adjacency', lineStyle: { opacity: 0.95 } },
          blur: { itemStyle: { opacity: 0.25 }, lineStyle: { opacity: 0.08 } },
          data: d.teams.map((team) => {
            const activity = team.threads + team.replies;
            const silo = silos.has(team.id);
            return {
              id: team.id,
              name: team.name,
              value: activity,
              threads: team.threads,
              replies: team.replies,
              href: issuesHref({ team }),
              symbol: silo ? 'diamond' : 'circle',
              symbolSize: 14 + 38 * Math.sqrt(activity / maxActivity),
              itemStyle: silo ? { color: t.warning, borderColor: t.surface, borderWidth: 2 } : { color: t.accent, borderColor: t.surface, borderWidth: 2 },
              label: silo ? { formatter: `${team.name} (silo)`, color: t.warning } : {},
            };
          }),
          links: d.interactions
            .filter((e) => e.count > 0)
            .map((e) => ({ source: e.from, target: e.to, value: e.count, lineStyle: { width: 1 + 7 * (e.count / maxCount) } })),
        },
      ],
    };
  };

