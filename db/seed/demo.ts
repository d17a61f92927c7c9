import type { Db } from '../client.js';
import { teamMembers, teams, users } from '../schema.js';
import { seededRandom } from './random.js';
import type { Store } from '../../server/store/store.js';
import type { Principal } from '../../server/plugins/auth.js';
import { atTime } from '../../server/store/ids.js';
import { createCustomer } from '../../server/features/customers/service.js';
import { createInsight } from '../../server/features/insights/service.js';
import { createReply, setReaction } from '../../server/features/threads/service.js';
import type { ReactionKind } from '../../shared/insights.js';
import { CHANNEL_WEIGHTS, COMPANIES, FIRST_NAMES, ISSUE_TITLES, LAST_NAMES, OPENERS, REPLIES, RESOLUTION_NOTES, TOPICS, WONT_FIX_NOTES } from './content.js';
import { createIssue, transitionIssue } from '../../server/features/issues/service.js';
import { findIssue } from '../../server/features/issues/queries.js';
import type { IssueKind, IssueStatus } from '../../shared/issues.js';

export const DEMO_PASSWORD = 'frontline-demo';

const TEAMS = [
  { slug: 'support', name: 'Support', description: 'Answers customers on every channel, every day.', targetDays: 7 },
  { slug: 'sales', name: 'Sales', description: 'New business and renewals.', targetDays: 14 },
  { slug: 'marketing', name: 'Marketing', description: 'Campaigns, community and the public voice.', targetDays: 21 },
  { slug: 'product', name: 'Product', description: 'Decides what we build next and why.', targetDays: 14 },
  { slug: 'engineering', name: 'Engineering', description: 'Builds, fixes and runs the product.', targetDays: 10 },
  { slug: 'operations', name: 'Operations', description: 'Billing, logistics and the processes behind them.', targetDays: 14 },
] as const;

type TeamSlug = (typeof TEAMS)[number]['slug'];

/** Named accounts first (the ones printed at start), then more members across all six teams. */
const PEOPLE: { email: string; displayName: string; handle: string; role: 'member' | 'lead' | 'admin'; teams: TeamSlug[] }[] = [
  { email: 'admin@example.com', displayName: 'Ada Admin', handle: 'admin', role: 'admin', teams: ['operations'] },
  { email: 'lead@example.com', displayName: 'Lee Lead', handle: 'lead', role: 'lead', teams: ['product'] },
  { email: 'agent@example.com', displayName: 'Alex Agent', handle: 'agent', role: 'member', teams: ['support'] },
  { email: 'sam.support@example.com', displayName: 'Sam Rivera', handle: 'sam', role: 'member', teams: ['support'] },
  { email: 'priya.support@example.com', displayName: 'Priya Nair', handle: 'priya', role: 'member', teams: ['support'] },
  { email: 'sales@example.com', displayName: 'Jordan Blake', handle: 'jordan', role: 'member', teams: ['sales'] },
  { email: 'mia.sales@example.com', displayName: 'Mia Chen', handle: 'mia', role: 'member', teams: ['sales'] },
  { email: 'marketing@example.com', displayName: 'Noah Fischer', handle: 'noah', role: 'member', teams: ['marketing'] },
  { email: 'lena.marketing@example.com', displayName: 'Lena Okafor', handle: 'lena', role: 'member', teams: ['marketing'] },
  { email: 'product@example.com', displayName: 'Omar Haddad', handle: 'omar', role: 'member', teams: ['product'] },
  { email: 'eva.product@example.com', displayName: 'Eva Lindqvist', handle: 'eva', role: 'lead', teams: ['product'] },
  { email: 'engineer@example.com', displayName: 'Kai Tanaka', handle: 'kai', role: 'member', teams: ['engineering'] },
  { email: 'ines.eng@example.com', displayName: 'Inès Moreau', handle: 'ines', role: 'member', teams: ['engineering'] },
  { email: 'raj.eng@example.com', displayName: 'Raj Patel', handle: 'raj', role: 'lead', teams: ['engineering'] },
  { email: 'ops@example.com', displayName: 'Zoe Novak', handle: 'zoe', role: 'member', teams: ['operations'] },
  { email: 'tom.ops@example.com', displayName: 'Tom Becker', handle: 'tom', role: 'member', teams: ['operations', 'support'] },
];

export const DEMO_LOGINS = PEOPLE.slice(0, 3).map((p) => ({ email: p.email, role: p.role }));

/**
 * Seeds the demo workspace into an empty database, deterministically.
 * `passwordHash` is computed once by the caller: every demo account shares it.
 */
