// Termination criteria (pymoo's `termination`): the run stops when any criterion says so.

export interface RunProgressCounters {
  /** Generations completed after the initial population (0 right after initialisation). */
  readonly generation: number;
  readonly evaluations: number;
}

export interface Termination {
  hasTerminated(progress: RunProgressCounters): boolean;
}

export const maxGenerations = (generations: number): Termination => ({
  hasTerminated: (p) => p.generation >= generations,
});

export const maxEvaluations = (evaluations: number): Termination => ({
  hasTerminated: (p) => p.evaluations >= evaluations,
});

export const anyOf = (...criteria: Termination[]): Termination => ({
  hasTerminated: (p) => criteria.some((c) => c.hasTerminated(p)),
});
