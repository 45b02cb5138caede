// Runs one OptimizationRequest to an OptimizationResult: the pure core shared by the worker, the CLI
// and the tests. Validate the request first (validate.ts); this assumes it is valid.
import { createAlgorithm } from './algorithms/create';
import type { Individual } from './individual';
import type { AnyProblem, Genome } from './problem';
import { problemFromSpec } from './problems/registry';
import type { FrontSolution, OptimizationRequest, OptimizationResult } from './request';
import type { GenerationReport } from './run';
import { runAlgorithm } from './run';
import { maxGenerations } from './termination';

export interface ExecuteHooks {
  /** Monotonic clock in ms (performance.now in Node and browsers); shared/ has no clock of its own. */
  readonly now?: () => number;
  /** After every generation; return false to stop (cancel). */
  readonly onGeneration?: (report: GenerationReport) => boolean | void;
  /** Once the problem is built: what its objectives are (progress reports carry their names). */
  readonly onProblem?: (problem: AnyProblem) => void;
}

export function executeOptimization(request: OptimizationRequest, hooks: ExecuteHooks = {}): OptimizationResult {
  const now = hooks.now ?? (() => 0);
  const started = now();
  const problem = problemFromSpec(request.problem);
  hooks.onProblem?.(problem);
  const algorithm = createAlgorithm(request.algorithm, problem, request.parameters);
  const out = runAlgorithm(problem, algorithm, maxGenerations(request.parameters.generations), {
    onGeneration: hooks.onGeneration,
  });
  const elapsedMs = now() - started;
  return {
    algorithm: request.algorithm,
    problem: problem.name,
    seed: request.parameters.seed,
    parameters: request.parameters,
    objectives: problem.objectives.map((o) => ({ name: o.name, direction: o.direction, ...(o.unit ? { unit: o.unit } : {}) })),
    generations: out.generations,
    evaluations: out.evaluations,
    elapsedMs,
    stopReason: out.stopReason,
    history: out.history,
    front: describeFront(problem, out.front),
  };
}

/**
 * Plain, serialisable solutions, sorted by the objectives' natural values in order. Solutions with
 * the same objective values as an earlier one (on discrete problems, different placements with equal
 * scores) are left out: the front lists distinct trade-offs.
 */
export function describeFront(problem: AnyProblem, front: readonly Individual[]): FrontSolution[] {
  const compare = (a: Individual, b: Individual): number => {
    for (let k = 0; k < a.objectives.length; k++) if (a.objectives[k] !== b.objectives[k]) return a.objectives[k] - b.objectives[k];
    return 0;
  };
  const sorted = front
    .slice()
    .sort(compare)
    .filter((s, i, all) => i === 0 || compare(all[i - 1], s) !== 0);
  const sitesOf = problem.sitesOf as ((x: Genome) => Array<[number, number]>) | undefined;
  return sorted.map((s) => {
    const objectives: Record<string, number> = {};
    problem.objectives.forEach((o, k) => (objectives[o.name] = s.objectives[k]));
    const kindsOf = problem.siteKindsOf as ((x: Genome) => Array<'sensor' | 'router'>) | undefined;
    const solution: FrontSolution = {
      objectives,
      sites: sitesOf ? sitesOf.call(problem, s.x) : [],
      ...(kindsOf ? { kinds: kindsOf.call(problem, s.x) } : {}),
    };
    return problem.encoding.kind === 'real' ? { ...solution, variables: Array.from(s.x) } : solution;
  });
}
