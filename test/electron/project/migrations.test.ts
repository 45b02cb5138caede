import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, CURRENT_FORMAT_VERSION } from '../../../electron/services/project/migrations';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { useTempDir } from './helpers';

describe('migrations', () => {
  const tmp = useTempDir();

  it('are numbered consecutively from 1', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  // A project of every earlier format version opens, is migrated forward to the current one, and
  // keeps what it held (the building row exists from version 1 on).
  for (let from = 0; from < CURRENT_FORMAT_VERSION; from++) {
    it(`migrate a version-${from} project to version ${CURRENT_FORMAT_VERSION}`, () => {
      const file = path.join(tmp(), `v${from}.meterplan`);
      createProjectFile(
        file,
        (db) => {
          if (from >= 1) db.prepare("INSERT INTO building (id, name) VALUES (1, 'Old building')").run();
        },
        from,
      );
      const r = openProjectFile(file);
      if (!r.ok) throw new Error(r.message);
      expect(r.value.migratedFrom).toBe(from);
      expect(r.value.db.pragma('user_version', { simple: true })).toBe(CURRENT_FORMAT_VERSION);
      const store = new ProjectStore(r.value.db);
      if (from >= 1) expect(store.getBuilding().name).toBe('Old building');
      // Every table of the current schema is there and usable.
      expect(store.snapshot().floors).toEqual([]);
      r.value.db.close();
      // The migrated file passes a full integrity check.
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }
});
