import type { Db } from '../client.js';
import { teamMembers, teams, users } from '../schema.js';
import { seededRandom } from './random.js';

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
export function seedDemo(db: Db, passwordHash: string, now = new Date()): void {
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
