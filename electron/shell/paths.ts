// Where things are, for the bundled entry points in out/ (out/<shell>/x.cjs → repository root).
import path from 'node:path';
import os from 'node:os';

export const repositoryRoot = (bundleDir: string) => path.resolve(bundleDir, '../..');

/** Per-user data folder as the desktop would use it (Electron's userData equivalent for the web shell). */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Meterplan');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Meterplan');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'meterplan');
}

export function defaultDocumentsDir(): string {
  return path.join(os.homedir(), 'Documents', 'Meterplan');
}
