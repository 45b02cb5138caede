// Bundles every Node-side entry point with esbuild into out/ (CommonJS, since better-sqlite3,
// serialport and Electron's sandboxed preload all expect it). Native modules stay external.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const external = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js', 'modbus-serial', 'ws', 'bufferutil', 'utf-8-validate', 'playwright-core'];

/** entry (relative to the repository) → output file (relative to out/) */
const entries = {
  'electron/desktop/main.ts': 'desktop/main.cjs',
  'electron/desktop/preload.ts': 'desktop/preload.cjs',
  'electron/web/server.ts': 'web/server.cjs',
  'electron/cli/main.ts': 'cli/main.cjs',
  'electron/services/optimizer/worker.ts': 'workers/optimizer.cjs',
  'test/bench/main.ts': 'bench/main.cjs',
};

const jobs = Object.entries(entries)
  .filter(([entry]) => existsSync(path.join(root, entry)))
  .map(([entry, out]) =>
    build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, 'out', out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'linked',
      // The preload runs sandboxed: everything but `electron` must be inside the one file.
      external: entry.endsWith('preload.ts') ? ['electron'] : external,
      logLevel: 'warning',
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    }),
  );
await Promise.all(jobs);
console.log(`built ${jobs.length} Node bundles into out/`);
