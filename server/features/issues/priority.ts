import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../db/client.js';
import { customers, insights, issueEvidence, issues, reactions } from '../../../db/schema.js';
import { evidenceScore, type PriorityInputs } from '../../../shared/priority.js';

/** What the priority formula needs, read from an issue's live evidence. */
export function evidenceInputs(db: Queryable, issueId: string): Omit<PriorityInputs, 'ageDays'> {
  const row = db
    .select({
      insights: sql<number>`count(*)`,
      customers: sql<number>`count(distinct ${insights.customerId})`,
      enterprise: sql<number>`count(distinct case when ${customers.tier} = 'enterprise' then ${customers.id} end)`,
      key: sql<number>`count(distinct case when ${customers.tier} = 'key' then ${customers.id} end)`,
      negative: sql<number>`sum(case when ${insights.sentiment} = 'negative' then 1 else 0 end)`,
      meToo: sql<number>`coalesce(sum((select count(*) from ${reactions} where ${reactions.insightId} = ${insights.id} and ${reactions.kind} = 'me_too')), 0)`,
    })
    .from(issueEvidence)
    .innerJoin(insights, eq(insights.id, issueEvidence.insightId))
    .leftJoin(customers, eq(customers.id, insights.customerId))
    .where(sql`${issueEvidence.issueId} = ${issueId} and ${insights.deletedAt} is null`)
    .get();
  const n = row?.insights ?? 0;
  return {
    insights: n,
    customers: row?.customers ?? 0,
    enterpriseCustomers: row?.enterprise ?? 0,
    keyCustomers: row?.key ?? 0,
    meToo: row?.meToo ?? 0,
    negativeShare: n > 0 ? (row?.negative ?? 0) / n : 0,
  };
}

/** Stores the evidence part of each issue's priority; returns the new scores. */
export function recomputePriority(tx: Tx, issueIds: readonly string[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const issueId of new Set(issueIds)) {
    const inputs = evidenceInputs(tx, issueId);
    const score = evidenceScore(inputs);
    tx.update(issues).set({ priorityScore: score, priorityInputs: inputs }).where(eq(issues.id, issueId)).run();
    scores.set(issueId, score);
  }
  return scores;
}

/** Called when an insight's evidence weight changed (reaction, sentiment, deletion, customer). */
export function recomputePriorityForInsights(tx: Tx, insightIds: readonly string[]): void {
  if (insightIds.length === 0) return;
  const linked = tx.select({ issueId: issueEvidence.issueId }).from(issueEvidence).where(inArray(issueEvidence.insightId, [...insightIds])).all();
  recomputePriority(
    tx,
    linked.map((l) => l.issueId),
  );
}
