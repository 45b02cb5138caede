// `npm run cli` runs the bundled CLI; build it first when the bundle is missing or older than the sources.
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = path.join(root, 'out/cli/main.cjs');

function newestMtimeMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(p));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(bundle) ||
  Math.max(newestMtimeMs(path.join(root, 'shared')), newestMtimeMs(path.join(root, 'electron'))) > statSync(bundle).mtimeMs;
if (stale) execSync('node build/scripts/build-node.mjs', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
