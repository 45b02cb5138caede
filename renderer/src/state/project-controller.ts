// Project actions: the calls to the back end and what they change in the project store. Commands,
// dialogs and the inspector go through here; tests drive it with a fake API.
import type { MeterplanApi, Unsubscribe } from '../../../shared/api/contract';
import type { ProjectInfo } from '../../../shared/api/project-api';
import { err, type Result } from '../../../shared/api/result';
import type { Building } from '../../../shared/model/building';
import { pickActiveFloorId, type ProjectStore } from './project-store';

export interface ProjectController {
  /** Subscribes to the back end's events and loads the current project and recent files. */
  start(): Promise<void>;
  /** Reloads everything (after a reconnection, events may have been missed). */
  refreshAll(): Promise<void>;
  newProject(): Promise<Result<ProjectInfo>>;
  open(path: string): Promise<Result<ProjectInfo>>;
  openExample(): Promise<Result<ProjectInfo>>;
  saveAs(path: string): Promise<Result<ProjectInfo>>;
  close(): Promise<Result<null>>;
  updateBuilding(patch: Partial<Building>): Promise<Result<Building>>;
  setActiveFloor(floorId: number): void;
  dispose(): void;
}

/** A call that threw (connection lost, malformed answer) becomes a result the UI can show. */
async function attempt<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (e) {
    return err('transport', (e as Error).message);
  }
}

export function createProjectController(api: MeterplanApi, store: ProjectStore): ProjectController {
  const subscriptions: Unsubscribe[] = [];
  /** Answers to older snapshot requests are dropped: only the newest one may land. */
  let snapshotRequest = 0;

  const refreshSnapshot = async (): Promise<void> => {
    const request = ++snapshotRequest;
    if (!store.getState().info) {
      store.setState({ snapshot: null, activeFloorId: null });
      return;
    }
    const r = await attempt(() => api.getProjectSnapshot({}));
    if (request !== snapshotRequest) return;
    const snapshot = r.ok ? r.value : null;
    store.setState((s) => ({ snapshot, activeFloorId: pickActiveFloorId(snapshot, s.activeFloorId) }));
  };

  const refreshRecent = async (): Promise<void> => {
    try {
      store.setState({ recent: await api.listRecentProjects({}) });
    } catch {
      // The list is a convenience; it is fetched again on the next project change.
    }
  };

  /** Adopts what the back end says is open now; a different file means a different snapshot. */
  const adopt = async (info: ProjectInfo | null): Promise<void> => {
    const before = store.getState().info;
    const sameFile = before !== null && info !== null && before.path === info.path;
    store.setState({ info, loaded: true, ...(sameFile ? {} : { snapshot: null, activeFloorId: null }) });
    await Promise.all([sameFile ? Promise.resolve() : refreshSnapshot(), refreshRecent()]);
  };

  const afterOpen = async (r: Result<ProjectInfo>): Promise<Result<ProjectInfo>> => {
    if (r.ok) await adopt(r.value);
    return r;
  };

  const refreshAll = async (): Promise<void> => {
    let info: ProjectInfo | null;
    try {
      info = await api.getCurrentProject({});
    } catch {
      return;
    }
    store.setState({ info, loaded: true });
    await Promise.all([refreshSnapshot(), refreshRecent()]);
  };

  return {
    async start() {
      subscriptions.push(
        api.on('projectChanged', (info) => void adopt(info)),
        api.on('projectEdited', () => void refreshSnapshot()),
      );
      await refreshAll();
    },
    refreshAll,
    newProject: async () => afterOpen(await attempt(() => api.newProject({}))),
    open: async (path) => afterOpen(await attempt(() => api.openProject({ path }))),
    openExample: async () => afterOpen(await attempt(() => api.openExample({ name: 'thesis-office' }))),
    saveAs: async (path) => afterOpen(await attempt(() => api.saveProjectAs({ path }))),
    async close() {
      const r = await attempt(() => api.closeProject({}));
      if (r.ok) await adopt(null);
      return r;
    },
    async updateBuilding(patch) {
      store.setState((s) => ({ pendingEdits: s.pendingEdits + 1 }));
      const r = await attempt(() => api.updateBuilding(patch));
      store.setState((s) => ({
        pendingEdits: s.pendingEdits - 1,
        ...(r.ok && s.snapshot ? { snapshot: { ...s.snapshot, building: r.value } } : {}),
      }));
      return r;
    },
    setActiveFloor(floorId) {
      store.setState((s) => ({ activeFloorId: pickActiveFloorId(s.snapshot, floorId) }));
    },
    dispose() {
      for (const u of subscriptions.splice(0)) u();
    },
  };
}
