import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { preparedFor } from '../../store/prepared.js';
import { searchOutbox } from '../../../db/schema.js';
import type { SearchKind } from '../../../shared/search.js';
import type { StoredEvent } from '../../store/store.js';
import { nowIso } from '../../store/ids.js';

/** Which searchable things an event changes; the indexer re-reads each one. */
function touched(event: StoredEvent): [SearchKind, string][] {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'insight.created':
    case 'insight.updated':
    case 'insight.deleted':
    case 'insight.restored':
      return [['insight', String(d.insightId)]];
    case 'reply.created':
    case 'reply.updated':
    case 'reply.deleted':
      return [['reply', String(d.replyId)]];
    case 'issue.created':
    case 'issue.updated':
    case 'issue.transitioned':
      return [['issue', String(d.issueId)]];
    case 'customer.created':
    case 'customer.updated':
      return [['customer', String(d.customerId)]];
    case 'customer.merged':
      return [
        ['customer', String(d.customerId)],
        ['customer', String(d.fromId)],
      ];
    default:
      return [];
  }
}

const insertOutbox = preparedFor((db) =>
  db.insert(searchOutbox).values({ kind: sql.placeholder('kind'), refId: sql.placeholder('refId'), createdAt: sql.placeholder('createdAt') }).prepare(),
);

/** Store append hook: records what to reindex in the change's own transaction. */
export function recordSearchChange(tx: Tx, event: StoredEvent): void {
  const refs = touched(event);
  if (refs.length === 0) return;
  const createdAt = nowIso();
  for (const [kind, refId] of refs) insertOutbox(tx).run({ kind, refId, createdAt });
}
