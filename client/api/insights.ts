import type { z } from 'zod';
import type { Channel, CreateInsightBody, Insight, InsightThread, ReactionKind, Reply, Sentiment, tagSuggestion } from '../../shared/insights.js';
import type { Page } from '../../shared/pagination.js';
import { api, seg } from './http.js';

export type TagSuggestion = z.infer<typeof tagSuggestion>;
export type ReactionSummary = Insight['reactions'][number];

/** The feed's filters, as the URL and the API name them. */
export interface FeedFilters {
  channel?: Channel;
  sentiment?: Sentiment;
  /** Team id or slug: threads that team takes part in. */
  team?: string;
  tag?: string;
  customerId?: string;
  authorId?: string;
  q?: string;
}

/** The body PATCH /api/insights/:id takes (a shared input type is not exported). */
export interface UpdateInsightInput {
  body?: string;
  channel?: Channel;
  sentiment?: Sentiment;
  tags?: string[];
  sourceUrl?: string | null;
  customerId?: string | null;
}

export const FEED_PAGE_SIZE = 25;

export const listInsights = (filters: FeedFilters, cursor: string | null, signal?: AbortSignal, limit = FEED_PAGE_SIZE) =>
  api.get<Page<Insight>>('/insights', { ...filters, q: filters.q?.trim(), limit, cursor }, { signal });

export const getInsight = (id: string, signal?: AbortSignal) => api.get<InsightThread>(`/insights/${seg(id)}`, undefined, { signal });

export const createInsight = (body: CreateInsightBody, idempotencyKey: string) => api.post<Insight>('/insights', body, { idempotencyKey });

export const updateInsight = (id: string, body: UpdateInsightInput) => api.patch<Insight>(`/insights/${seg(id)}`, body);

export const deleteInsight = (id: string) => api.delete(`/insights/${seg(id)}`);

export const restoreInsight = (id: string) => api.post<Insight>(`/insights/${seg(id)}/restore`);

export const createReply = (insightId: string, body: string, idempotencyKey?: string) =>
  api.post<Reply>(`/insights/${seg(insightId)}/replies`, { body }, { idempotencyKey });

export const updateReply = (id: string, body: string) => api.patch<Reply>(`/replies/${seg(id)}`, { body });

export const deleteReply = (id: string) => api.delete(`/replies/${seg(id)}`);

/** Adds (`on`) or takes back one reaction of the signed-in person; answers the new counts. */
export function setReaction(insightId: string, kind: ReactionKind, on: boolean) {
  const path = `/insights/${seg(insightId)}/reactions/${seg(kind)}`;
  return on ? api.put<{ reactions: ReactionSummary[] }>(path) : api.delete<{ reactions: ReactionSummary[] }>(path);
}

export const suggestTags = (prefix: string, signal?: AbortSignal) =>
  api.get<{ items: TagSuggestion[] }>('/tags', { q: prefix.trim().toLowerCase(), limit: 8 }, { signal });
