// Runs one optimisation in a worker thread (../../../shared/DESIGN.md §3.3: heavy work never blocks a
// UI thread). Progress arrives at a bounded rate; cancel() raises a shared flag that the worker reads
// after every generation, so a run stops within one generation and still returns its result so far
// (stopReason 'cancelled'). The result is a plain object, ready to be stored in the project.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OptimizationProgress, OptimizationRequest, OptimizationResult } from '../../../shared/optimize/request';
import type { OptimizerWorkerData, OptimizerWorkerMessage } from './protocol';

export type OptimizationOutcome =
  | { readonly ok: true; readonly result: OptimizationResult }
  | { readonly ok: false; readonly code: 'invalid-parameters' | 'worker-failed'; readonly message: string };

export interface OptimizationRunOptions {
  /** The bundled worker (default: out/workers/optimizer.cjs beside the calling bundle's folder). */
  readonly workerPath?: string;
  /** Minimum interval between progress events; default 100 ms (≤ 10 per second, plus the last). */
  readonly progressIntervalMs?: number;
}

export interface OptimizationRun {
  /** Settles once, with the result, a cancelled run's result so far, or the reason it failed. */
  readonly outcome: Promise<OptimizationOutcome>;
  /** Subscribes to progress events; returns the unsubscribe function. */
  onProgress(listener: (progress: OptimizationProgress) => void): () => void;
  /** Asks the worker to stop after its current generation. */
  cancel(): void;
}

export function defaultWorkerPath(): string {
  return path.join(__dirname, '../workers/optimizer.cjs');
}

export function startOptimization(request: OptimizationRequest, options: OptimizationRunOptions = {}): OptimizationRun {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const listeners = new Set<(progress: OptimizationProgress) => void>();
  const workerData: OptimizerWorkerData = {
    request,
    cancelFlag,
    progressIntervalMs: options.progressIntervalMs ?? 100,
  };
  const worker = new Worker(options.workerPath ?? defaultWorkerPath(), { workerData });
  const outcome = new Promise<OptimizationOutcome>((resolve) => {
    let settled = false;
    const settle = (o: OptimizationOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(o);
      void worker.terminate();
    };
    worker.on('message', (message: OptimizerWorkerMessage) => {
      switch (message.type) {
        case 'progress':
          for (const l of listeners) l(message.progress);
          break;
        case 'result':
          settle({ ok: true, result: message.result });
          break;
        case 'invalid':
          settle({ ok: false, code: 'invalid-parameters', message: message.message });
          break;
        case 'failed':
          settle({ ok: false, code: 'worker-failed', message: message.message });
          break;
      }
    });
    worker.on('error', (err) => settle({ ok: false, code: 'worker-failed', message: err.message }));
    worker.on('exit', (code) => settle({ ok: false, code: 'worker-failed', message: `the optimiser worker exited (code ${code}) without a result` }));
  });
  return {
    outcome,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel() {
      Atomics.store(flag, 0, 1);
    },
  };
}
