// Composes the services behind the API contract. Both shells call this and differ only in transport.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract';
import { err, ok } from '../../../shared/api/result';
import { OptimizationService } from '../optimization/optimization-service';
import { ProjectService } from '../project/project-service';
import { calibratePlan, getPlanImage, removePlanImage, setPlanImage, updateFloor } from '../project/floor-edits';
import { deleteItems, joinWalls, movePlacements, placeDevice, setGateway, splitWall, updatePlacement, updateWall, updateZone } from '../project/plan-edits';
import type { ProjectStore } from '../project/project-store';
import { deleteRun, getRun, listRuns } from '../project/run-store';
import { virtualBoardOf } from './calibration-bench';
import { createCalibrationHandlers, defaultCertificateFonts } from './calibration-handlers';
import { catalogueHandlers } from './catalogue-handlers';
import { EventHub } from './event-hub';
import { exportHandlers } from './export-handlers';
import { createDeviceHandlers, type DeviceHandlers } from './device-handlers';
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
  /** The board link (the Scope's connection), for the calibration service. */
  readonly devices: DeviceHandlers['devices'];
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
  const metering = createDeviceHandlers({ events, projects });
  const calibration = createCalibrationHandlers({ projects, events, bench: { devices: metering.devices, virtualMeter: virtualBoardOf(metering) }, certificate: { ...defaultCertificateFonts(), producer: `Meterplan ${options.version}` } });

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

    ...catalogueHandlers(options.resourcesDir, projects),
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
    setPlanImage: ({ floorId, dataBase64, fileName }) => withStore((s) => setPlanImage(s, floorId, Buffer.from(dataBase64, 'base64'), fileName)),
    getPlanImage: ({ floorId }) => withStore((s) => getPlanImage(s, floorId)),
    removePlanImage: ({ floorId }) => withStore((s) => removePlanImage(s, floorId)),
    calibratePlan: (c) => withStore((s) => calibratePlan(s, c)),
    updateFloor: (patch) => withStore((s) => updateFloor(s, patch)),
    updateWall: (patch) => withStore((s) => updateWall(s, patch)),
    splitWall: ({ id, at }) => withStore((s) => splitWall(s, id, at)),
    joinWalls: ({ ids }) => withStore((s) => joinWalls(s, ids[0], ids[1])),
    updateZone: (patch) => withStore((s) => updateZone(s, patch)),
    updatePlacement: (patch) => withStore((s) => updatePlacement(s, patch)),
    movePlacements: ({ moves }) => withStore((s) => movePlacements(s, moves)),
    placeDevice: (d) => withStore((s) => placeDevice(s, d)),
    setGateway: ({ floorId, at }) => withStore((s) => setGateway(s, floorId, at)),
    deleteItems: (ids) => withStore((s) => deleteItems(s, ids)),
    undo: () => withStore((s) => s.undo()),
    redo: () => withStore((s) => s.redo()),
    getUndoState: () => withStore((s) => ok(s.undoState)),

    listRuns: () => withStore((s) => ok(listRuns(s))),
    getRun: ({ id }) => withStore((s) => getRun(s, id)),
    deleteRun: ({ id }) => withStore((s) => deleteRun(s, id)),
    startOptimization: (args) => optimization.start(args),
    cancelOptimization: ({ jobId }) => optimization.cancel(jobId),
    applySolution: ({ runId, index }) => optimization.applySolution(runId, index),
    ...exportHandlers(projects),
    ...calibration.handlers,
    ...metering.handlers,
  };

  return {
    handlers,
    events,
    projects,
    settings,
    optimization,
    devices: metering.devices,
    dispose: () => {
      // First: the recorder writes its last minutes while the project is still open.
      void metering.dispose();
      // A session under way is cancelled (the board keeps its EEPROM calibration either way).
      void calibration.dispose();
      optimization.cancelAll();
      projects.close();
    },
  };
}
