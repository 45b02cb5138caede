// Serialisable problem descriptions → problems. The runner's worker, the CLI and the UI describe a
// problem with a plain object (it crosses thread and process boundaries) and build it here.
import type { AnyProblem } from '../problem';
import type { Point } from '../../model/building';
import type { DeploymentSpec } from './deployment';
import { createDeploymentProblem, type DeploymentProblemName } from './deployment/create';
import { buildDeploymentFloor, type DeploymentFloorInput } from './deployment/floor-model';
import type { DeploymentEncodingKind } from './deployment/objectives';
import { deploymentProblem } from './deployment';
import type { DtlzName } from './dtlz';
import { dtlz, dtlzFront } from './dtlz';
import type { ZdtName } from './zdt';
import { zdt, zdtFront } from './zdt';

export type TestProblemSpec =
  | { readonly kind: ZdtName; readonly variables?: number }
  | { readonly kind: DtlzName; readonly objectives: number; readonly variables?: number };

/**
 * A realistic deployment problem on a project's floor (walls, zones, catalogue devices): plain data,
 * so it crosses into the worker, which builds the floor's tables there (shared/optimize/problems/deployment).
 */
export interface MultiWallSpec {
  readonly kind: 'multi-wall';
  readonly problem: DeploymentProblemName;
  readonly input: DeploymentFloorInput;
  readonly encoding: DeploymentEncodingKind;
  /** sensors-mw: the routers already placed, in metres. */
  readonly routers?: readonly Point[];
}

export type ProblemSpec = TestProblemSpec | DeploymentSpec | MultiWallSpec;

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
    case 'multi-wall': {
      const floor = buildDeploymentFloor(spec.input);
      if (!floor.ok) throw new InvalidProblemError(floor.message);
      return createDeploymentProblem(spec.problem, floor.value, { encoding: spec.encoding, routers: spec.routers });
    }
  }
}

/** The floor cannot become a problem (no installable area, a device without a radio…): the user's to fix. */
export class InvalidProblemError extends Error {}

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
