// The Optimise area's state that changes at human rate: the panel's settings, the job in progress, the
// stored runs and which are compared, the chosen solution, the chart's view. Progress (event rate) lives
// in live-progress.ts instead. A vanilla store, so tests drive it without React.
import { createStore } from 'zustand/vanilla';
import type { AlgorithmName, OptimizationRun, RunSummary, StartOptimization } from '../../../../shared/api/optimization-api';
import { DEFAULT_FORM, type FormErrors, type OptimizerForm } from './form';

export interface JobState {
  /** Null while startOptimization has not answered. */
  readonly jobId: string | null;
  readonly args: StartOptimization;
  /** Algorithms whose end has not arrived yet. */
  readonly pending: readonly AlgorithmName[];
  readonly stopping: boolean;
  /** Runs the job stored, in the order they ended. */
  readonly runIds: readonly number[];
  /** Why an algorithm ended without a stored run. */
  readonly failures: readonly { algorithm: AlgorithmName; message: string }[];
}

export type ChartView = 'scatter' | 'parallel' | 'convergence';
export type SideTab = 'setup' | 'runs';

export interface GuidedState {
  readonly step: 'routers' | 'sensors' | 'done' | 'failed';
  readonly routerRunIds: readonly number[];
  readonly sensorRunIds: readonly number[];
  readonly message: string | null;
  /** Wall-clock time of the whole study (both jobs), once done. */
  readonly startedAtMs: number;
  readonly elapsedMs: number | null;
}

export interface Selection {
  readonly runId: number;
  readonly index: number;
}

export interface OptimizerState {
  readonly form: OptimizerForm;
  readonly formErrors: FormErrors;
  readonly job: JobState | null;
  /** The back end's refusal of the last start (no installable zone, unsupported model, …). */
  readonly startError: string | null;
  readonly runs: readonly RunSummary[];
  readonly runsLoaded: boolean;
  /** Stored runs on the charts. */
  readonly compared: readonly number[];
  /** Whole runs fetched so far (fronts with devices, histories). */
  readonly loaded: Readonly<Record<number, OptimizationRun>>;
  /** The problem whose runs the charts show, when the compared runs span several. */
  readonly problem: string | null;
  readonly view: ChartView;
  /** The left column shows the settings or the stored runs. */
  readonly sideTab: SideTab;
  readonly axes: { readonly x: string; readonly y: string } | null;
  readonly selection: Selection | null;
  readonly applying: boolean;
  /** The solution last made the placement: it needs no preview while it stays chosen. */
  readonly applied: Selection | null;
  readonly guided: GuidedState | null;
}

export const initialOptimizerState: OptimizerState = {
  form: DEFAULT_FORM,
  formErrors: {},
  job: null,
  startError: null,
  runs: [],
  runsLoaded: false,
  compared: [],
  loaded: {},
  problem: null,
  view: 'scatter',
  sideTab: 'setup',
  axes: null,
  selection: null,
  applying: false,
  applied: null,
  guided: null,
};

export type OptimizerStore = ReturnType<typeof createOptimizerStore>;

export function createOptimizerStore(initial: OptimizerState = initialOptimizerState) {
  return createStore<OptimizerState>()(() => initial);
}

export const selectRunning = (s: OptimizerState) => s.job !== null && s.job.pending.length > 0;

/** The problem key a job's runs are stored under (the back end's `${model}-${problem}`). */
export function problemKey(args: Pick<StartOptimization, 'model' | 'problem'>): string {
  return `${args.model}-${args.problem}`;
}
