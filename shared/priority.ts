/**
 * Issue priority, derived from its evidence and explained. Written once: the
 * server stores the evidence part and sorts with the same weights, the client
 * shows the reasons.
 */
export interface PriorityInputs {
  insights: number;
  customers: number;
  enterpriseCustomers: number;
  keyCustomers: number;
  meToo: number;
  /** Share of evidence with negative sentiment, 0..1. */
  negativeShare: number;
  /** Days since the issue was raised (until it closed). */
  ageDays: number;
}

export const PRIORITY_WEIGHTS = {
  insight: 4,
  customer: 8,
  enterprise: 12,
  key: 6,
  meToo: 3,
  negative: 20,
  /** Points per day of age, up to `ageCapDays`: old issues rise, but never drown fresh evidence. */
  agePerDay: 0.5,
  ageCapDays: 60,
} as const;

/** The part of the score that only changes when evidence does (stored on the issue). */
export function evidenceScore(i: Omit<PriorityInputs, 'ageDays'>): number {
  const w = PRIORITY_WEIGHTS;
  return Math.round(
    i.insights * w.insight + i.customers * w.customer + i.enterpriseCustomers * w.enterprise + i.keyCustomers * w.key + i.meToo * w.meToo + i.negativeShare * w.negative,
  );
}

export const ageScore = (ageDays: number): number => Math.round(Math.min(Math.max(ageDays, 0), PRIORITY_WEIGHTS.ageCapDays) * PRIORITY_WEIGHTS.agePerDay);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function priorityOf(i: PriorityInputs): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  if (i.customers > 0) {
    const tiers = [i.enterpriseCustomers > 0 ? `${i.enterpriseCustomers} enterprise` : '', i.keyCustomers > 0 ? `${i.keyCustomers} key` : ''].filter(Boolean);
    reasons.push(`${plural(i.customers, 'customer')}${tiers.length ? `, ${tiers.join(', ')}` : ''}`);
  }
  reasons.push(plural(i.insights, 'linked insight'));
  if (i.meToo > 0) reasons.push(`${i.meToo} me-too`);
  if (i.insights > 0) reasons.push(`${Math.round(i.negativeShare * 100)}% negative`);
  reasons.push(`${plural(Math.floor(i.ageDays), 'day')} open`);
  return { score: evidenceScore(i) + ageScore(i.ageDays), reasons };
}
