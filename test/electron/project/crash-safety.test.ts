import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { seedNewProject } from '../../../electron/services/project/seed';
import { useTempDir } from './helpers';


/** Runs the writer until it has reported `edits` committed edits plus a random extra delay, then SIGKILLs it. */
function killWriterMidStream(file: string, edits: number, extraDelayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` (not the tsx wrapper) so that the SIGKILL reaches the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crash-writer.ts'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    let buffered = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const l of lines) committed.push(Number(l));
      if (!killing && committed.length >= edits) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own: ${stderr}`));
      else resolve(committed);
    });
  });
}

describe('crash safety', () => {
  const tmp = useTempDir();

  it('a writer killed with SIGKILL mid-stream loses no committed edit and leaves a file that opens', async () => {
    // Kill at varied moments until at least one kill has landed inside a transaction (a hot journal left
    // behind), so the recovery path is exercised, not only a kill between two commits.
    let rounds = 0;
    let killsInsideTransaction = 0;
    while (rounds < 3 || (killsInsideTransaction === 0 && rounds < 12)) {
      rounds += 1;
      const file = path.join(tmp(), `crash-${rounds}.meterplan`);
      createProjectFile(file, (db) => seedNewProject(db, 'Crash test'));
      const committed = await killWriterMidStream(file, 30, (rounds * 7) % 13);
      expect(committed.length).toBeGreaterThanOrEqual(30);
      if (existsSync(`${file}-journal`)) killsInsideTransaction += 1;

      // It opens through the normal path (which rolls back a hot journal), passes a full integrity check,
      // and holds every wall whose commit was reported before the kill.
      const opened = openProjectFile(file);
      if (!opened.ok) throw new Error(opened.message);
      const wallIds = new Set(new ProjectStore(opened.value.db).listWalls().map((w) => w.id));
      opened.value.db.close();
      for (const id of committed) expect(wallIds.has(id)).toBe(true);
      expect(existsSync(`${file}-journal`)).toBe(false);

      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    expect(killsInsideTransaction).toBeGreaterThan(0);
  });
});
