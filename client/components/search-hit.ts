import DOMPurify from 'dompurify';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { SEARCH_FILTERS, type SearchFilter } from '../../shared/search-query.js';
import type { SearchHit, SearchKind } from '../../shared/search.js';

/** Words for each kind of hit: a badge, a group heading, a tab. */
export const KIND_WORDS: Record<SearchKind, { one: string; many: string }> = {
  insight: { one: 'Insight', many: 'Insights' },
  reply: { one: 'Reply', many: 'Replies' },
  issue: { one: 'Issue', many: 'Issues' },
  customer: { one: 'Customer', many: 'Customers' },
};

const purifier = DOMPurify();

/**
 * A hit's title or snippet as the server sent it (text escaped, `<mark>`
 * around matches), passed through DOMPurify keeping `<mark>` alone and no
 * attributes at all before it is rendered: defense in depth, whatever the
 * server or the index ever lets through stays text.
 */
export function highlighted(serverHtml: string) {
  return unsafeHTML(purifier.sanitize(serverHtml, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [], ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, KEEP_CONTENT: true }));
}

/** The snippet, unless it only repeats the title (an issue matched on its title alone). */
export const snippetOf = (hit: SearchHit) => (hit.snippet.trim() && hit.snippet !== hit.title ? hit.snippet : '');

/** "27", or "2000+" when the server ranked only part of the matches. */
export const countText = (count: number, capped: boolean) => `${count.toLocaleString()}${capped && count > 0 ? '+' : ''}`;

/** The search language, for the help next to every search box. */
export const SYNTAX_HELP: readonly { syntax: string; does: string }[] = [
  { syntax: 'csv export', does: 'every word must match' },
  { syntax: '"monthly report"', does: 'the words together, in this order' },
  { syntax: '-invoice', does: 'leave out what has this word' },
  { syntax: 'integr*', does: 'words starting with these letters' },
];

/** Each filter, with an example; keyed by the shared list so a new filter cannot be forgotten here. */
export const FILTER_HELP: Record<SearchFilter, { example: string; does: string }> = {
  tag: { example: 'tag:billing', does: 'insights with this tag' },
  team: { example: 'team:support', does: 'threads a team takes part in, and its issues' },
  channel: { example: 'channel:email', does: 'insights heard on a channel' },
  sentiment: { example: 'sentiment:negative', does: 'negative, neutral or positive insights' },
  customer: { example: 'customer:acme', does: 'a customer’s insights and issues, by name or company' },
  author: { example: 'author:@sam', does: 'insights and replies someone wrote' },
  status: { example: 'status:open', does: 'issues in a status' },
  before: { example: 'before:2026-11-01', does: 'before a date' },
  after: { example: 'after:2026-10-01', does: 'on or after a date' },
  kind: { example: 'kind:issue', does: 'only insights, replies, issues or customers' },
};

/** One line of filter names for tight spots (the palette's footer). */
export const filterNamesLine = () => html`Filters: ${SEARCH_FILTERS.map((f, i) => html`${i ? ' ' : ''}<code>${f}:</code>`)}`;

/** Tokens as parseSearch reads them: an optional "-", then a quoted phrase or a run of non-spaces. */
const TOKENS = /-?"[^"]*"?|\S+/g;

/** The query without any `name:value` token of one filter: what a chip's remove button leaves. */
export function withoutFilter(query: string, name: SearchFilter): string {
  return (query.normalize('NFC').match(TOKENS) ?? [])
    .filter((token) => {
      const colon = token.indexOf(':');
      return !(colon > 0 && !token.startsWith('-') && token.slice(0, colon).toLowerCase() === name);
    })
    .join(' ');
}
