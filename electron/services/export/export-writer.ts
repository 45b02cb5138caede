// Writing an export file: the output folder is checked first (a clear message, nothing written), then
// the bytes go through the atomic writer (temp file in the same folder, flushed, renamed), then the
// folder itself is synced so the rename survives a power cut (POSIX: a rename is durable once its
// directory is fsynced).
import { closeSync, fsyncSync, openSync, statSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../../shared/api/result';
import { writeFileAtomic } from '../app/atomic-write';

export function checkOutputPath(outPath: string): Result<string> {
  if (!outPath.trim()) return err('bad-output', 'No output file was given.');
  const target = path.resolve(outPath);
  const folder = path.dirname(target);
  try {
    const st = statSync(folder);
    if (!st.isDirectory()) return err('bad-output-folder', `Cannot write ${target}: ${folder} is not a folder.`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err('bad-output-folder', `Cannot write ${target}: the folder ${folder} does not exist.`);
    if (code === 'ENOTDIR') return err('bad-output-folder', `Cannot write ${target}: part of ${folder} is a file, not a folder.`);
    return err('bad-output-folder', `Cannot write ${target}: the folder ${folder} cannot be read (${code ?? String(e)}).`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return err('bad-output-folder', `Cannot write ${target}: the folder ${folder} is not writable.`);
  }
  try {
    if (statSync(target).isDirectory()) return err('output-is-folder', `Cannot write ${target}: it is a folder; give a file name.`);
  } catch {
    // Not there yet: the usual case.
  }
  return ok(target);
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or sync a directory; the file itself is already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes atomically; on failure nothing is left behind (no temp file) and the old file, if any, is intact. */
export function writeOutput(target: string, bytes: string | Uint8Array): Result<{ bytes: number }> {
  try {
    writeFileAtomic(target, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err('write-failed', `Could not write ${target} (${code ?? (e as Error).message}); nothing was written.`);
  }
  syncFolder(path.dirname(target));
  return ok({ bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength });
}
