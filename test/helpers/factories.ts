import type { Client } from './app.js';
import type { CreatedUser } from '../../shared/users.js';
import type { Team } from '../../shared/teams.js';
import type { Role } from '../../shared/roles.js';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** A valid user body, unique per call; override any field. */
export const userInput = (overrides: Partial<{ email: string; displayName: string; handle: string; role: Role; teamIds: string[]; password: string }> = {}) => {
  const n = next();
  return { email: `person-${n}@example.test`, displayName: `Person ${n}`, handle: `person-${n}`, role: 'member' as Role, password: 'correct horse battery', ...overrides };
};

export const teamInput = (overrides: Partial<{ name: string; slug: string; description: string; targetDays: number; memberIds: string[] }> = {}) => {
  const n = next();
  return { name: `Team ${n}`, slug: `team-${n}`, ...overrides };
};

export async function createUser(admin: Client, overrides: Parameters<typeof userInput>[0] = {}): Promise<CreatedUser & { password?: string }> {
  const body = userInput(overrides);
  const res = await admin({ method: 'POST', url: '/api/users', payload: body });
  if (res.statusCode !== 201) throw new Error(`createUser: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as CreatedUser), password: body.password };
}

export async function createTeam(admin: Client, overrides: Parameters<typeof teamInput>[0] = {}): Promise<Team> {
  const res = await admin({ method: 'POST', url: '/api/teams', payload: teamInput(overrides) });
  if (res.statusCode !== 201) throw new Error(`createTeam: ${res.statusCode} ${res.body}`);
  return res.json() as Team;
}

export const insightInput = (overrides: Record<string, unknown> = {}) => ({
  body: `The customer said something memorable ${next()}`,
  channel: 'call',
  sentiment: 'negative',
  tags: ['export'],
  ...overrides,
});

export async function postInsight(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client({ method: 'POST', url: '/api/insights', payload: insightInput(overrides) });
  if (res.statusCode !== 201) throw new Error(`postInsight: ${res.statusCode} ${res.body}`);
  return res.json() as import('../../shared/insights.js').Insight;
}

export async function createCustomer(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client({ method: 'POST', url: '/api/customers', payload: { name: `Customer ${next()}`, ...overrides } });
  if (res.statusCode !== 201) throw new Error(`createCustomer: ${res.statusCode} ${res.body}`);
  return res.json() as import('../../shared/customers.js').Customer;
}
