import type Database from 'better-sqlite3';
import type { SearchTerm } from '../../../shared/search-query.js';

/**
 * BM25 over a bounded candidate set, computed here rather than by FTS5's
 * bm25(): that function counts every match of every phrase in the whole index
 * on each query (to weigh rare words above common ones), which for a word in
 * most documents was most of a search's time. Here the weights come from
 * numbers the index already keeps or that cost a bounded read:
 * - the number of documents and their average length, from FTS5's own
 *   averages record;
 * - how many documents hold a term: exact when it is in fewer than
 *   `window` of them, otherwise estimated from how far back in the index its
 *   newest `window` matches reach (documents are indexed in time order).
 * The formula and constants are FTS5's (k1 = 1.2, b = 0.75, column weights).
 */

const K1 = 1.2;
const B = 0.75;

export interface IndexStats {
  documents: number;
  /** Average tokens per document, all columns together. */
  averageLength: number;
}

/** Words as the index's tokenizer (unicode61, remove_diacritics 2) sees them: lower case, accents folded. */
export function tokensOf(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];
  return words.map(fold);
}

/** A lower-case word with its accents folded. */
export const fold = (word: string): string => (/^[a-z0-9]*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, ''));

/**
 * FTS5's averages record (the %_data row with id 1): a varint count of
 * documents, then a varint total of tokens per column.
 */
export function indexStats(sqlite: Database.Database, table: string): IndexStats {
  const row = sqlite.prepare(`select block from ${table}_data where id = 1`).get() as { block: Buffer } | undefined;
  if (!row) return { documents: 0, averageLength: 0 };
  const [documents, rest] = readVarint(row.block, 0);
  // The rest of the record is a varint per column, like a %_docsize row: their sum is every token.
  const tokens = docsize(row.block.subarray(rest));
  return { documents, averageLength: documents > 0 ? tokens / documents : 0 };
}

/** SQLite's varint: big-endian groups of 7 bits, the ninth byte whole. */
function readVarint(buffer: Buffer, start: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = buffer[start + i] ?? 0;
    if (i === 8) return [value * 256 + byte, start + 9];
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, start + i + 1];
  }
  return [value, start + 9];
}

/**
 * How many documents hold `ftsTerm`: its newest `window` matches, counted if
 * that is all of them, else scaled by the share of the index they span.
 */
export function documentFrequency(sqlite: Database.Database, table: string, ftsTerm: string, window: number, stats: IndexStats): number {
  const rowids = sqlite
    .prepare(`select rowid from ${table} where ${table} match ? order by rowid desc limit ?`)
    .pluck()
    .all(ftsTerm, window + 1) as number[];
  return frequencyFromWindow(sqlite, table, rowids, window, stats);
}

/**
 * The same from a term's newest matches already read, newest first (a query
 * of one word without filters has just read them as its candidates).
 */
export function frequencyFromWindow(sqlite: Database.Database, table: string, newestFirst: readonly number[], window: number, stats: IndexStats): number {
  if (newestFirst.length <= window) return newestFirst.length;
  const newest = newestFirst[0] as number;
  const oldestInWindow = newestFirst[window - 1] as number;
  const lowest = (sqlite.prepare(`select rowid from ${table} order by rowid limit 1`).pluck().get() as number | undefined) ?? 1;
  const span = Math.max(1, newest - oldestInWindow + 1);
  const all = Math.max(span, newest - lowest + 1);
  return Math.min(stats.documents, Math.round((window * all) / span));
}

export interface RankedText {
  /** The document's columns, in the index's order. */
  columns: readonly string[];
  /**
   * Its tokens per column as FTS5 recorded them: the %_docsize row in hex (`hex(sz)`: a string per
   * candidate costs far less than a Buffer); counted from the text when absent.
   */
  sizes?: string | null;
}

/** Total tokens of a %_docsize record: one varint per column. */
function docsize(record: Buffer): number {
  let total = 0;
  for (let offset = 0; offset < record.length; ) {
    const [value, next] = readVarint(record, offset);
    total += value;
    offset = next;
  }
  return total;
}

const WORD_CHAR = String.raw`[\p{L}\p{N}\p{Co}]`;
const NON_ASCII = /[\u0080-\uffff]/;
const IS_WORD_CHAR = new RegExp(WORD_CHAR, 'u');

/** Text as the tokenizer compares it: lower case, accents folded. */
const folded = (text: string): string => (NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text).toLowerCase();

/** Whether the character at `i` of a folded text is part of a word (plain ASCII checks first: this runs for every character of every candidate). */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && IS_WORD_CHAR.test(String.fromCharCode(c)));
}

/** How many tokens a folded text holds. */
function tokenCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = isWordCharAt(text, i);
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

/**
 * Counts a term's occurrences in folded text: its words in sequence, whole
 * words, the last one maybe a prefix. A single whole word (most terms) is
 * found with indexOf; phrases and prefixes with a regular expression.
 */
function termCounter(term: SearchTerm): ((text: string) => number) | null {
  const words = tokensOf(term.text);
  const [only] = words;
  if (only === undefined) return null;
  if (words.length === 1 && !term.prefix) {
    return (text) => {
      let count = 0;
      for (let at = text.indexOf(only); at !== -1; at = text.indexOf(only, at + only.length)) {
        const end = at + only.length;
        if ((at === 0 || !isWordCharAt(text, at - 1)) && (end === text.length || !isWordCharAt(text, end))) count++;
      }
      return count;
    };
  }
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const end = term.prefix ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`;
  const pattern = new RegExp(`(?<!${WORD_CHAR})${escaped.join(`(?:(?!${WORD_CHAR}).)+`)}${end}`, 'gu');
  return (text) => {
    pattern.lastIndex = 0;
    let count = 0;
    while (pattern.exec(text)) count++;
    return count;
  };
}

/**
 * A scorer for documents against the positive terms of a query (higher is
 * better). `frequencies[i]` is how many documents hold `terms[i]`.
 */
export function bm25Scorer(terms: readonly SearchTerm[], frequencies: readonly number[], weights: readonly number[], stats: IndexStats) {
  const counters = terms.map(termCounter);
  const idf = frequencies.map((n) => Math.max(1e-6, Math.log((stats.documents - n + 0.5) / (n + 0.5))));
  const averageLength = stats.averageLength || 1;
  return (doc: RankedText): number => {
    const columns = doc.columns.map(folded);
    const length = doc.sizes ? docsize(Buffer.from(doc.sizes, 'hex')) : columns.reduce((sum, text) => sum + tokenCount(text), 0);
    let score = 0;
    counters.forEach((count, i) => {
      if (!count) return;
      let weighted = 0;
      columns.forEach((text, c) => {
        if (text.length > 0) weighted += (weights[c] ?? 1) * count(text);
      });
      score += (idf[i] as number) * ((weighted * (K1 + 1)) / (weighted + K1 * (1 - B + (B * length) / averageLength)));
    });
    return score;
  };
}
