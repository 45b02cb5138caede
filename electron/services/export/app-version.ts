// The Meterplan version printed on exports: from the repository's package.json, found by walking up
// from this module (the source tree under tests, out/cli/ in the bundle).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function meterplanVersion(): string {
  if (cached !== null) return cached;
  cached = process.env.npm_package_name === 'meterplan' && process.env.npm_package_version ? process.env.npm_package_version : '0.0.0';
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'meterplan' && pkg.version) {
          cached = pkg.version;
          break;
        }
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    dir = path.dirname(dir);
  }
  return cached;
}