export function seedPeople(db: Db, passwordHash: string, now = new Date()): void {
  const random = seededRandom(20261123);
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000 - random.int(0, 86_399) * 1000).toISOString();
  db.transaction((tx) => {
    const teamIds = new Map<TeamSlug, string>();
    for (const [i, team] of TEAMS.entries()) {
      const id = `team-${team.slug}`;
      teamIds.set(team.slug, id);
      const at = daysAgo(120 - i);
      tx.insert(teams).values({ id, ...team, createdAt: at, updatedAt: at }).run();
    }
    for (const [i, person] of PEOPLE.entries()) {
      const id = `user-${person.handle}`;
      const at = daysAgo(110 - i);
      tx.insert(users)
        .values({ id, email: person.email, displayName: person.displayName, handle: person.handle, role: person.role, passwordHash, createdAt: at, updatedAt: at })
        .run();
      for (const slug of person.teams) tx.insert(teamMembers).values({ teamId: teamIds.get(slug) as string, userId: id, createdAt: at }).run();
    }
  });
}

const DAY = 86_400_000;

/** Every person of the demo as a principal, so the seed writes through the real services. */
const principalOf = (p: (typeof PEOPLE)[number]): Principal => ({
  userId: `user-${p.handle}`,
  role: p.role,
  displayName: p.displayName,
  via: 'session',
  credentialId: 'demo-seed',
});

type Action = { at: number; run: () => void };

/**
 * Customers, 400 insights over 90 days on every channel, threads where several
 * teams take part and some where one team talks to itself, and reactions —
 * all from a fixed seed and written in time order through the services, so
 * events, mentions, notifications and teams taking part are exactly what real use makes.
 */
export interface SeededInsight {
  id: string;
  at: number;
  tag: string;
  owner: string;
}

