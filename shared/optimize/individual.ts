// One evaluated candidate. The engine minimises `f` (= sign × natural value, see problem.ts) and
// keeps the natural values for results, so maximised objectives read as they are published.
import type { AnyProblem, Genome } from './problem';
import { objectiveSigns } from './problem';

export interface Individual {
  readonly x: Genome;
  /** Objective values in natural units and direction (what results show). */
  readonly objectives: Float64Array;
  /** Minimisation form: f[i] = sign[i] × objectives[i]. */
  readonly f: Float64Array;
  /** Per-constraint violation amounts (≥ 0). */
  readonly violations: Float64Array;
  /** Sum of the violations; 0 = feasible. */
  readonly violation: number;
}

/** Evaluates genomes for one problem, counting evaluations. */
export class Evaluator {
  private readonly signs: Float64Array;
  evaluations = 0;

  constructor(readonly problem: AnyProblem) {
    this.signs = objectiveSigns(problem.objectives);
  }

  evaluate(x: Genome): Individual {
    const m = this.signs.length;
    const objectives = new Float64Array(m);
    const violations = new Float64Array(this.problem.constraints.length);
    (this.problem.evaluate as (x: Genome, o: Float64Array, v: Float64Array) => void)(x, objectives, violations);
    const f = new Float64Array(m);
    for (let i = 0; i < m; i++) f[i] = this.signs[i] * objectives[i];
    let violation = 0;
    for (let j = 0; j < violations.length; j++) violation += violations[j] > 0 ? violations[j] : 0;
    this.evaluations++;
    return { x, objectives, f, violations, violation };
  }
}
