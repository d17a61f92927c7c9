import { z } from 'zod';

/** Bumped when the live protocol changes in a way old clients cannot read. */
export const LIVE_PROTOCOL_VERSION = 1;

export const actor = z.object({ id: z.string(), displayName: z.string() }).nullable();
export type Actor = z.infer<typeof actor>;

const subject = z.object({ type: z.string(), id: z.string() });

/**
 * Every event the log can hold, by `entity.verb`. The payload of each is kept
 * deliberately small: ids and the fields a screen needs to update in place.
 */
export const eventData = {
  'user.created': z.object({ userId: z.string(), email: z.string(), role: z.string() }),
  'user.updated': z.object({ userId: z.string(), changes: z.record(z.string(), z.unknown()) }),
  'team.created': z.object({ teamId: z.string(), slug: z.string(), name: z.string() }),
  'team.updated': z.object({ teamId: z.string(), changes: z.record(z.string(), z.unknown()) }),
  'team.member_added': z.object({ teamId: z.string(), userId: z.string() }),
  'team.member_removed': z.object({ teamId: z.string(), userId: z.string() }),
  'token.created': z.object({ tokenId: z.string(), name: z.string() }),
  'token.revoked': z.object({ tokenId: z.string() }),
  'customer.created': z.object({ customerId: z.string(), name: z.string() }),
  'customer.updated': z.object({ customerId: z.string(), changes: z.record(z.string(), z.unknown()) }),
  'customer.merged': z.object({ customerId: z.string(), fromId: z.string(), movedInsights: z.number().int() }),
  'insight.created': z.object({
    insightId: z.string(),
    authorId: z.string(),
    customerId: z.string().nullable(),
    channel: z.string(),
    sentiment: z.string(),
    tags: z.array(z.string()),
  }),
  /** `previous` keeps what the edit replaced: an insight's history is never lost. */
  'insight.updated': z.object({ insightId: z.string(), changes: z.record(z.string(), z.unknown()), previous: z.record(z.string(), z.unknown()) }),
  'insight.deleted': z.object({ insightId: z.string() }),
  'insight.restored': z.object({ insightId: z.string() }),
  'reply.created': z.object({ replyId: z.string(), insightId: z.string(), authorId: z.string(), teamIds: z.array(z.string()) }),
  'reply.updated': z.object({ replyId: z.string(), insightId: z.string(), previousBody: z.string() }),
  'reply.deleted': z.object({ replyId: z.string(), insightId: z.string() }),
  'issue.created': z.object({ issueId: z.string(), title: z.string(), teamId: z.string().nullable(), insightIds: z.array(z.string()) }),
  'issue.updated': z.object({ issueId: z.string(), version: z.number().int(), changes: z.record(z.string(), z.unknown()) }),
  'issue.transitioned': z.object({
    issueId: z.string(),
    version: z.number().int(),
    from: z.string(),
    to: z.string(),
    note: z.string().nullable(),
    assigneeId: z.string().nullable(),
  }),
  'evidence.changed': z.object({ issueId: z.string(), insightId: z.string(), linked: z.boolean(), priorityScore: z.number() }),
  /** Heard only by its recipient. */
  'notification.created': z.object({
    notificationId: z.string(),
    userId: z.string(),
    kind: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }),
  }),
  'reaction.changed': z.object({
    insightId: z.string(),
    kind: z.string(),
    userId: z.string(),
    active: z.boolean(),
    count: z.number().int(),
  }),
} as const;

export type EventType = keyof typeof eventData;
export const EVENT_TYPES = Object.keys(eventData) as EventType[];
export type EventDataOf<T extends EventType> = z.infer<(typeof eventData)[T]>;

export interface LiveEventOf<T extends EventType> {
  seq: number;
  type: T;
  at: string;
  actor: Actor;
  subject: z.infer<typeof subject>;
  data: EventDataOf<T>;
}
export type LiveEvent = { [T in EventType]: LiveEventOf<T> }[EventType];

const envelope = <T extends EventType>(type: T) =>
  z.object({ seq: z.number().int(), type: z.literal(type), at: z.string(), actor, subject, data: eventData[type] });

export const liveEvent = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((t) => envelope(t)) as unknown as [ReturnType<typeof envelope>, ...ReturnType<typeof envelope>[]],
);

/** Close codes the server uses; a client resumes from its last seq after either. */
export const LIVE_CLOSE = {
  /** The client read too slowly and its buffer passed the bound. */
  tooSlow: 4008,
  /** The account was deactivated or the credential revoked: do not reconnect. */
  signedOut: 4001,
  /** The server is shutting down: reconnect with backoff. */
  goingAway: 1001,
} as const;

/** Control messages that are not events of the log (no seq). */
export const helloMessage = z.object({ type: z.literal('hello'), seq: z.number().int(), protocolVersion: z.number().int() });
export const resyncMessage = z.object({ type: z.literal('resync'), seq: z.number().int() });
export const presenceMessage = z.object({
  type: z.literal('presence'),
  subject: z.string(),
  users: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type PresenceMessage = z.infer<typeof presenceMessage>;

/** What a client may send: which thread or issue it is viewing. */
export const PRESENCE_SUBJECT = /^(insight|issue):[A-Za-z0-9_-]{1,100}$/;
export const clientPresence = z.object({
  type: z.literal('presence'),
  viewing: z.string().regex(PRESENCE_SUBJECT).nullable(),
});
