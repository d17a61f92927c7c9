import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCustomerBody, customer, customerSummary, listCustomersQuery, mergeCustomerBody, updateCustomerBody } from '../../../shared/customers.js';
import { insight } from '../../../shared/insights.js';
import { issueSummary } from '../../../shared/issues.js';
import { loadIssueSummary } from '../issues/queries.js';
import { pageOf, pageQuery } from '../../../shared/pagination.js';
import { notFound } from '../../errors.js';
import { requireUser } from '../../plugins/auth.js';
import { decodeCursor, encodeCursor, pageFrom } from '../../store/cursor.js';
import { presentInsightsById } from '../insights/queries.js';
import { findCustomer, findLiveCustomer, listCustomers, presentCustomer, timelineEntries } from './queries.js';
import { createCustomer, mergeCustomers, updateCustomer } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const timelineItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('insight'), at: z.string(), insight }),
  z.object({ type: z.literal('issue'), at: z.string(), issue: issueSummary }),
]);

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store;

  app.get(
    '/customers',
    { schema: { tags: ['customers'], summary: 'Customers by name; q searches name, company and email', querystring: listCustomersQuery, response: { 200: pageOf(customerSummary) } } },
    async (request) => {
      requireUser(request);
      const { limit, cursor, q, tier } = request.query;
      const rows = listCustomers(db, { limit, after: decodeCursor<[string, string]>(cursor, 2), q, tier });
      return pageFrom(rows, limit, (page) => page.map(({ sortName: _sortName, ...c }) => c), (r) => [r.sortName, r.id]);
    },
  );

  app.post(
    '/customers',
    { config: { idempotent: true }, schema: { tags: ['customers'], summary: 'Create a customer', body: createCustomerBody, response: { 201: customer } } },
    async (request, reply) => reply.code(201).send(createCustomer(app.store, requireUser(request), request.body)),
  );

  app.get(
    '/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'A customer with its timeline, newest first; a merged one answers its survivor with mergedInto set',
        params: idParams,
        querystring: pageQuery,
        response: { 200: customer.extend({ timeline: pageOf(timelineItem) }) },
      },
    },
    async (request) => {
      const viewer = requireUser(request);
      const requested = findCustomer(db, request.params.id);
      const survivor = requested ? findLiveCustomer(db, requested.id) : undefined;
      if (!requested || !survivor) throw notFound('Customer');
      const { limit, cursor } = request.query;
      const rows = timelineEntries(db, survivor.id, { limit, after: decodeCursor<[string, string]>(cursor, 2) });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const insightsById = new Map(presentInsightsById(db, viewer.userId, page.filter((r) => r.type === 'insight').map((r) => r.id)).map((i) => [i.id, i]));
      const items = page.flatMap((entry): z.infer<typeof timelineItem>[] => {
        if (entry.type === 'insight') {
          const found = insightsById.get(entry.id);
          return found ? [{ type: 'insight', at: entry.at, insight: found }] : [];
        }
        const found = loadIssueSummary(db, entry.id);
        return found ? [{ type: 'issue', at: entry.at, issue: found }] : [];
      });
      return {
        ...presentCustomer(survivor),
        mergedInto: requested.mergedInto ? survivor.id : null,
        timeline: { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null },
      };
    },
  );

  app.patch(
    '/customers/:id',
    { schema: { tags: ['customers'], summary: 'Edit a customer', params: idParams, body: updateCustomerBody, response: { 200: customer } } },
    async (request) => updateCustomer(app.store, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/customers/:id/merge',
    { schema: { tags: ['customers'], summary: 'Merge the duplicate fromId into this customer', params: idParams, body: mergeCustomerBody, response: { 200: customer } } },
    async (request) => mergeCustomers(app.store, requireUser(request), request.params.id, request.body.fromId),
  );
};
