import type { CustomScenario } from '../scenario.js';

/**
 * Live fan-out (issue 6): how long an event takes from its commit to the last
 * of 1,000 and 5,000 websocket clients, what each idle connection costs the
 * server, and what broadcasting does to other requests, beside a bare `ws`
 * server broadcasting the same frame. See live/fanout.ts.
 */
export const liveFanout: CustomScenario = {
  kind: 'custom',
  name: 'live fan-out',
  measures:
    'websocket clients (BENCH_FANOUT, in steps) on /api/live in a process of their own; per step: server memory per connection, and for BENCH_FANOUT_EVENTS posts the delay from the event\'s `at` to its receipt by the last client; then GET /api/me idle vs while broadcasting. Baseline: a bare `ws` server broadcasting the same frame',
  group: 'live',
  async run(env) {
    // Loaded here, not at the top: scenario modules are loaded by the baseline child too.
    const { runFanout } = await import('../live/fanout.js');
    return runFanout({ ...env, name: liveFanout.name });
  },
};
