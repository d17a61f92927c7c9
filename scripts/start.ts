/**
 * `npm start`: builds the client when its sources are newer than the last
 * build (so a fresh clone needs nothing else), then starts the server, which
 * applies migrations and seeds the demo workspace on an empty database.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const builtIndex = join(root, 'dist/client/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesMtime = Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared')));
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesMtime) {
  console.log('Building the client…');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

await import('../server/main.js');
