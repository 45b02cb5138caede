// What the renderer knows about the open project: its file, the snapshot the views draw, the recent
// files. Plain state and setters; the calls to the back end live in project-controller.ts.
import { createStore } from 'zustand/vanilla';
import type { ProjectInfo, RecentProject } from '../../../shared/api/project-api';
import type { ProjectSnapshot } from '../../../shared/model/building';

export interface ProjectState {
  /** False until the first answer from the back end: the window shows neither welcome nor project. */
  readonly loaded: boolean;
  readonly info: ProjectInfo | null;
  readonly snapshot: ProjectSnapshot | null;
  readonly recent: readonly RecentProject[];
  readonly activeFloorId: number | null;
  /** Edits sent and not yet answered: the status bar says "Saving…" while this is above zero. */
  readonly pendingEdits: number;
}

export const initialProjectState: ProjectState = {
  loaded: false,
  info: null,
  snapshot: null,
  recent: [],
  activeFloorId: null,
  pendingEdits: 0,
};

export type ProjectStore = ReturnType<typeof createProjectStore>;

export function createProjectStore(initial: ProjectState = initialProjectState) {
  return createStore<ProjectState>()(() => initial);
}

/** The floor the views show: the chosen one while it exists, else the first (lowest level). */
export function pickActiveFloorId(snapshot: ProjectSnapshot | null, wanted: number | null): number | null {
  if (!snapshot || snapshot.floors.length === 0) return null;
  if (wanted !== null && snapshot.floors.some((f) => f.id === wanted)) return wanted;
  return [...snapshot.floors].sort((a, b) => a.level - b.level || a.id - b.id)[0]!.id;
}

export const selectActiveFloor = (s: ProjectState) => s.snapshot?.floors.find((f) => f.id === s.activeFloorId) ?? null;
