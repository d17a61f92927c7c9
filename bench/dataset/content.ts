/**
 * What the generated insights say, and the deterministic randomness behind
 * them. Loaded by the parent (request bodies), the baseline child and the
 * product child, so it imports product code for types only (erased at run
 * time), besides the pure seeded generator: the lists below must stay valid
 * values of the product's enums.
 */
import type { Channel, Sentiment } from '../../shared/insights.js';
import type { IssueKind } from '../../shared/issues.js';

// The demo seed's generator (pure, no product dependencies), so bench data and demo data share one.
import { seededRandom } from '../../db/seed/random.js';
export { seededRandom };
export type Random = ReturnType<typeof seededRandom>;

export const CHANNELS: readonly Channel[] = ['call', 'chat', 'email', 'social', 'forum', 'survey', 'in_person', 'other'];
/** Roughly how often each channel shows up, as in a support-heavy team. */
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['call', 22],
  ['chat', 26],
  ['email', 24],
  ['social', 8],
  ['forum', 6],
  ['survey', 6],
  ['in_person', 5],
  ['other', 3],
];
const CHANNEL_TOTAL = CHANNEL_WEIGHTS.reduce((n, [, w]) => n + w, 0);
export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

export const TAGS = [
  'export', 'csv', 'billing', 'invoices', 'onboarding', 'mobile', 'crash', 'sso', 'security', 'pricing',
  'performance', 'integrations', 'api', 'docs', 'shipping', 'delivery', 'accessibility', 'reporting',
  'dashboard', 'praise', 'notifications', 'search', 'permissions', 'import',
] as const;

const OPENERS = [
  'Customer said', 'On the call they told me', 'They wrote in to say', 'Their admin mentioned', 'In the chat today:',
  'Heard again this week:', 'Feedback from the renewal call:', 'Their team lead asked why', 'A long-time user noticed',
  'From the survey comments:', 'They posted on the forum that', 'At the workshop they explained that',
];
const SUBJECTS = [
  'the CSV export', 'the invoice page', 'the mobile app', 'single sign-on', 'the new dashboard', 'search',
  'the API', 'delivery tracking', 'the onboarding checklist', 'notifications', 'the reporting module',
  'user permissions', 'the import wizard', 'the pricing page', 'the help center', 'the billing portal',
];
const PROBLEMS = [
  'times out on their largest workspace', 'shows the wrong currency', 'crashes when they attach a photo',
  'logs them out every morning', 'is too slow to load on older laptops', 'misses the VAT number',
  'cuts off after ten thousand rows', 'sends the reminder a day too late', 'does not keep their filters',
  'is hard to find from the home screen', 'breaks accents in names', 'duplicates every second entry',
  'works great and saves them an hour a week', 'finally does what they needed', 'confuses new hires',
];
const FOLLOW_UPS = [
  'They have asked about it three times now.', 'It blocks their month-end report.', 'They are evaluating alternatives.',
  'They would happily pay more for a fix.', 'Their finance team is waiting on it.', 'Field staff lose their drafts.',
  'They love the rest of the product.', 'A workaround exists but nobody knows it.', 'It came up in the renewal.',
  'Two other customers said the same last month.', 'They shared a screen recording.', 'No rush, but it keeps coming up.',
];

/**
 * A realistic body of 80 to 400 characters: an opener, a few clauses and follow-ups, cut on a word.
 * With `details` (a second seeded stream, so that `random` is drawn exactly as without it), 80% of
 * bodies also name one term of the long-tail vocabulary right after the first sentence (see
 * `detailOf`): that is what makes some words rare and others mid-frequent for the search scenarios.
 */
export function bodyOf(random: Random, details?: Random): string {
  const target = random.int(80, 400);
  const first = `${random.pick(OPENERS)} ${random.pick(SUBJECTS)} ${random.pick(PROBLEMS)}.`;
  let text = first;
  while (text.length < target) {
    text += random.chance(0.5)
      ? ` ${random.pick(FOLLOW_UPS)}`
      : ` Also ${random.pick(SUBJECTS)} ${random.pick(PROBLEMS)}.`;
  }
  if (details?.chance(DETAIL_SHARE)) text = `${first} ${detailOf(details)}${text.slice(first.length)}`;
  if (text.length <= 400) return text;
  const cut = text.slice(0, 399);
  return `${cut.slice(0, cut.lastIndexOf(' '))}.`;
}

/*
 * The long tail. Every generated word above is in at least ~8% of bodies ("they" in ~80%, "the"
 * in ~99%); real feedback also names integrations, devices, error codes and invoice numbers, a
 * few of them often and most of them almost never. DETAIL_TERMS is that vocabulary by
 * popularity, drawn with Zipf's law (weight 1/rank): with 80% of bodies naming one term, rank 1
 * is in ~7.6% of bodies, rank 2 in ~3.8%, rank 100 in ~0.08% and rank 1,500 in ~0.005% (about
 * 50 per million).
 */
