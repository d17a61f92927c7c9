import { z } from 'zod';
import { LIMITS } from './limits.js';
import { pageQuery } from './pagination.js';

export const TIERS = ['standard', 'key', 'enterprise'] as const;
export const tier = z.enum(TIERS);
export type Tier = z.infer<typeof tier>;

export const customer = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  handles: z.record(z.string(), z.string()),
  crmId: z.string().nullable(),
  tier,
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customer>;

/** What an insight or issue shows of its customer. */
export const customerRef = customer.pick({ id: true, name: true, company: true, tier: true });
export type CustomerRef = z.infer<typeof customerRef>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const customerFields = {
  name: z.string().trim().min(1, 'Enter the customer’s name.').max(LIMITS.customerNameLength),
  company: optionalText(LIMITS.companyLength),
  email: z.email('Enter a valid email address.').max(LIMITS.emailLength).nullable().optional(),
  handles: z
    .record(z.string().min(1).max(40), z.string().trim().min(1).max(LIMITS.customerHandleLength))
    .refine((h) => Object.keys(h).length <= LIMITS.customerHandles, `At most ${LIMITS.customerHandles} handles.`)
    .optional(),
  crmId: optionalText(LIMITS.crmIdLength),
  tier: tier.optional(),
};

export const createCustomerBody = z.object(customerFields);
export type CreateCustomerBody = z.input<typeof createCustomerBody>;

/** The inline form, when a customer is created while posting an insight. */
export const inlineCustomer = z.object({ name: customerFields.name, company: customerFields.company, email: customerFields.email });

export const updateCustomerBody = z
  .object({ ...customerFields, name: customerFields.name.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change: send at least one field.');

export const mergeCustomerBody = z.object({ fromId: z.string().min(1).max(100) });

export const listCustomersQuery = pageQuery.extend({ q: z.string().trim().max(LIMITS.searchQueryLength).optional(), tier: tier.optional() });

export const customerSummary = customer.extend({ insightCount: z.number().int(), lastInsightAt: z.string().nullable() });
export type CustomerSummary = z.infer<typeof customerSummary>;
