// One calibration controller per window, made on first use from the window's services, so the Calibrate
// area and any command share the same forms and session.
import { useStore } from 'zustand';
import type { MeterplanApi } from '../../../../shared/api/contract';
import { useApp } from '../../state/app-context';
import type { ProjectStore } from '../../state/project-store';
import { CalibrationController } from './calibration-controller';
import { createCalibrationStore, type CalibrationState } from './calibration-store';

export interface CalibrationHost {
  readonly api: MeterplanApi;
  readonly projectStore: ProjectStore;
}

const controllers = new WeakMap<MeterplanApi, CalibrationController>();

export function calibrationFor(host: CalibrationHost): CalibrationController {
  let c = controllers.get(host.api);
  if (!c) {
    c = new CalibrationController(host.api, createCalibrationStore(), host.projectStore);
    controllers.set(host.api, c);
  }
  return c;
}

export function useCalibration(): CalibrationController {
  return calibrationFor(useApp());
}

export function useCalibrationState<T>(selector: (s: CalibrationState) => T): T {
  return useStore(useCalibration().store, selector);
}
