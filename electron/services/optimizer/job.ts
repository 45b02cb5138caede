// What the optimiser worker does, separated from the thread plumbing so it can be tested in-process:
// validate the request, run it, report progress at a bounded rate (at most one message per interval,
// plus always the last generation, whether the run completes or is cancelled), and stop at the first
// generation that sees the cancel flag.
import { executeOptimization } from '../../../shared/optimize/execute';
import type { OptimizationProgress } from '../../../shared/optimize/request';
import { InvalidProblemError } from '../../../shared/optimize/problems/registry';
import { validateOptimizationRequest } from '../../../shared/optimize/validate';
import type { OptimizerWorkerMessage } from './protocol';

export interface JobEnvironment {
  readonly now: () => number;
  readonly isCancelled: () => boolean;
  readonly post: (message: OptimizerWorkerMessage) => void;
  readonly progressIntervalMs: number;
}

export function runOptimizationJob(request: unknown, env: JobEnvironment): void {
  const valid = validateOptimizationRequest(request);
  if (!valid.ok) {
    env.post({ type: 'invalid', message: valid.message });
    return;
  }
  const total = valid.value.parameters.generations;
  let lastPostMs = -Infinity;
  let objectives: OptimizationProgress['objectives'] = [];
  try {
    const result = executeOptimization(valid.value, {
      now: env.now,
      onProblem: (problem) => {
        objectives = problem.objectives.map((o) => ({ name: o.name, direction: o.direction, ...(o.unit ? { unit: o.unit } : {}) }));
      },
      onGeneration: (report) => {
        const cancelled = env.isCancelled();
        const t = env.now();
        if (cancelled || report.generation >= total || t - lastPostMs >= env.progressIntervalMs) {
          lastPostMs = t;
          env.post({
            type: 'progress',
            progress: {
              generation: report.generation,
              generations: total,
              evaluations: report.evaluations,
              hypervolume: report.hypervolume,
              front: report.front.map((s) => Array.from(s.objectives)),
              objectives,
            },
          });
        }
        return !cancelled;
      },
    });
    env.post({ type: 'result', result });
  } catch (err) {
    if (err instanceof InvalidProblemError) env.post({ type: 'invalid', message: err.message });
    else env.post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}