export function seedConversations(store: Store, now = new Date(), insightCount = 400): SeededInsight[] {
  const random = seededRandom(7);
  const people = PEOPLE.map((p) => ({ ...p, principal: principalOf(p) }));
  const byTeam = (slug: string) => people.filter((p) => p.teams.includes(slug as never));
  const frontline = [...byTeam('support'), ...byTeam('support'), ...byTeam('sales'), ...byTeam('marketing')];

  const customerIds: string[] = [];
  for (let i = 0; i < 64; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length] as string;
    const company = COMPANIES[i % COMPANIES.length] as string;
    const roll = random.next();
    const tier = roll < 0.1 ? 'enterprise' : roll < 0.3 ? 'key' : 'standard';
    const domain = company.toLowerCase().replace(/[^a-z]+/g, '') + '.example';
    const created = atTime(new Date(now.getTime() - (120 - i * 0.4) * DAY), () =>
      createCustomer(store, people[2]!.principal, {
        name: `${first} ${last}`,
        company,
        email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${domain}`,
        handles: random.chance(0.4) ? { twitter: `@${first.toLowerCase()}${i}` } : {},
        crmId: random.chance(0.6) ? `CRM-${10_000 + i * 37}` : null,
        tier,
      }),
    );
    customerIds.push(created.id);
  }

  const totalWeight = CHANNEL_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  const pickChannel = () => {
    let roll = random.next() * totalWeight;
    for (const [channel, weight] of CHANNEL_WEIGHTS) if ((roll -= weight) < 0) return channel;
    return 'other' as const;
  };

  const actions: Action[] = [];
  const insightIds: string[] = [];
  const seeded: SeededInsight[] = [];
  for (let i = 0; i < insightCount; i++) {
    const at = now.getTime() - random.next() * 90 * DAY;
    const topic = random.pick(TOPICS);
    const channel = pickChannel();
    const author = random.pick(frontline);
    const customerId = random.chance(0.88) ? random.pick(customerIds) : null;
    const mentionOwner = random.chance(0.3);
    const body = `${random.pick(OPENERS[channel])} ${random.pick(topic.quotes)}${mentionOwner ? ` @${topic.owner} can you take a look?` : ''}`;
    const index = i;
    actions.push({
      at,
      run: () => {
        insightIds[index] = createInsight(store, author.principal, {
          body,
          channel,
          sentiment: random.pick(topic.sentiment),
          tags: random.chance(0.8) ? topic.tags : topic.tags.slice(0, 1),
          customerId,
        }).id;
        seeded.push({ id: insightIds[index] as string, at, tag: topic.tags[0] as string, owner: topic.owner });
      },
    });
    // Threads: most pull in the owning team, some stay inside the author's own team.
    const replies = random.chance(0.6) ? random.int(1, 5) : 0;
    const sameTeamOnly = random.chance(0.25);
    for (let r = 0; r < replies; r++) {
      const replyAt = at + (r + 1) * random.int(10, 600) * 60_000;
      if (replyAt > now.getTime()) break;
      const team = sameTeamOnly ? (author.teams[0] as string) : r === 0 ? topic.owner : random.pick(['support', topic.owner, 'product', 'sales']);
      const replier = random.pick(byTeam(team).length > 0 ? byTeam(team) : people);
      const pull = !sameTeamOnly && random.chance(0.2) ? ` cc @${random.pick(['product', 'engineering', 'sales', 'marketing', 'operations'])}` : '';
      const text = `${random.pick(REPLIES[team as keyof typeof REPLIES] ?? REPLIES.support)}${pull}`;
      actions.push({ at: replyAt, run: () => void (insightIds[index] && createReply(store, replier.principal, insightIds[index] as string, text)) });
    }
    const reactors = random.int(0, topic.sentiment[0] === 'negative' ? 6 : 3);
    for (let r = 0; r < reactors; r++) {
      const who = random.pick(people);
      const kind: ReactionKind = random.chance(0.6) ? 'me_too' : random.chance(0.5) ? 'thanks' : 'insightful';
      const reactAt = at + random.int(5, 3000) * 60_000;
      if (reactAt > now.getTime()) continue;
      actions.push({ at: reactAt, run: () => void (insightIds[index] && setReaction(store, who.principal, insightIds[index] as string, kind, true)) });
    }
  }
  actions.sort((a, b) => a.at - b.at);
  for (const action of actions) atTime(new Date(action.at), action.run);
  return seeded;
}

const KINDS: IssueKind[] = ['cx-fix', 'problem', 'improvement', 'innovation'];
/** How many demo issues end in each state. */
const ISSUE_PLAN: [IssueStatus, number][] = [
  ['open', 16],
  ['claimed', 10],
  ['in_progress', 12],
  ['resolved', 15],
  ['wont_fix', 7],
];
const PATHS: Record<IssueStatus, IssueStatus[]> = {
  open: [],
  claimed: ['claimed'],
  in_progress: ['claimed', 'in_progress'],
  resolved: ['claimed', 'in_progress', 'resolved'],
  wont_fix: ['wont_fix'],
};

/**
 * About 60 issues raised from clusters of the seeded insights, walked through
 * the state machine by the owning team over the following days, so histories,
 * loop-closed notifications and ages past each team's target are real.
 */
export function seedIssues(store: Store, seeded: readonly SeededInsight[], now = new Date()): void {
  const random = seededRandom(11);
  const people = PEOPLE.map((p) => ({ ...p, principal: principalOf(p) }));
  const raiser = people.filter((p) => p.role !== 'member' || p.teams.includes('product'));
  const byTag = new Map<string, SeededInsight[]>();
  for (const s of seeded) byTag.set(s.tag, [...(byTag.get(s.tag) ?? []), s]);
  const statuses = ISSUE_PLAN.flatMap(([status, n]) => Array<IssueStatus>(n).fill(status));
  const tags = [...byTag.keys()];
  statuses.forEach((status, i) => {
    const tag = tags[i % tags.length] as string;
    const pool = (byTag.get(tag) ?? []).filter((s) => s.at < now.getTime() - 2 * DAY);
    if (pool.length === 0) return;
    const evidence = [...new Set(Array.from({ length: random.int(1, Math.min(6, pool.length)) }, () => random.pick(pool)))];
    const raisedAt = Math.max(...evidence.map((e) => e.at)) + random.int(1, 48) * 3_600_000;
    const owner = evidence[0]?.owner ?? 'product';
    const team = people.filter((p) => p.teams.includes(owner as never));
    const titles = ISSUE_TITLES[tag] ?? ['Follow up on customer feedback'];
    const id = atTime(new Date(raisedAt), () =>
      createIssue(store, random.pick(raiser).principal, {
        title: titles[i % titles.length] as string,
        description: `Raised from ${evidence.length} customer ${evidence.length === 1 ? 'insight' : 'insights'} about ${tag}.`,
        kind: random.pick(KINDS),
        teamId: `team-${owner}`,
        insightIds: evidence.map((e) => e.id),
      }),
    );
    let at = raisedAt;
    const assignee = random.pick(team.length > 0 ? team : people);
    for (const to of PATHS[status]) {
      at += random.int(6, 24 * (to === 'resolved' ? 12 : 4)) * 3_600_000;
      if (at > now.getTime()) break;
      const note = to === 'resolved' ? random.pick(RESOLUTION_NOTES) : to === 'wont_fix' ? random.pick(WONT_FIX_NOTES) : undefined;
      const version = findIssue(store.db, id)?.version ?? 1;
      atTime(new Date(at), () => transitionIssue(store, assignee.principal, id, { to, version, note }));
    }
  });
}
