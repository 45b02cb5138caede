// The running optimisations' progress, straight from the API events into plain objects: the latest front
// and counters of each algorithm, and its hypervolume samples. Nothing here goes through React state;
// charts, progress bars and the status bar subscribe and redraw at most once per animation frame.
import type { EventPayload, MeterplanApi, Unsubscribe } from '../../../../shared/api/contract';
import type { AlgorithmName } from '../../../../shared/api/optimization-api';
import type { ObjectiveInfo } from './objectives';

export type LiveStatus = 'running' | 'stored' | 'failed';

export interface LiveRun {
  readonly jobId: string;
  readonly algorithm: AlgorithmName;
  status: LiveStatus;
  generation: number;
  generations: number;
  evaluations: number;
  hypervolume: number | null;
  elapsedMs: number;
  objectives: readonly ObjectiveInfo[];
  /** Latest front, objective values in `objectives` order. */
  front: readonly (readonly number[])[];
  /** The first progress event: the pace is measured from it, so the worker's start-up does not count. */
  paceFrom: { generation: number; elapsedMs: number } | null;
  /** Hypervolume at each progress event, for the convergence chart while the run goes. */
  readonly hypervolumes: { generation: number; hypervolume: number }[];
  /** Once stored. */
  runId: number | null;
  /** Why it ended without a stored run. */
  error: string | null;
}

export type FinishedListener = (payload: EventPayload<'optimizationFinished'>) => void;

const key = (jobId: string, algorithm: AlgorithmName) => `${jobId}:${algorithm}`;

export class LiveProgress {
  private readonly runs = new Map<string, LiveRun>();
  private readonly listeners = new Set<() => void>();
  private readonly finishedListeners = new Set<FinishedListener>();
  private readonly subscriptions: Unsubscribe[];

  constructor(api: Pick<MeterplanApi, 'on'>) {
    this.subscriptions = [
      api.on('optimizationProgress', (p) => this.handleProgress(p)),
      api.on('optimizationFinished', (f) => this.handleFinished(f)),
    ];
  }

  /** Called at every change (event rate): listeners throttle their own drawing. */
  subscribe(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onFinished(listener: FinishedListener): Unsubscribe {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** The job's runs in the panel's algorithm order. */
  runsOf(jobId: string): LiveRun[] {
    return [...this.runs.values()].filter((r) => r.jobId === jobId).sort((a, b) => order(a.algorithm) - order(b.algorithm));
  }

  /** Registers a job's runs before their first event, so their progress bars show from 0. */
  expect(jobId: string, algorithms: readonly AlgorithmName[], generations: number): void {
    for (const algorithm of algorithms) {
      if (this.runs.has(key(jobId, algorithm))) continue;
      this.runs.set(key(jobId, algorithm), blank(jobId, algorithm, generations));
    }
    this.notify();
  }

  /** Forgets every job but `keep` (the fronts of older jobs are in the stored runs). */
  forgetExcept(keep: string | null): void {
    for (const [k, r] of this.runs) if (r.jobId !== keep) this.runs.delete(k);
    this.notify();
  }

  dispose(): void {
    for (const u of this.subscriptions.splice(0)) u();
    this.listeners.clear();
    this.finishedListeners.clear();
  }

  // Events may arrive before startOptimization's answer (a fast run): they are kept by job id anyway.
  private handleProgress(p: EventPayload<'optimizationProgress'>): void {
    let run = this.runs.get(key(p.jobId, p.algorithm));
    if (!run) this.runs.set(key(p.jobId, p.algorithm), (run = blank(p.jobId, p.algorithm, p.generations)));
    if (run.status !== 'running' || p.generation < run.generation) return;
    run.paceFrom ??= { generation: p.generation, elapsedMs: p.elapsedMs };
    run.generation = p.generation;
    run.generations = p.generations;
    run.evaluations = p.evaluations;
    run.hypervolume = p.hypervolume;
    run.elapsedMs = p.elapsedMs;
    run.objectives = p.objectives;
    run.front = p.front;
    if (p.hypervolume !== null) {
      const last = run.hypervolumes.at(-1);
      if (last?.generation === p.generation) last.hypervolume = p.hypervolume;
      else run.hypervolumes.push({ generation: p.generation, hypervolume: p.hypervolume });
    }
    this.notify();
  }

  private handleFinished(f: EventPayload<'optimizationFinished'>): void {
    let run = this.runs.get(key(f.jobId, f.algorithm));
    if (!run) this.runs.set(key(f.jobId, f.algorithm), (run = blank(f.jobId, f.algorithm, 0)));
    if (f.outcome.ok) {
      run.status = 'stored';
      run.runId = f.outcome.value.runId;
    } else {
      run.status = 'failed';
      run.error = f.outcome.message;
    }
    this.notify();
    for (const l of [...this.finishedListeners]) l(f);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

function order(a: AlgorithmName): number {
  return a === 'nsga2' ? 0 : a === 'spea2' ? 1 : 2;
}

function blank(jobId: string, algorithm: AlgorithmName, generations: number): LiveRun {
  return {
    jobId,
    algorithm,
    status: 'running',
    generation: 0,
    generations,
    evaluations: 0,
    hypervolume: null,
    elapsedMs: 0,
    objectives: [],
    front: [],
    paceFrom: null,
    hypervolumes: [],
    runId: null,
    error: null,
  };
}

/**
 * Remaining time from the pace since the first progress event (generations take about the same time;
 * the worker's start-up before it would inflate the estimate), or null until there is a pace.
 */
export function etaMs(run: Pick<LiveRun, 'generation' | 'generations' | 'elapsedMs' | 'paceFrom'>): number | null {
  const from = run.paceFrom;
  if (!from || run.generation <= from.generation || run.elapsedMs <= from.elapsedMs) return null;
  const msPerGeneration = (run.elapsedMs - from.elapsedMs) / (run.generation - from.generation);
  return msPerGeneration * Math.max(0, run.generations - run.generation);
}

/** Share done, 0…1. */
export function fractionDone(run: Pick<LiveRun, 'generation' | 'generations' | 'status'>): number {
  if (run.status !== 'running') return 1;
  return run.generations > 0 ? Math.min(1, run.generation / run.generations) : 0;
}
