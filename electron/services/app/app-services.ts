// Composes the services behind the API contract. Both shells call this and differ only in transport.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract';
import { err, ok } from '../../../shared/api/result';
import { OptimizationService } from '../optimization/optimization-service';
import { ProjectService } from '../project/project-service';
import type { ProjectStore } from '../project/project-store';
import { deleteRun, getRun, listRuns } from '../project/run-store';
import { EventHub } from './event-hub';
import { SettingsStore } from './settings-store';

export interface AppServicesOptions {
  readonly shell: 'desktop' | 'web';
  readonly version: string;
  /** Per-user application data (settings, recent files). */
  readonly dataDir: string;
  /** Where new projects are created. */
  readonly documentsDir: string;
  /** The repository's (or the installed app's) resources/ folder. */
  readonly resourcesDir: string;
  /** The desktop shell's native file dialog; absent in the web shell. */
  readonly pickProjectPath?: (purpose: 'open' | 'save', suggestedName?: string) => Promise<string | null>;
  /** The bundled optimiser worker (default: out/workers/optimizer.cjs next to the running bundle). */
  readonly optimizerWorkerPath?: string;
}

export interface AppServices {
  readonly handlers: ApiHandlers;
  readonly events: EventHub;
  readonly projects: ProjectService;
  readonly settings: SettingsStore;
  readonly optimization: OptimizationService;
  dispose(): void;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  mkdirSync(options.documentsDir, { recursive: true });
  const events = new EventHub();
  const settings = new SettingsStore(options.dataDir);
  const projects = new ProjectService({
    documentsDir: options.documentsDir,
    examplesDir: path.join(options.resourcesDir, 'examples'),
    settings,
  });
  projects.onDidChangeProject((info) => events.emit('projectChanged', info));
  projects.onDidEdit((revision) => events.emit('projectEdited', { revision }));
  const optimization = new OptimizationService(projects, events, { workerPath: options.optimizerWorkerPath });

  const withStore = <T>(f: (store: ProjectStore) => T) => {
    const s = projects.store;
    return s.ok ? f(s.value) : s;
  };

  const handlers: ApiHandlers = {
    getAppInfo: () => ({ name: 'Meterplan', version: options.version, shell: options.shell, documentsDir: options.documentsDir }),
    getSettings: () => settings.settings,
    updateSettings: (patch) => {
      const next = settings.update(patch);
      events.emit('settingsChanged', next);
      return next;
    },
    pickProjectPath: async ({ purpose, suggestedName }) => {
      if (!options.pickProjectPath) return err('unsupported', 'This shell has no native file dialog.');
      return ok(await options.pickProjectPath(purpose, suggestedName));
    },

    newProject: () => projects.newProject(),
    openProject: ({ path: p }) => projects.openProject(p),
    openExample: ({ name }) => projects.openExample(name),
    saveProjectAs: ({ path: p }) => projects.saveAs(p),
    closeProject: () => {
      projects.close();
      return ok(null);
    },
    getCurrentProject: () => projects.info,
    listRecentProjects: () => settings.recent,
    getProjectSnapshot: () => withStore((s) => ok(s.snapshot())),
    updateBuilding: (patch) => withStore((s) => s.updateBuilding(patch)),
    addWall: (w) => withStore((s) => s.addWall(w)),
    deleteWall: ({ id }) => withStore((s) => s.deleteWall(id)),
    addZone: (z) => withStore((s) => s.addZone(z)),
    deleteZone: ({ id }) => withStore((s) => s.deleteZone(id)),
    addPlacement: (p) => withStore((s) => s.addPlacement(p)),
    movePlacement: ({ id, x, y }) => withStore((s) => s.movePlacement(id, x, y)),
    deletePlacement: ({ id }) => withStore((s) => s.deletePlacement(id)),

    listRuns: () => withStore((s) => ok(listRuns(s))),
    getRun: ({ id }) => withStore((s) => getRun(s, id)),
    deleteRun: ({ id }) => withStore((s) => deleteRun(s, id)),
    startOptimization: (args) => optimization.start(args),
    cancelOptimization: ({ jobId }) => optimization.cancel(jobId),
    applySolution: ({ runId, index }) => optimization.applySolution(runId, index),
  };

  return {
    handlers,
    events,
    projects,
    settings,
    optimization,
    dispose: () => {
      optimization.cancelAll();
      projects.close();
    },
  };
}
