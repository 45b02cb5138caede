// Vitest global setup: bundles the Node entry points once before any test file runs, so the tests that
// start the worker or the CLI use a fresh out/ and never race each other rebuilding it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'build/scripts/build-node.mjs')], { cwd: root, stdio: 'inherit' });
}
