import type { Tier } from '../shared/customers.js';
import type { Channel, ReactionKind, Sentiment } from '../shared/insights.js';
import { STATUS_LABELS, type IssueKind } from '../shared/issues.js';

/** Words for the enums of the contract, as people read them. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  call: 'Call',
  chat: 'Chat',
  email: 'Email',
  social: 'Social',
  forum: 'Forum',
  survey: 'Survey',
  in_person: 'In person',
  other: 'Other',
};

export const SENTIMENT_LABELS: Record<Sentiment, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

export const REACTION_LABELS: Record<ReactionKind, string> = { me_too: 'Me too', thanks: 'Thanks', insightful: 'Insightful' };

export const TIER_LABELS: Record<Tier, string> = { standard: 'Standard', key: 'Key', enterprise: 'Enterprise' };

export const ISSUE_KIND_LABELS: Record<IssueKind, string> = {
  'cx-fix': 'CX fix',
  problem: 'Problem',
  improvement: 'Improvement',
  innovation: 'Innovation',
};

/** Issue statuses arrive as strings on an insight's `issues`; an unknown one is shown as sent. */
export const issueStatusLabel = (status: string): string => (STATUS_LABELS as Record<string, string>)[status] ?? status;
