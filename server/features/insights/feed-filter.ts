import type { Queryable } from '../../../db/client.js';
import type { FeedQuery } from '../../../shared/insights.js';
import { invalid } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import { findTeam } from '../teams/queries.js';
import type { FeedFilter } from './queries.js';
import { parseSearch, toFtsQuery } from '../../../shared/search-query.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `from` is inclusive; a date-only `to` includes that whole day (UTC). */
function boundary(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (end && DATE_ONLY.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** Turns the feed's query string into a filter: a team by id or slug, dates normalised to UTC instants. */
export function resolveFeedFilter(db: Queryable, viewer: Principal, query: FeedQuery): FeedFilter {
  let teamId: string | undefined;
  if (query.team) {
    const team = findTeam(db, query.team);
    if (!team) throw invalid(`There is no team "${query.team}".`, { field: 'team' });
    teamId = team.id;
  }
  const from = boundary(query.from, false);
  const to = boundary(query.to, true);
  if (from && to && from >= to) throw invalid('"from" must be before "to".', { field: 'from' });
  return {
    teamId,
    tag: query.tag,
    channel: query.channel,
    sentiment: query.sentiment,
    customerId: query.customerId,
    authorId: query.authorId,
    q: query.q ? (toFtsQuery(parseSearch(query.q).terms) ?? undefined) : undefined,
    from,
    to,
    includeDeleted: query.includeDeleted === 'true' && viewer.role === 'admin',
  };
}
