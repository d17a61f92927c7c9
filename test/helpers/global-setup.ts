import { ensureClientBuilt } from '../../scripts/client-build.js';

/** Browser tests run against the built client: build it once, before any test file. */
export default function setup(): void {
  ensureClientBuilt();
}
