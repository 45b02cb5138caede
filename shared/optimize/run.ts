// The ask–tell loop (pymoo's `minimize`): evaluate what the algorithm asks for, tell it the results,
// record one history entry per generation (hypervolume of the current front, its size, evaluations),
// until the termination criterion holds or the observer asks to stop (the runner's cancel).
import type { Algorithm } from './algorithms/algorithm';
import type { Individual } from './individual';
import { Evaluator } from './individual';
import type { ObjectiveBounds } from './indicators/normalize';
import { declaredBounds, normalizedHypervolume, observedBounds } from './indicators/normalize';
import type { AnyProblem } from './problem';
import type { Termination } from './termination';

export interface HistoryEntry {
  readonly generation: number;
  readonly evaluations: number;
  /** Normalised hypervolume of the current front (share of the unit box); null when not computed. */
  readonly hypervolume: number | null;
  readonly frontSize: number;
}

export interface GenerationReport extends HistoryEntry {
  /** Current approximation: non-dominated survivors, feasible first (constraint domination). */
  readonly front: readonly Individual[];
}

export interface RunOptions {
  /** Called after every generation (0 = initial population); return false to stop the run there. */
  readonly onGeneration?: (report: GenerationReport) => boolean | void;
  /**
   * Hypervolume in the history: 'auto' (default) computes it for up to 4 objectives, where it is
   * exact and cheap; 'never' skips it.
   */
  readonly hypervolume?: 'auto' | 'never';
}

export interface RunOutput {
  readonly generations: number;
  readonly evaluations: number;
  readonly front: Individual[];
  readonly history: HistoryEntry[];
  readonly stopReason: 'completed' | 'cancelled';
}

export function runAlgorithm(problem: AnyProblem, algorithm: Algorithm, termination: Termination, options: RunOptions = {}): RunOutput {
  const evaluator = new Evaluator(problem);
  const history: HistoryEntry[] = [];
  const m = problem.objectives.length;
  const wantHv = options.hypervolume !== 'never' && m <= 4;
  let bounds: ObjectiveBounds | null = declaredBounds(problem.objectives);
  let generation = -1;
  let front: Individual[] = [];
  let stopReason: RunOutput['stopReason'] = 'completed';
  do {
    const genomes = algorithm.ask();
    algorithm.tell(genomes.map((x) => evaluator.evaluate(x)));
    generation++;
    front = algorithm.front().slice();
    // Without declared bounds, normalise by the initial population's range, kept fixed so that the
    // history is comparable from one generation to the next.
    if (wantHv && !bounds) bounds = observedBounds(algorithm.survivors().map((s) => s.f));
    const entry: HistoryEntry = {
      generation,
      evaluations: evaluator.evaluations,
      hypervolume: wantHv && bounds ? normalizedHypervolume(front, bounds) : null,
      frontSize: front.length,
    };
    history.push(entry);
    if (options.onGeneration?.({ ...entry, front }) === false) {
      stopReason = 'cancelled';
      break;
    }
  } while (!termination.hasTerminated({ generation, evaluations: evaluator.evaluations }));
  return { generations: generation, evaluations: evaluator.evaluations, front, history, stopReason };
}
