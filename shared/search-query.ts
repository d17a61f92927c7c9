/**
 * The search language a person types without learning FTS syntax:
 * words (all must match), "quoted phrases", -excluded words, prefix*, and
 * filters tag: team: channel: sentiment: customer: author: status: before: after:.
 * Anything else is treated as text; nothing here can produce invalid FTS syntax.
 */
export const SEARCH_FILTERS = ['tag', 'team', 'channel', 'sentiment', 'customer', 'author', 'status', 'before', 'after', 'kind'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export interface SearchTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
  negated: boolean;
}

export interface ParsedSearch {
  terms: SearchTerm[];
  filters: Partial<Record<SearchFilter, string>>;
}

export const MAX_SEARCH_TERMS = 16;

/** Letters and digits of any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+(?:[_'’-][\p{L}\p{N}]+)*/gu;

/** Words of a fragment as the index tokenizes them (letters and digits only). */
export const wordsOf = (text: string): string[] => text.normalize('NFC').match(WORD) ?? [];

export function parseSearch(input: string): ParsedSearch {
  const terms: SearchTerm[] = [];
  const filters: ParsedSearch['filters'] = {};
  // Tokens: optional "-", then a quoted phrase (closing quote optional) or a bare run of non-spaces.
  const tokens = input.normalize('NFC').match(/-?"[^"]*"?|\S+/g) ?? [];
  for (const token of tokens) {
    if (terms.length >= MAX_SEARCH_TERMS) break;
    const negated = token.startsWith('-') && token.length > 1;
    const body = negated ? token.slice(1) : token;
    if (body.startsWith('"')) {
      const words = wordsOf(body.replace(/"/g, ' '));
      if (words.length > 0) terms.push({ text: words.join(' '), phrase: true, prefix: false, negated });
      continue;
    }
    const colon = body.indexOf(':');
    if (colon > 0 && !negated) {
      const name = body.slice(0, colon).toLowerCase();
      const value = body.slice(colon + 1).replace(/^"|"$/g, '');
      if ((SEARCH_FILTERS as readonly string[]).includes(name) && value) {
        filters[name as SearchFilter] = value;
        continue;
      }
    }
    const prefix = body.endsWith('*');
    const words = wordsOf(body);
    if (words.length === 0) continue; // "*", "(", "NEAR(" and other punctuation alone
    if (words.length > 1) {
      // "e-mail" or "foo.bar": keep the words together, as the tokenizer splits them.
      terms.push({ text: words.join(' '), phrase: true, prefix: false, negated });
      continue;
    }
    terms.push({ text: words[0] as string, phrase: false, prefix: prefix && (words[0] as string).length >= 2, negated });
  }
  return { terms, filters };
}

/**
 * An FTS5 MATCH expression for the terms: every term quoted (so no operator or
 * column syntax can leak through), positives joined by AND, negatives by NOT.
 * Null when there is no positive term (FTS cannot match on exclusions alone).
 */
export function toFtsQuery(terms: readonly SearchTerm[]): string | null {
  const quote = (t: SearchTerm) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;
  const positive = terms.filter((t) => !t.negated).map(quote);
  if (positive.length === 0) return null;
  const negative = terms.filter((t) => t.negated).map(quote);
  return [positive.join(' AND '), ...negative.map((n) => `NOT ${n}`)].join(' ');
}
