import type { AnyScenario } from '../scenario.js';
import { login } from './login.js';
import { me } from './me.js';
import { createTeam } from './create-team.js';
import { postInsight } from './post-insight.js';
import { feed } from './feed.js';
import { thread } from './thread.js';
import { searchScenarios } from './search.js';
import { issuesList } from './issues-list.js';
import { claimRace } from './claim-race.js';
import { dashboard } from './dashboard.js';
import { liveFanout } from './live-fanout.js';

/**
 * Every scenario, in the order they run and print. Add new ones here.
 * Scenarios of one dataset run together on one pair of servers (in the order
 * of the first of them), so keep them next to each other.
 */
export const scenarios: readonly AnyScenario[] = [login, me, createTeam, postInsight, feed, thread, ...searchScenarios, issuesList, claimRace, dashboard, liveFanout];
