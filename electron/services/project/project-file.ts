// Opening, creating and copying .meterplan files. Every check that can refuse a file runs before the
// file is opened for writing, so a file we refuse is left byte-for-byte as it was.
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../../shared/api/result';
import { APPLICATION_ID, HEADER } from './format';
import { CURRENT_FORMAT_VERSION, migrate } from './migrations';
import { createSqlite, isSqliteError, openSqlite, type SqliteDatabase } from './sqlite';

export interface OpenedProjectFile {
  readonly db: SqliteDatabase;
  readonly formatVersion: number;
  readonly migratedFrom: number | null;
}

/** Settings every connection gets: real durability with a rollback journal, so a closed project is one file. */
function configure(db: SqliteDatabase): void {
  // DELETE journal: after each commit (and after a clean close) the project is a single self-contained
  // file with no -wal/-shm companions to lose when it is copied or mailed. FULL syncs the journal and the
  // database at each commit, so a crash or a power cut loses at most the edit in flight.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
}

/** Reads the SQLite header and refuses what is not a Meterplan project we can open, without opening it. */
export function inspectHeader(filePath: string): Result<{ formatVersion: number }> {
  let size: number;
  try {
    const st = statSync(filePath);
    if (!st.isFile()) return err('not-a-file', `${filePath} is not a file.`);
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err('not-found', `${filePath} does not exist.`);
    return err('unreadable', `${filePath} cannot be read (${code ?? String(e)}).`);
  }
  if (size === 0) return err('empty', `${path.basename(filePath)} is empty: it is not a Meterplan project.`);

  const header = Buffer.alloc(HEADER.size);
  let read = 0;
  try {
    const fd = openSync(filePath, 'r');
    try {
      read = readSync(fd, header, 0, HEADER.size, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return err('unreadable', `${filePath} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  const name = path.basename(filePath);
  const magic = header.toString('latin1', 0, HEADER.magic.length);
  if (read < HEADER.size) {
    return HEADER.magic.startsWith(magic.slice(0, read))
      ? err('truncated', `${name} is truncated (${size} bytes): the project cannot be opened.`)
      : err('not-a-project', `${name} is not a Meterplan project (it is not a SQLite database).`);
  }
  if (magic !== HEADER.magic) return err('not-a-project', `${name} is not a Meterplan project (it is not a SQLite database).`);

  const applicationId = header.readUInt32BE(HEADER.applicationIdOffset);
  if (applicationId !== APPLICATION_ID) {
    return err('foreign-database', `${name} is a SQLite database of another application, not a Meterplan project.`);
  }
  const formatVersion = header.readUInt32BE(HEADER.userVersionOffset);
  if (formatVersion > CURRENT_FORMAT_VERSION) {
    return err(
      'newer-version',
      `${name} was saved by a newer version of Meterplan (format ${formatVersion}); this version reads formats up to ${CURRENT_FORMAT_VERSION}. Update Meterplan to open it.`,
    );
  }
  // The in-header page count is valid when "version-valid-for" equals the change counter (fileformat §1.3.8).
  const rawPageSize = header.readUInt16BE(HEADER.pageSizeOffset);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(HEADER.pageCountOffset);
  const countValid = header.readUInt32BE(HEADER.versionValidForOffset) === header.readUInt32BE(HEADER.changeCounterOffset);
  if (countValid && size < pageSize * pageCount) {
    return err('truncated', `${name} is truncated (${size} of ${pageSize * pageCount} bytes): the project cannot be opened.`);
  }
  return ok({ formatVersion });
}

/** Runs SQLite's quick_check; read-only unless a hot journal from a crash must first be rolled back. */
function checkIntegrity(filePath: string): Result<null> {
  const name = path.basename(filePath);
  const readonly = !existsSync(`${filePath}-journal`);
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(filePath, { readonly });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
      return err('corrupt', `${name} is damaged (${rows.map((r) => r.quick_check).slice(0, 3).join('; ')}): the project cannot be opened.`);
    }
    return ok(null);
  } catch (e) {
    if (isSqliteError(e)) return err('corrupt', `${name} is damaged and cannot be opened (${e.code}: ${e.message}).`);
    throw e;
  } finally {
    db?.close();
  }
}

export function openProjectFile(filePath: string): Result<OpenedProjectFile> {
  const header = inspectHeader(filePath);
  if (!header.ok) return header;
  const integrity = checkIntegrity(filePath);
  if (!integrity.ok) return integrity;

  const db = openSqlite(filePath);
  try {
    configure(db);
    const from = db.pragma('user_version', { simple: true }) as number;
    // A kill between creating the journal and writing its header leaves an empty, non-hot journal that
    // SQLite ignores but does not remove. Rewriting one header field makes SQLite write and then delete
    // a journal of its own, so the project is a single file again.
    if (existsSync(`${filePath}-journal`)) db.pragma(`user_version = ${from}`);
    if (from < CURRENT_FORMAT_VERSION) db.transaction(() => migrate(db, from))();
    return ok({ db, formatVersion: CURRENT_FORMAT_VERSION, migratedFrom: from < CURRENT_FORMAT_VERSION ? from : null });
  } catch (e) {
    db.close();
    if (isSqliteError(e)) return err('corrupt', `${path.basename(filePath)} could not be opened (${e.code}: ${e.message}).`);
    throw e;
  }
}

/**
 * Creates a project file atomically: built beside the target under a temporary name, then renamed, so a
 * crash never leaves a half-made project at `filePath`. `seed` fills it inside the creating transaction.
 */
export function createProjectFile(filePath: string, seed: (db: SqliteDatabase) => void, formatVersion = CURRENT_FORMAT_VERSION): void {
  const tmp = `${filePath}.${process.pid}.creating`;
  rmSync(tmp, { force: true });
  const db = createSqlite(tmp);
  try {
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID | 0}`);
    db.transaction(() => {
      migrate(db, 0, formatVersion);
      seed(db);
    })();
  } catch (e) {
    db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
  db.close();
  renameSync(tmp, filePath);
}

/** Copies an open project with SQLite's online backup API to a temporary file, then renames it into place. */
export async function backupProjectFile(db: SqliteDatabase, destination: string): Promise<void> {
  const tmp = `${destination}.${process.pid}.saving`;
  rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    renameSync(tmp, destination);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
