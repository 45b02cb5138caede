// The one module that imports better-sqlite3 (STYLE.md: one owner per infrastructure library).
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;
export type SqliteStatement = Database.Statement;

/**
 * Where the native binding lives when it is not the one in node_modules: the desktop shell points this
 * at the copy built for Electron's ABI (build/scripts/native-for-electron.mjs), so that the Node copy that
 * the tests and the CLI use stays untouched and `npm start` / `npm test` work in either order.
 */
const nativeBinding = () => process.env.METERPLAN_SQLITE_BINDING || undefined;

export function openSqlite(path: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  return new Database(path, { readonly: options.readonly ?? false, fileMustExist: true, nativeBinding: nativeBinding() });
}

export function createSqlite(path: string): SqliteDatabase {
  return new Database(path, { nativeBinding: nativeBinding() });
}

export function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Database.SqliteError;
}
