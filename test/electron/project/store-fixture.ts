// A fresh project file with the new-project seed (one 20 m × 15 m floor, the default materials), opened as a store.
import path from 'node:path';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { seedNewProject } from '../../../electron/services/project/seed';
import type { UndoJournal } from '../../../electron/services/project/undo-journal';

export function openSeededStore(dir: string, journal?: UndoJournal): ProjectStore {
  const file = path.join(dir, 'p.meterplan');
  createProjectFile(file, (db) => seedNewProject(db, 'Planner test'));
  const r = openProjectFile(file);
  if (!r.ok) throw new Error(r.message);
  return new ProjectStore(r.value.db, journal);
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
