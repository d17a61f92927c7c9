import type { CreateCustomerBody, Customer, CustomerSummary, Tier } from '../../shared/customers.js';
import type { Insight } from '../../shared/insights.js';
import type { IssueSummary } from '../../shared/issues.js';
import type { Page } from '../../shared/pagination.js';
import { LIMITS } from '../../shared/limits.js';
import { api, seg } from './http.js';

/** One entry of a customer's timeline, newest first. */
export type TimelineItem = { type: 'insight'; at: string; insight: Insight } | { type: 'issue'; at: string; issue: IssueSummary };

/** GET /api/customers/:id: the (surviving) customer and a page of its timeline. */
export interface CustomerWithTimeline extends Customer {
  timeline: Page<TimelineItem>;
}

/** The body PATCH /api/customers/:id takes. */
export interface UpdateCustomerInput {
  name?: string;
  company?: string | null;
  email?: string | null;
  handles?: Record<string, string>;
  crmId?: string | null;
  tier?: Tier;
}

export interface CustomerQuery {
  q?: string;
  tier?: Tier | '';
  limit?: number;
  cursor?: string | null;
}

export const TIMELINE_PAGE_SIZE = 20;

export const listCustomers = (query: CustomerQuery = {}, signal?: AbortSignal) =>
  api.get<Page<CustomerSummary>>(
    '/customers',
    { q: query.q?.trim(), tier: query.tier, limit: query.limit ?? LIMITS.pageSizeDefault, cursor: query.cursor },
    { signal },
  );

export const getCustomer = (id: string, cursor: string | null = null, signal?: AbortSignal) =>
  api.get<CustomerWithTimeline>(`/customers/${seg(id)}`, { limit: TIMELINE_PAGE_SIZE, cursor }, { signal });

export const createCustomer = (body: CreateCustomerBody, idempotencyKey?: string) => api.post<Customer>('/customers', body, { idempotencyKey });

export const updateCustomer = (id: string, body: UpdateCustomerInput) => api.patch<Customer>(`/customers/${seg(id)}`, body);

/** Merges the duplicate `fromId` into `id`: `id` survives. */
export const mergeCustomer = (id: string, fromId: string) => api.post<Customer>(`/customers/${seg(id)}/merge`, { fromId });