const DETAIL_SHARE = 0.8;
const NAMED_TERMS = [
  'Salesforce', 'Zendesk', 'Shopify', 'QuickBooks', 'Outlook', 'iPhone', 'Android', 'Gmail', 'Okta', 'HubSpot',
  'Xero', 'Stripe', 'PayPal', 'Chromebook', 'iPad', 'Safari', 'Firefox', 'NetSuite', 'Workday', 'Jira',
  'Intercom', 'Twilio', 'Mailchimp', 'Dropbox', 'OneDrive', 'SharePoint', 'Tableau', 'Looker', 'Excel', 'DATEV',
  'SEPA', 'FedEx', 'DHL', 'UPS', 'Magento', 'WooCommerce', 'Klaviyo', 'Marketo', 'Pipedrive', 'Freshdesk',
];
const DETAIL_TEMPLATES = ['Ticket mentions %.', 'They quoted %.', 'Seen with %.', 'It involves %.', 'Reference %.'] as const;
const TAIL_TERMS = 20_000;
/** Named products first, then error codes, invoice numbers and order numbers: one token each. */
export const DETAIL_TERMS: readonly string[] = Array.from({ length: TAIL_TERMS }, (_, i) => {
  if (i < NAMED_TERMS.length) return NAMED_TERMS[i] as string;
  const n = i - NAMED_TERMS.length;
  return [`E${40_000 + n}`, `INV${700_000 + n}`, `ORD${300_000 + n}`][n % 3] as string;
});
const DETAIL_CUMULATIVE = (() => {
  const weights = new Float64Array(TAIL_TERMS);
  let sum = 0;
  for (let i = 0; i < TAIL_TERMS; i++) weights[i] = sum += 1 / (i + 1);
  for (let i = 0; i < TAIL_TERMS; i++) (weights[i] as number) /= sum;
  return weights;
})();

/** One sentence naming a term of DETAIL_TERMS, drawn by Zipf's law. */
export function detailOf(random: Random): string {
  const roll = random.next();
  let low = 0;
  let high = TAIL_TERMS - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((DETAIL_CUMULATIVE[mid] as number) < roll) low = mid + 1;
    else high = mid;
  }
  return random.pick(DETAIL_TEMPLATES).replace('%', DETAIL_TERMS[low] as string);
}

/**
 * The words the search scenarios look for: one in ~0.005% of insights (an error code, ~50 per
 * million), one in ~4% (a named integration, well above the 2,000 candidates /api/search ranks)
 * and one in ~80% of them. Children report how many documents each actually matches.
 */
export const SEARCH_WORDS = { rare: DETAIL_TERMS[1_499] as string, mid: DETAIL_TERMS[1] as string, common: 'they' } as const;
export type SearchWord = keyof typeof SEARCH_WORDS;

export function channelOf(random: Random): Channel {
  let roll = random.next() * CHANNEL_TOTAL;
  for (const [channel, weight] of CHANNEL_WEIGHTS) if ((roll -= weight) < 0) return channel;
  return 'other';
}

/** 0 to 3 distinct tags, most often 1 or 2. */
export function tagsOf(random: Random, min = 0, max = 3): string[] {
  const roll = random.next();
  const wanted = Math.max(min, Math.min(max, roll < 0.1 ? 0 : roll < 0.55 ? 1 : roll < 0.9 ? 2 : 3));
  const tags = new Set<string>();
  while (tags.size < wanted) tags.add(random.pick(TAGS));
  return [...tags];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A 16-character base64url id, like the product's newId(), from the seeded sequence. */
export function idOf(random: Random): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[Math.floor(random.next() * 64)];
  return id;
}

/** The product's keyset cursor (server/store/cursor.ts encodeCursor): base64url JSON of the sort key. */
export const encodeCursor = (key: readonly (string | number)[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string') return [key[0], key[1]];
  } catch {
    // not a cursor of ours
  }
  return null;
}

export const ISSUE_KINDS: readonly IssueKind[] = ['cx-fix', 'problem', 'improvement', 'innovation'];
const ISSUE_VERBS = ['Fix', 'Speed up', 'Rethink', 'Explain', 'Stop', 'Simplify', 'Localise', 'Audit', 'Document', 'Redesign'];
const ISSUE_THINGS = ['the CSV export', 'invoice totals', 'the mobile upload', 'SSO sign-out', 'dashboard loading', 'search results', 'API rate limits', 'delivery updates', 'the onboarding checklist', 'reminder timing', 'report filters', 'role permissions', 'the import wizard', 'VAT numbers', 'accented names', 'duplicate entries'];

/** An issue title like the demo's: a verb and a part of the product. */
export const issueTitleOf = (random: Random): string => `${random.pick(ISSUE_VERBS)} ${random.pick(ISSUE_THINGS)}`;
