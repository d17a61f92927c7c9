import type { Scenario } from '../scenario.js';
import { login } from './login.js';
import { me } from './me.js';
import { createTeam } from './create-team.js';
import { postInsight } from './post-insight.js';
import { feed } from './feed.js';
import { thread } from './thread.js';

/** Every scenario, in the order they run and print. Add new ones here. */
export const scenarios: readonly Scenario[] = [login, me, createTeam, postInsight, feed, thread];
