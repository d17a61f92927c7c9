import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, insights } from '../../../db/schema.js';
import type { Customer, createCustomerBody, inlineCustomer, updateCustomerBody } from '../../../shared/customers.js';
import { AppError, conflict, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store, WriteContext } from '../../store/store.js';
import { newId, nowIso } from '../../store/ids.js';
import { findCustomer, presentCustomer } from './queries.js';
import { recomputePriorityForInsights } from '../issues/priority.js';

const insightIdsOf = (tx: WriteContext['tx'], customerId: string) =>
  tx.select({ id: insights.id }).from(insights).where(eq(insights.customerId, customerId)).all().map((r) => r.id);

type NewCustomer = z.output<typeof createCustomerBody> | z.output<typeof inlineCustomer>;
type CustomerChanges = z.output<typeof updateCustomerBody>;

/** Inserts a customer inside the caller's transaction (also used when posting with a new customer). */
export function insertCustomer(ctx: WriteContext, actorId: string, input: NewCustomer): string {
  const id = newId();
  const at = nowIso();
  ctx.tx
    .insert(customers)
    .values({
      id,
      name: input.name,
      company: input.company ?? null,
      email: input.email ?? null,
      handles: 'handles' in input ? (input.handles ?? {}) : {},
      crmId: 'crmId' in input ? (input.crmId ?? null) : null,
      tier: 'tier' in input ? (input.tier ?? 'standard') : 'standard',
      createdAt: at,
      updatedAt: at,
    })
    .run();
  ctx.append('customer.created', { actorId, subject: { type: 'customer', id }, data: { customerId: id, name: input.name } });
  return id;
}

export function createCustomer(store: Store, actor: Principal, input: NewCustomer): Customer {
  const id = store.write((ctx) => insertCustomer(ctx, actor.userId, input));
  return presentCustomer(findCustomer(store.db, id) as NonNullable<ReturnType<typeof findCustomer>>);
}

export function updateCustomer(store: Store, actor: Principal, id: string, input: CustomerChanges): Customer {
  return store.write(({ tx, append }) => {
    const current = findCustomer(tx, id);
    if (!current) throw notFound('Customer');
    if (current.mergedInto) throw conflict('This customer was merged into another; edit that one.', { mergedInto: current.mergedInto });
    const changes: Record<string, unknown> = {};
    for (const key of ['name', 'company', 'email', 'handles', 'crmId', 'tier'] as const) {
      const value = input[key];
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) changes[key] = value;
    }
    if (Object.keys(changes).length > 0) {
      tx.update(customers).set({ ...changes, updatedAt: nowIso() }).where(eq(customers.id, id)).run();
      if ('tier' in changes) recomputePriorityForInsights(tx, insightIdsOf(tx, id));
      append('customer.updated', { actorId: actor.userId, subject: { type: 'customer', id }, data: { customerId: id, changes } });
    }
    return presentCustomer(findCustomer(tx, id) as NonNullable<ReturnType<typeof findCustomer>>);
  });
}

/**
 * Merges `fromId` into `survivorId` in one transaction: every insight moves,
 * blank fields of the survivor are filled from the duplicate, and the
 * duplicate stays as a redirect (`mergedInto`), as do customers merged into it before.
 */
export function mergeCustomers(store: Store, actor: Principal, survivorId: string, fromId: string): Customer {
  return store.write(({ tx, append }) => {
    const survivor = findCustomer(tx, survivorId);
    const from = findCustomer(tx, fromId);
    if (!survivor) throw notFound('Customer');
    if (!from) throw notFound('The customer to merge');
    if (survivor.id === from.id) throw new AppError('unprocessable', 'A customer cannot be merged into itself.');
    if (survivor.mergedInto) throw conflict('This customer was itself merged into another; merge into that one.', { mergedInto: survivor.mergedInto });
    if (from.mergedInto) throw conflict('That customer was already merged.', { mergedInto: from.mergedInto });
    const at = nowIso();
    const moved = tx.update(insights).set({ customerId: survivor.id }).where(eq(insights.customerId, from.id)).run().changes;
    tx.update(customers).set({ mergedInto: survivor.id, updatedAt: at }).where(eq(customers.mergedInto, from.id)).run();
    tx.update(customers).set({ mergedInto: survivor.id, updatedAt: at }).where(eq(customers.id, from.id)).run();
    const filled = {
      company: survivor.company ?? from.company,
      email: survivor.email ?? from.email,
      crmId: survivor.crmId ?? from.crmId,
      handles: { ...from.handles, ...survivor.handles },
      tier: survivor.tier === 'standard' ? from.tier : survivor.tier,
    };
    tx.update(customers).set({ ...filled, updatedAt: at }).where(eq(customers.id, survivor.id)).run();
    recomputePriorityForInsights(tx, insightIdsOf(tx, survivor.id));
    append('customer.merged', { actorId: actor.userId, subject: { type: 'customer', id: survivor.id }, data: { customerId: survivor.id, fromId: from.id, movedInsights: moved } });
    append('customer.updated', { actorId: actor.userId, subject: { type: 'customer', id: from.id }, data: { customerId: from.id, changes: { mergedInto: survivor.id } } });
    return presentCustomer(findCustomer(tx, survivor.id) as NonNullable<ReturnType<typeof findCustomer>>);
  });
}
