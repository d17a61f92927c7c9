import type { CustomerRef } from '../shared/customers.js';
import type { Insight } from '../shared/insights.js';
import type { Issue } from '../shared/issues.js';

/** A reaction kind's count on an insight, and whether the signed-in person gave it. */
export type ReactionSummary = Insight['reactions'][number];

/** What a customer picker holds: a customer that exists, or one to create inline when posting. */
export type CustomerChoice = { kind: 'existing'; customer: CustomerRef } | { kind: 'new'; name: string; company: string };

/**
 * Every custom event the app's elements dispatch, typed once: listeners get
 * the right `detail` through GlobalEventHandlersEventMap. Names start `fl-`.
 */
export interface FlEventDetails {
  /** The header's search box asks for results. */
  'fl-search': { query: string };
  /** The header's sign-out button. */
  'fl-sign-out': Record<string, never>;
  /** The header's "keyboard shortcuts" button. */
  'fl-show-shortcuts': Record<string, never>;
  /** A dialog closed (Esc, its close button, or `open = false`). */
  'fl-close': Record<string, never>;
  /** A copy button tried to copy its value. */
  'fl-copy': { value: string; ok: boolean };
  /** Something asks for the composer (the feed's "Post insight" button); the shell opens it. */
  'fl-compose': Record<string, never>;
  /** The composer posted an insight; open lists may show it at once. Reaches `window`. */
  'fl-insight-posted': { insight: Insight };
  /** An insight card's checkbox, for raising one issue from several insights. */
  'fl-insight-select': { id: string; selected: boolean };
  /** A tag chip on a card asks the feed to filter by that tag. */
  'fl-tag-filter': { tag: string };
  /** The signed-in person reacted or took a reaction back; the new counts. */
  'fl-reactions-change': { insightId: string; reactions: ReactionSummary[] };
  /** The raise-issue dialog created an issue. */
  'fl-issue-raised': { issue: Issue };
  /** A tag entry's tags changed. */
  'fl-tags-change': { tags: string[] };
  /** A customer picker's choice changed: an existing customer, a new one to create, or none. */
  'fl-customer-change': { choice: CustomerChoice | null };
  /** A text field asks to send its form (Ctrl/Cmd+Enter). */
  'fl-submit': Record<string, never>;
  /** A chart's bar, point or node that stands for a list was clicked: open `href` (an app path). */
  'fl-chart-open': { href: string };
}

export type FlEvent<K extends keyof FlEventDetails> = CustomEvent<FlEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fl-search': FlEvent<'fl-search'>;
    'fl-sign-out': FlEvent<'fl-sign-out'>;
    'fl-show-shortcuts': FlEvent<'fl-show-shortcuts'>;
    'fl-close': FlEvent<'fl-close'>;
    'fl-copy': FlEvent<'fl-copy'>;
    'fl-compose': FlEvent<'fl-compose'>;
    'fl-insight-posted': FlEvent<'fl-insight-posted'>;
    'fl-insight-select': FlEvent<'fl-insight-select'>;
    'fl-tag-filter': FlEvent<'fl-tag-filter'>;
    'fl-reactions-change': FlEvent<'fl-reactions-change'>;
    'fl-issue-raised': FlEvent<'fl-issue-raised'>;
    'fl-tags-change': FlEvent<'fl-tags-change'>;
    'fl-customer-change': FlEvent<'fl-customer-change'>;
    'fl-submit': FlEvent<'fl-submit'>;
    'fl-chart-open': FlEvent<'fl-chart-open'>;
  }
}

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof FlEventDetails>(target: EventTarget, name: K, detail: FlEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
