// The worker's job in-process: bounded progress, cancel within one generation, invalid requests.
import { describe, expect, it } from 'vitest';
import { runOptimizationJob } from '../../../electron/services/optimizer/job';
import type { OptimizerWorkerMessage } from '../../../electron/services/optimizer/protocol';
import { thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { OptimizationRequest } from '../../../shared/optimize/request';

const request: OptimizationRequest = {
  algorithm: 'nsga2',
  problem: thesisOfficeSpec('routers', 'sites'),
  parameters: { populationSize: 20, generations: 12, crossoverProbability: 0.9, mutationProbability: 0.1, seed: 3 },
};

/** Runs the job with a fake clock that advances `stepMs` per reading. */
function runJob(req: unknown, { stepMs = 0, intervalMs = 100, cancelAfterGeneration = Infinity } = {}): OptimizerWorkerMessage[] {
  const messages: OptimizerWorkerMessage[] = [];
  let clock = 0;
  let lastGeneration = -1;
  runOptimizationJob(req, {
    now: () => (clock += stepMs),
    isCancelled: () => lastGeneration >= cancelAfterGeneration,
    post: (m) => {
      messages.push(m);
      if (m.type === 'progress') lastGeneration = m.progress.generation;
    },
    progressIntervalMs: intervalMs,
  });
  return messages;
}

describe('optimiser job', () => {
  it('reports every generation when the interval allows, then the result', () => {
    const messages = runJob(request, { stepMs: 1000 });
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.map((m) => (m.type === 'progress' ? m.progress.generation : -1))).toEqual(Array.from({ length: 13 }, (_, g) => g));
    const last = messages[messages.length - 1];
    expect(last.type).toBe('result');
    if (last.type !== 'result' || progress[12].type !== 'progress') throw new Error('unreachable');
    expect(last.result.stopReason).toBe('completed');
    expect(last.result.generations).toBe(12);
    expect(progress[12].progress.evaluations).toBe(20 * 13);
    expect(progress[12].progress.front.every((f) => f.length === 2)).toBe(true);
  });

  it('bounds the rate: one message per interval plus always the last generation', () => {
    // The clock advances 1 ms per reading (two readings per generation besides start/end), so a
    // 1,000,000 ms interval lets only the first generation and the last through.
    const progress = runJob(request, { stepMs: 1, intervalMs: 1_000_000 }).filter((m) => m.type === 'progress');
    expect(progress.map((m) => (m.type === 'progress' ? m.progress.generation : -1))).toEqual([0, 12]);
  });

  it('stops at the first generation after the cancel flag, with the result so far', () => {
    // The flag is seen after generation 4 is reported, i.e. during generation 5's check.
    const messages = runJob(request, { stepMs: 1000, cancelAfterGeneration: 4 });
    const last = messages[messages.length - 1];
    if (last.type !== 'result') throw new Error(`expected a result, got ${last.type}`);
    expect(last.result.stopReason).toBe('cancelled');
    expect(last.result.generations).toBe(5);
    expect(last.result.history).toHaveLength(6);
    expect(last.result.front.length).toBeGreaterThan(0);
  });

  it('answers an invalid request with its message and runs nothing', () => {
    const messages = runJob({ ...request, parameters: { ...request.parameters, populationSize: 0 } });
    expect(messages).toEqual([{ type: 'invalid', message: 'population size must be an integer from 2 to 100000 (got 0)' }]);
  });
});
