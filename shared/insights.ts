import { z } from 'zod';
import { LIMITS, SOURCE_URL_SCHEMES } from './limits.js';
import { pageQuery } from './pagination.js';
import { customerRef, inlineCustomer } from './customers.js';
import { teamRef } from './users.js';

export const CHANNELS = ['call', 'chat', 'email', 'social', 'forum', 'survey', 'in_person', 'other'] as const;
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const REACTION_KINDS = ['me_too', 'thanks', 'insightful'] as const;

export const channel = z.enum(CHANNELS);
export const sentiment = z.enum(SENTIMENTS);
export const reactionKind = z.enum(REACTION_KINDS);
export type Channel = z.infer<typeof channel>;
export type Sentiment = z.infer<typeof sentiment>;
export type ReactionKind = z.infer<typeof reactionKind>;

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(LIMITS.tagLength, `A tag has at most ${LIMITS.tagLength} characters.`)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'A tag uses letters, digits, dashes and underscores.');

export const sourceUrl = z
  .string()
  .trim()
  .max(LIMITS.sourceUrlLength)
  .refine((value) => {
    try {
      return (SOURCE_URL_SCHEMES as readonly string[]).includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'A source link must be an http or https URL.');

export const insightBody = z.string().trim().min(1, 'Write what the customer said.').max(LIMITS.insightBodyLength);
export const replyBody = z.string().trim().min(1, 'Write a reply.').max(LIMITS.replyBodyLength);

export const person = z.object({ id: z.string(), displayName: z.string(), handle: z.string() });
export type Person = z.infer<typeof person>;

export const reactionSummary = z.object({ kind: reactionKind, count: z.number().int(), mine: z.boolean() });

export const reply = z.object({
  id: z.string(),
  insightId: z.string(),
  body: z.string(),
  author: person,
  mentions: z.object({ users: z.array(z.string()), teams: z.array(z.string()) }),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type Reply = z.infer<typeof reply>;

export const issueRef = z.object({ id: z.string(), title: z.string(), status: z.string(), kind: z.string() });

export const insight = z.object({
  id: z.string(),
  body: z.string(),
  /** True in the feed when `body` was cut to LIMITS.feedBodyLength; the thread has it whole. */
  truncated: z.boolean(),
  channel,
  sentiment,
  tags: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  customer: customerRef.nullable(),
  author: person,
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  teamsTakingPart: z.array(teamRef),
  mentions: z.object({ users: z.array(z.string()), teams: z.array(z.string()) }),
  replyCount: z.number().int(),
  reactions: z.array(reactionSummary),
  issues: z.array(issueRef),
});
export type Insight = z.infer<typeof insight>;

/** GET one: the thread, with every reply. */
export const insightThread = insight.extend({ replies: z.array(reply) });
export type InsightThread = z.infer<typeof insightThread>;

export const createInsightBody = z
  .object({
    body: insightBody,
    channel,
    sentiment: sentiment.default('neutral'),
    tags: z.array(tag).max(LIMITS.tagsPerInsight, `At most ${LIMITS.tagsPerInsight} tags.`).default([]),
    sourceUrl: sourceUrl.nullable().optional(),
    customerId: z.string().min(1).max(100).nullable().optional(),
    customer: inlineCustomer.optional(),
  })
  .refine((b) => !(b.customerId && b.customer), { message: 'Send either customerId or customer, not both.', path: ['customer'] });
export type CreateInsightBody = z.input<typeof createInsightBody>;

export const updateInsightBody = z
  .object({
    body: insightBody.optional(),
    channel: channel.optional(),
    sentiment: sentiment.optional(),
    tags: z.array(tag).max(LIMITS.tagsPerInsight, `At most ${LIMITS.tagsPerInsight} tags.`).optional(),
    sourceUrl: sourceUrl.nullable().optional(),
    customerId: z.string().min(1).max(100).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change: send at least one field.');

const isoDate = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Use an ISO 8601 date, like 2026-11-01 or 2026-11-01T09:00:00Z.');

export const feedQuery = pageQuery.extend({
  team: z.string().max(100).optional(),
  tag: z.string().trim().toLowerCase().max(LIMITS.tagLength).optional(),
  channel: channel.optional(),
  sentiment: sentiment.optional(),
  customerId: z.string().max(100).optional(),
  authorId: z.string().max(100).optional(),
  q: z.string().trim().max(LIMITS.searchQueryLength).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Admins only: include soft-deleted insights. */
  includeDeleted: z.enum(['true', 'false']).optional(),
});
export type FeedQuery = z.infer<typeof feedQuery>;

export const createReplyBody = z.object({ body: replyBody });
export const updateReplyBody = z.object({ body: replyBody });

export const tagSuggestion = z.object({ tag: z.string(), count: z.number().int() });
