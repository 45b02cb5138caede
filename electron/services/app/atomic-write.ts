import { renameSync, writeFileSync, rmSync } from 'node:fs';

/** Writes a file so that readers see either the old or the new content, never half of it (temp + rename). */
export function writeFileAtomic(filePath: string, data: string | Uint8Array): void {
  const tmp = `${filePath}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { flush: true });
    renameSync(tmp, filePath);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
