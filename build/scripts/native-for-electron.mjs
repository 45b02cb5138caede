// Builds better-sqlite3 for Electron's ABI into out/native/electron/, leaving node_modules' copy built
// for Node (tests, CLI, web shell). The desktop shell loads this copy through better-sqlite3's
// `nativeBinding` option, so `npm start` and `npm test` work in either order. serialport's binding is
// N-API and prebuilt, so it serves both runtimes as it is.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const outDir = path.join(root, 'out', 'native', 'electron');
const target = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'electron-version.txt');

// The Electron binary itself: `npm install` downloads it unless ELECTRON_SKIP_BINARY_DOWNLOAD was set.
try {
  require('electron');
} catch {
  console.log('Downloading the Electron binary…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'inherit' });
}

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
const work = mkdtempSync(path.join(os.tmpdir(), 'meterplan-native-'));
try {
  const pkg = path.join(work, 'better-sqlite3');
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  const prebuild = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'prebuild-install.cmd' : 'prebuild-install');
  try {
    execFileSync(prebuild, ['--runtime', 'electron', '--target', electronVersion], { cwd: pkg, stdio: 'inherit' });
  } catch {
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    execFileSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: pkg, stdio: 'inherit' });
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stamp, electronVersion);
} finally {
  rmSync(work, { recursive: true, force: true });
}
