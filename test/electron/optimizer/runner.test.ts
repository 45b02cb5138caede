// The runner with a real worker thread, on the bundled worker (out/workers/optimizer.cjs).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOptimization } from '../../../electron/services/optimizer/runner';
import { executeOptimization } from '../../../shared/optimize/execute';
import { thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { OptimizationProgress, OptimizationRequest } from '../../../shared/optimize/request';

const root = path.resolve(__dirname, '../../..');
const workerPath = path.join(root, 'out/workers/optimizer.cjs');

// out/ is built once by the global setup (test/global-build.ts).

const thesis: OptimizationRequest = {
  algorithm: 'spea2',
  problem: thesisOfficeSpec('sensors', 'sites'),
  parameters: { populationSize: 40, generations: 30, crossoverProbability: 0.9, mutationProbability: 0.1, seed: 5 },
};

describe('optimiser runner (worker thread)', () => {
  it('returns the same front as an in-process run, with plain sites in metres and progress', async () => {
    const run = startOptimization(thesis, { workerPath, progressIntervalMs: 0 });
    const progress: OptimizationProgress[] = [];
    run.onProgress((p) => progress.push(p));
    const outcome = await run.outcome;
    if (!outcome.ok) throw new Error(outcome.message);
    const local = executeOptimization(thesis);
    expect(outcome.result.front).toEqual(local.front);
    expect(outcome.result.history).toEqual(local.history);
    expect(outcome.result).toMatchObject({ algorithm: 'spea2', problem: 'sensors', seed: 5, evaluations: 40 * 31, stopReason: 'completed' });
    expect(outcome.result.front[0].sites.every(([x, y]) => typeof x === 'number' && typeof y === 'number')).toBe(true);
    // Interval 0: every generation is reported, the last one included.
    expect(progress.map((p) => p.generation)).toEqual(Array.from({ length: 31 }, (_, g) => g));
    expect(progress[30].front.length).toBe(local.history[30].frontSize);
  });

  it('cancels: the worker stops after the generation that sees the flag and returns its result so far', async () => {
    const long: OptimizationRequest = {
      ...thesis,
      problem: { kind: 'sensors', floor: { columns: 100, rows: 100, pitchM: 1 }, sensor: { detectionRadiusM: 1.5, commRadiusM: 3, unitCost: 1 }, encoding: 'sites' },
      parameters: { ...thesis.parameters, generations: 1_000_000 },
    };
    const run = startOptimization(long, { workerPath, progressIntervalMs: 0 });
    let cancelledAt = -1;
    const unsubscribe = run.onProgress((p) => {
      if (cancelledAt < 0 && p.generation >= 2) {
        cancelledAt = p.generation;
        run.cancel();
      }
    });
    const outcome = await run.outcome;
    unsubscribe();
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.result.stopReason).toBe('cancelled');
    expect(outcome.result.generations).toBeGreaterThanOrEqual(cancelledAt);
    expect(outcome.result.generations).toBeLessThan(1_000_000);
    expect(outcome.result.history).toHaveLength(outcome.result.generations + 1);
  });

  it('reports invalid parameters and a missing worker file as results, not exceptions', async () => {
    const bad = await startOptimization({ ...thesis, parameters: { ...thesis.parameters, crossoverProbability: 2 } }, { workerPath }).outcome;
    expect(bad).toEqual({ ok: false, code: 'invalid-parameters', message: 'crossover probability must be between 0 and 1 (got 2)' });
    const missing = await startOptimization(thesis, { workerPath: path.join(root, 'out/workers/does-not-exist.cjs') }).outcome;
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.code).toBe('worker-failed');
  });
});
