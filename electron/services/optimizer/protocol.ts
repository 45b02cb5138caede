// Messages between the optimiser runner (main thread) and its worker thread. Plain data only: they
// cross the thread boundary by structured clone.
import type { OptimizationProgress, OptimizationRequest, OptimizationResult } from '../../../shared/optimize/request';

export interface OptimizerWorkerData {
  readonly request: unknown;
  /** Int32Array over a SharedArrayBuffer: index 0 becomes 1 when the run is cancelled. */
  readonly cancelFlag: SharedArrayBuffer;
  /** Minimum interval between progress messages (the last generation is always reported). */
  readonly progressIntervalMs: number;
}

export type OptimizerWorkerMessage =
  | { readonly type: 'progress'; readonly progress: OptimizationProgress }
  | { readonly type: 'result'; readonly result: OptimizationResult }
  | { readonly type: 'invalid'; readonly message: string }
  | { readonly type: 'failed'; readonly message: string };

export type { OptimizationRequest };
