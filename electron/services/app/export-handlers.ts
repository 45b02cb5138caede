// The window's Export commands: the open project's plan through the same exportPlan as the CLI
// (electron/services/export), with a stored run's algorithm, parameters and front when one is named.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract';
import { err, ok } from '../../../shared/api/result';
import { exportPlan } from '../export/export-plan';
import type { ProjectService } from '../project/project-service';
import { getRun } from '../project/run-store';

export function exportHandlers(projects: ProjectService): Pick<ApiHandlers, 'exportPlan'> {
  return {
    exportPlan: async ({ format, path: outPath, floorId, runId }) => {
      const store = projects.store;
      if (!store.ok) return store;
      // The back end's working folder means nothing to the user: ask for a full path instead of guessing.
      if (!path.isAbsolute(outPath)) return err('bad-output', `Give the full path of the file to write (got "${outPath}").`);
      let run: unknown;
      let floor = floorId;
      if (runId !== undefined) {
        const found = getRun(store.value, runId);
        if (!found.ok) return found;
        if (floor !== undefined && found.value.floorId !== floor) {
          return err('run-floor-mismatch', `Run ${runId} was computed on another floor than the one exported.`);
        }
        run = found.value;
        floor ??= found.value.floorId;
      }
      const done = await exportPlan(store.value.snapshot(), { format, floorId: floor, run }, outPath);
      if (!done.ok) return done;
      return ok({
        format: done.format,
        path: done.path,
        bytes: done.bytes,
        deviceCount: done.deviceCount,
        ...(done.pages !== undefined ? { pages: done.pages } : {}),
        ...(done.widthPx !== undefined ? { widthPx: done.widthPx } : {}),
        ...(done.heightPx !== undefined ? { heightPx: done.heightPx } : {}),
      });
    },
  };
}
