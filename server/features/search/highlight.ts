import type { SearchTerm } from '../../../shared/search-query.js';
import { fold, tokensOf } from './ranking.js';

/**
 * Highlights and snippets for a page of hits, made from the documents' text
 * already in hand. FTS5's highlight() and snippet() would re-run the query
 * over the whole index to find the page's rows (for a prefix such as "ex*",
 * tens of milliseconds), for twenty short texts.
 *
 * Matching follows the index's tokenizer (tokensOf): a term's words in
 * sequence, whole words, the last one maybe a prefix. The output is escaped
 * HTML whose only markup is <mark>.
 */

interface Token {
  start: number;
  end: number;
  word: string;
}

const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, word: fold(match[0].toLowerCase()) });
  }
  return tokens;
}

export interface Highlighter {
  /** The whole text with every match marked. */
  highlight(text: string): string;
  /** About `size` tokens around the densest run of matches, with … where text was cut. */
  snippet(columns: readonly string[], size?: number): string;
}

export function highlighter(terms: readonly SearchTerm[]): Highlighter {
  const patterns = terms.filter((t) => !t.negated).map((t) => ({ words: tokensOf(t.text), prefix: t.prefix }));

  /** Token index ranges [first, last] that match a term. */
  const matchesIn = (tokens: readonly Token[]): [number, number][] => {
    const found: [number, number][] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const { words, prefix } of patterns) {
        if (words.length === 0 || i + words.length > tokens.length) continue;
        const last = words.length - 1;
        const hit = words.every((w, j) => {
          const token = (tokens[i + j] as Token).word;
          return j === last && prefix ? token.startsWith(w) : token === w;
        });
        if (hit) found.push([i, i + last]);
      }
    }
    return found;
  };

  /** Text from token `from` to token `to` (inclusive; the whole text when they are its ends), escaped, with matches marked. */
  const render = (text: string, tokens: readonly Token[], matches: readonly [number, number][], from: number, to: number): string => {
    const startAt = from === 0 ? 0 : (tokens[from] as Token).start;
    const endAt = to >= tokens.length - 1 ? text.length : (tokens[to] as Token).end;
    let out = '';
    let at = startAt;
    for (const [first, last] of matches) {
      if (first < from || last > to) continue;
      const s = (tokens[first] as Token).start;
      const e = (tokens[last] as Token).end;
      if (s < at) continue;
      out += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
      at = e;
    }
    return out + escapeHtml(text.slice(at, endAt));
  };

  return {
    highlight(text) {
      const tokens = tokenize(text);
      return render(text, tokens, matchesIn(tokens), 0, tokens.length - 1);
    },
    snippet(columns, size = 24) {
      // The column with the most matches, as FTS5's snippet() picks one.
      let best = { text: columns[0] ?? '', tokens: tokenize(columns[0] ?? ''), matches: [] as [number, number][] };
      for (const text of columns) {
        const tokens = tokenize(text);
        const matches = matchesIn(tokens);
        if (matches.length > best.matches.length) best = { text, tokens, matches };
      }
      const { text, tokens, matches } = best;
      if (tokens.length === 0) return escapeHtml(text);
      // The window of `size` tokens holding the most matches, starting a little before its first.
      let start = 0;
      let most = -1;
      for (const [first] of matches) {
        const from = Math.max(0, first - 3);
        const inside = matches.filter(([s, e]) => s >= from && e < from + size).length;
        if (inside > most) [most, start] = [inside, from];
      }
      start = Math.max(0, Math.min(start, tokens.length - size));
      const end = Math.min(tokens.length - 1, start + size - 1);
      return `${start > 0 ? '…' : ''}${render(text, tokens, matches, start, end)}${end < tokens.length - 1 ? '…' : ''}`;
    },
  };
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
