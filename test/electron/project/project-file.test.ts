import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../electron/services/project/format';
import { CURRENT_FORMAT_VERSION } from '../../../electron/services/project/migrations';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { seedNewProject } from '../../../electron/services/project/seed';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { useTempDir } from './helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function newProject(dir: string, name = 'p.meterplan'): string {
  const file = path.join(dir, name);
  createProjectFile(file, (db) => seedNewProject(db, 'Test building'));
  return file;
}

/** Opening must be refused with `code`, a message naming the problem, and the file left byte for byte. */
function expectRefused(file: string, code: string, messagePart: RegExp): void {
  const before = sha(file);
  const siblingsBefore = readdirSync(path.dirname(file)).sort();
  const r = openProjectFile(file);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(r.message).toMatch(messagePart);
  expect(sha(file)).toBe(before);
  expect(readdirSync(path.dirname(file)).sort()).toEqual(siblingsBefore);
}

describe('project file', () => {
  const tmp = useTempDir();

  it('is a SQLite file marked with our application id and the current format version', () => {
    const file = newProject(tmp());
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_FORMAT_VERSION);
    db.close();
    const opened = openProjectFile(file);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(new ProjectStore(opened.value.db).getBuilding().name).toBe('Test building');
      opened.value.db.close();
    }
  });

  it('leaves no -journal, -wal or -shm companions after a clean close', () => {
    const dir = tmp();
    const file = newProject(dir);
    const opened = openProjectFile(file);
    if (!opened.ok) throw new Error(opened.message);
    const store = new ProjectStore(opened.value.db);
    for (let i = 0; i < 20; i++) store.updateBuilding({ notes: `edit ${i}` });
    opened.value.db.close();
    expect(readdirSync(dir)).toEqual(['p.meterplan']);
  });

  it('refuses a text file renamed .meterplan', () => {
    const file = path.join(tmp(), 'notes.meterplan');
    writeFileSync(file, 'Shopping list\n- milk\n- a reference meter\n'.repeat(10));
    expectRefused(file, 'not-a-project', /not a Meterplan project/);
  });

  it('refuses an empty file', () => {
    const file = path.join(tmp(), 'empty.meterplan');
    writeFileSync(file, '');
    expectRefused(file, 'empty', /empty/);
  });

  it('refuses a project truncated inside its pages', () => {
    const dir = tmp();
    const file = newProject(dir);
    const size = statSync(file).size;
    truncateSync(file, Math.floor(size / 2) + 123);
    expectRefused(file, 'truncated', /truncated/);
  });

  it('refuses a project truncated inside its header', () => {
    const file = newProject(tmp());
    truncateSync(file, 40);
    expectRefused(file, 'truncated', /truncated/);
  });

  it('refuses a SQLite database of another application', () => {
    const file = path.join(tmp(), 'other.meterplan');
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);');
    db.close();
    expectRefused(file, 'foreign-database', /another application/);
  });

  it('refuses a project written by a newer version, naming both versions', () => {
    const file = newProject(tmp());
    const db = new Database(file);
    db.pragma(`user_version = ${CURRENT_FORMAT_VERSION + 1}`);
    db.close();
    expectRefused(file, 'newer-version', new RegExp(`format ${CURRENT_FORMAT_VERSION + 1}.*up to ${CURRENT_FORMAT_VERSION}`));
  });

  it('refuses a project whose pages are damaged', () => {
    const file = newProject(tmp());
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the second page (a b-tree page) but keep the header intact.
    for (let i = pageSize; i < pageSize * 2; i++) bytes[i] = (i * 97) & 0xff;
    writeFileSync(file, bytes);
    expectRefused(file, 'corrupt', /damaged/);
  });

  it('reports a missing file without creating it', () => {
    const file = path.join(tmp(), 'missing.meterplan');
    const r = openProjectFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('not-found');
    expect(existsSync(file)).toBe(false);
  });

  it('opens the built-in example', () => {
    const file = path.join(tmp(), 'example.meterplan');
    copyFileSync(path.join(__dirname, '../../../resources/examples/thesis-office.meterplan'), file);
    const r = openProjectFile(file);
    if (!r.ok) throw new Error(r.message);
    const snap = new ProjectStore(r.value.db).snapshot();
    r.value.db.close();
    expect(snap.floors).toHaveLength(1);
    expect(snap.floors[0]).toMatchObject({ widthM: 10, heightM: 8, gridPitchM: 1 });
    const kinds = snap.placements.map((p) => snap.deviceTypes.find((t) => t.id === p.deviceTypeId)?.kind);
    expect(kinds.filter((k) => k === 'sensor')).toHaveLength(12);
    expect(kinds.filter((k) => k === 'router')).toHaveLength(2);
  });
});
