// The Calibrate area's state at human rate: the page shown, the forms as typed, the session the back end
// holds (as its last calibrationSessionChanged said), the bench, the finished record and its saving, the
// project's past calibrations, and the last failure of each page. A vanilla store, so tests drive it
// without React.
import { createStore } from 'zustand/vanilla';
import type { VirtualMeterState } from '../../../../shared/api/device-api';
import type { CalibrationBoardChoice } from '../../../../shared/api/calibration-bench-api';
import type { CalibrationSummary } from '../../../../shared/api/calibration-store-api';
import type { CalibrationSessionState } from '../../../../shared/calibration/calibration-api';
import type { CalibrationRecord } from '../../../../shared/calibration/record';
import type { TypedPage, TypedProblems, TypedValues } from './reference-fields';
import { DEFAULT_ACCURACY, DEFAULT_SETUP, type AccuracyForm, type SetupForm, type SetupProblems } from './setup-form';
import type { CalibrationView } from './wizard-pages';

/** A failure the back end reported, shown on the page where it happened. */
export interface PageFailure {
  readonly code: string;
  readonly message: string;
}

export interface VerifyForm {
  readonly label: string;
  readonly samplesPerPeriod: 64 | 128;
}

/** What the certificate dialog writes: the record just finished, or one stored in the project. */
export type CertificateSource = { readonly kind: 'record'; readonly record: CalibrationRecord } | { readonly kind: 'stored'; readonly id: number; readonly boardSerial: string; readonly createdAt: string };

export interface CalibrationState {
  readonly view: CalibrationView;
  readonly setup: SetupForm;
  readonly accuracy: AccuracyForm;
  readonly formProblems: SetupProblems;
  readonly typed: Readonly<Record<TypedPage, TypedValues>>;
  readonly typedProblems: Readonly<Partial<Record<TypedPage, TypedProblems>>>;
  readonly verify: VerifyForm;
  readonly operator: string;
  readonly notes: string;
  readonly boards: readonly CalibrationBoardChoice[];
  readonly virtualMeter: VirtualMeterState | null;
  readonly session: CalibrationSessionState | null;
  /** The call in flight ('start', 'measure:voltage', 'apply', 'verify', 'finish', 'save', 'load', 'cancel'), or null. */
  readonly pending: string | null;
  readonly failures: Readonly<Partial<Record<CalibrationView, PageFailure>>>;
  readonly record: CalibrationRecord | null;
  /** Where the record was stored in the project. */
  readonly savedId: number | null;
  readonly history: readonly CalibrationSummary[];
  readonly historyProblem: string | null;
  readonly certificate: CertificateSource | null;
}

export const initialCalibrationState: CalibrationState = {
  view: 'setup',
  setup: DEFAULT_SETUP,
  accuracy: DEFAULT_ACCURACY,
  formProblems: {},
  typed: { voltage: {}, current: {}, phase: {}, unity: {}, verify: {} },
  typedProblems: {},
  verify: { label: '', samplesPerPeriod: 64 },
  operator: '',
  notes: '',
  boards: [],
  virtualMeter: null,
  session: null,
  pending: null,
  failures: {},
  record: null,
  savedId: null,
  history: [],
  historyProblem: null,
  certificate: null,
};

export type CalibrationStore = ReturnType<typeof createCalibrationStore>;

export function createCalibrationStore(initial: CalibrationState = initialCalibrationState) {
  return createStore<CalibrationState>()(() => initial);
}
