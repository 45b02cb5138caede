// Reads a whole project headless (CLI): open through the same checks as the app, take one snapshot, close.
import path from 'node:path';
import type { Result } from '../../../shared/api/result';
import { ok } from '../../../shared/api/result';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { openProjectFile } from './project-file';
import { ProjectStore } from './project-store';

export function readProjectSnapshot(file: string): Result<ProjectSnapshot> {
  const opened = openProjectFile(path.resolve(file));
  if (!opened.ok) return opened;
  try {
    return ok(new ProjectStore(opened.value.db).snapshot());
  } finally {
    opened.value.db.close();
  }
}

/** The floor a CLI command works on: `--floor ID`, or the project's first floor. */
export function pickFloorId(snapshot: ProjectSnapshot, floorId: number | undefined): Result<number> {
  if (snapshot.floors.length === 0) return { ok: false, code: 'no-floor', message: 'The project has no floor.' };
  if (floorId === undefined) return ok(snapshot.floors[0]!.id);
  if (!snapshot.floors.some((f) => f.id === floorId)) {
    return { ok: false, code: 'not-found', message: `The project has no floor ${floorId} (floors: ${snapshot.floors.map((f) => f.id).join(', ')}).` };
  }
  return ok(floorId);
}
