// One optimiser controller per window, made on first use from the window's services, so the Optimise
// view, the status bar and the export commands share the same job, runs and selection.
import type { MeterplanApi } from '../../../../shared/api/contract';
import type { ProjectStore } from '../../state/project-store';
import type { UiStore } from '../../state/ui-store';
import { OptimizerController } from './optimizer-controller';
import { createOptimizerStore } from './optimizer-store';

export interface OptimizerHost {
  readonly api: MeterplanApi;
  readonly projectStore: ProjectStore;
  readonly ui: UiStore;
}

const controllers = new WeakMap<MeterplanApi, OptimizerController>();

export function optimizerFor(host: OptimizerHost): OptimizerController {
  let c = controllers.get(host.api);
  if (!c) {
    c = new OptimizerController(host.api, createOptimizerStore(), host.projectStore, {
      info: (m) => host.ui.getState().pushToast('info', m),
      error: (m) => host.ui.getState().pushToast('error', m),
    });
    controllers.set(host.api, c);
    void c.refreshRuns();
  }
  return c;
}
