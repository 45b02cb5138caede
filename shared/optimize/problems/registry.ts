// Serialisable problem descriptions → problems. The runner's worker, the CLI and the UI describe a
// problem with a plain object (it crosses thread and process boundaries) and build it here.
import type { AnyProblem } from '../problem';
import type { DeploymentSpec } from './deployment';
import { deploymentProblem } from './deployment';
import type { DtlzName } from './dtlz';
import { dtlz, dtlzFront } from './dtlz';
import type { ZdtName } from './zdt';
import { zdt, zdtFront } from './zdt';

export type TestProblemSpec =
  | { readonly kind: ZdtName; readonly variables?: number }
  | { readonly kind: DtlzName; readonly objectives: number; readonly variables?: number };

export type ProblemSpec = TestProblemSpec | DeploymentSpec;

export const TEST_PROBLEM_NAMES = ['zdt1', 'zdt2', 'zdt3', 'dtlz1', 'dtlz2'] as const;

export function problemFromSpec(spec: ProblemSpec): AnyProblem {
  switch (spec.kind) {
    case 'zdt1':
    case 'zdt2':
    case 'zdt3':
      return zdt(spec.kind, spec.variables);
    case 'dtlz1':
    case 'dtlz2':
      return dtlz(spec.kind, spec.objectives, spec.variables);
    case 'sensors':
    case 'routers':
      return deploymentProblem(spec);
  }
}

/** Points of a test problem's true Pareto front (for IGD, GD, spread); null for deployment problems. */
export function trueFront(spec: ProblemSpec): Float64Array[] | null {
  switch (spec.kind) {
    case 'zdt1':
    case 'zdt2':
    case 'zdt3':
      return zdtFront(spec.kind);
    case 'dtlz1':
    case 'dtlz2':
      // ~100 points or more whatever M: the smallest p with C(M + p − 1, p) ≥ 100, capped for large M.
      return dtlzFront(spec.kind, spec.objectives, divisionsForFront(spec.objectives));
    default:
      return null;
  }
}

function divisionsForFront(m: number): number {
  let p = 1;
  let count = m;
  while (count < 100 && p < 30) {
    p++;
    count = (count * (m + p - 1)) / p;
  }
  return p;
}
