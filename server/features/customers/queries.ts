import { preparedFor } from '../../store/prepared.js';
import { keysetAfter } from '../../store/keyset.js';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { customers } from '../../../db/schema.js';
import type { Customer, CustomerSummary, Tier } from '../../../shared/customers.js';

export type CustomerRow = typeof customers.$inferSelect;

const customerById = preparedFor((db) => db.select().from(customers).where(eq(customers.id, sql.placeholder('id'))).prepare());

/** One customer by id (prepared: posting with a customer looks one up every time). */
export const findCustomer = (db: Queryable, id: string) => customerById(db).get({ id });

/** Follows merges to the surviving customer. */
export function findLiveCustomer(db: Queryable, id: string): CustomerRow | undefined {
  let row = findCustomer(db, id);
  for (let hops = 0; row?.mergedInto && hops < 10; hops++) row = findCustomer(db, row.mergedInto);
  return row;
}

export const presentCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  name: row.name,
  company: row.company,
  email: row.email,
  handles: row.handles,
  crmId: row.crmId,
  tier: row.tier,
  mergedInto: row.mergedInto,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Live customers by lower(name), id; searchable by name, company or email. */
export function listCustomers(
  db: Queryable,
  opts: { limit: number; after: readonly [string, string] | null; q?: string; tier?: Tier },
): (CustomerSummary & { sortName: string })[] {
  const nameKey = sql<string>`lower(${customers.name})`;
  const conditions = [isNull(customers.mergedInto)];
  if (opts.after) {
    const [name, id] = opts.after;
    conditions.push(keysetAfter(nameKey, customers.id, [name, id], 'asc'));
  }
  if (opts.q) {
    const pattern = likePattern(opts.q);
    conditions.push(
      or(
        sql`${customers.name} like ${pattern} escape '\\'`,
        sql`${customers.company} like ${pattern} escape '\\'`,
        sql`${customers.email} like ${pattern} escape '\\'`,
      ) as ReturnType<typeof eq>,
    );
  }
  if (opts.tier) conditions.push(eq(customers.tier, opts.tier));
  const rows = db
    .select({
      row: customers,
      sortName: nameKey,
      // Qualified by hand: in a single-table select drizzle leaves column names bare, which the sub-select would capture.
      insightCount: sql<number>`(select count(*) from insights i where i.customer_id = customers.id and i.deleted_at is null)`,
      lastInsightAt: sql<string | null>`(select max(i.created_at) from insights i where i.customer_id = customers.id and i.deleted_at is null)`,
    })
    .from(customers)
    .where(and(...conditions))
    .orderBy(asc(nameKey), asc(customers.id))
    .limit(opts.limit + 1)
    .all();
  return rows.map((r) => ({ ...presentCustomer(r.row), insightCount: r.insightCount, lastInsightAt: r.lastInsightAt, sortName: r.sortName }));
}

/**
 * The customer's timeline: their insights and the issues those insights feed,
 * newest first, keyset-paged on (at, id) across both kinds.
 */
export function timelineEntries(db: Queryable, customerId: string, opts: { limit: number; after: readonly [string, string] | null }) {
  const after = opts.after ? sql`where (at, id) < (${opts.after[0]}, ${opts.after[1]})` : sql``;
  return db.all<{ type: 'insight' | 'issue'; at: string; id: string }>(sql`
    select * from (
      select 'insight' as type, created_at as at, id from insights where customer_id = ${customerId} and deleted_at is null
      union all
      select 'issue' as type, created_at as at, id from issues where id in (
        select e.issue_id from issue_evidence e join insights i on i.id = e.insight_id where i.customer_id = ${customerId})
    ) ${after}
    order by at desc, id desc
    limit ${opts.limit + 1}`);
}
