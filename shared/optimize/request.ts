// One optimisation as plain data: what the UI, the CLI and the worker exchange, and what the project
// store keeps (../../DESIGN.md §2: algorithm, parameters, seed, per-generation indicators, final front).
import type { AlgorithmName, AlgorithmParameters } from './algorithms/parameters';
import type { ObjectiveDirection } from './problem';
import type { ProblemSpec } from './problems/registry';
import type { HistoryEntry } from './run';

export interface RunParameters extends AlgorithmParameters {
  /** Generations after the initial population (the thesis's loop ran 100). */
  readonly generations: number;
}

export interface OptimizationRequest {
  readonly algorithm: AlgorithmName;
  readonly problem: ProblemSpec;
  readonly parameters: RunParameters;
}

export interface FrontSolution {
  /** Natural values keyed by objective name (deployment: cost, coverage, connectivity, overCoverage; tests: f1..fM). */
  readonly objectives: Record<string, number>;
  /** Deployment problems: device positions [x, y] in metres from the plan origin; empty otherwise. */
  readonly sites: Array<[number, number]>;
  /** Problems placing several kinds of device: the kind of each site, in the same order. */
  readonly kinds?: Array<'sensor' | 'router'>;
  /** Real-vector problems: the decision variables. */
  readonly variables?: number[];
}

export interface OptimizationResult {
  readonly algorithm: AlgorithmName;
  /** Problem name, e.g. 'sensors' or 'zdt1'. */
  readonly problem: string;
  readonly seed: number;
  readonly parameters: RunParameters;
  readonly objectives: ReadonlyArray<{ name: string; direction: ObjectiveDirection; unit?: string }>;
  /** Generations completed after the initial population. */
  readonly generations: number;
  readonly evaluations: number;
  readonly elapsedMs: number;
  readonly stopReason: 'completed' | 'cancelled';
  readonly history: HistoryEntry[];
  /** The final non-dominated set, sorted by the objectives in order (first objective first). */
  readonly front: FrontSolution[];
}

/** Progress of a running optimisation, sent at a bounded rate. */
export interface OptimizationProgress {
  readonly generation: number;
  readonly generations: number;
  readonly evaluations: number;
  readonly hypervolume: number | null;
  /** Current front, natural objective values in the problem's objective order. */
  readonly front: number[][];
  /** The problem's objectives, in that order. */
  readonly objectives: ReadonlyArray<{ name: string; direction: ObjectiveDirection; unit?: string }>;
}
