import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(import.meta.url), '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the client with Vite when its sources (or shared/) are newer than the last build. */
export function ensureClientBuilt(): void {
  const builtIndex = join(projectRoot, 'dist/client/index.html');
  const sources = Math.max(
    newestMtime(join(projectRoot, 'client')),
    newestMtime(join(projectRoot, 'shared')),
    statSync(join(projectRoot, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sources) return;
  console.log('Building the client…');
  execFileSync(process.execPath, [join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}
