// Objectives of the deployment problems, in the thesis's order (cost, coverage, connectivity,
// over-coverage, §4.5) plus the worst-case battery lifetime when the devices run on batteries.
import type { ObjectiveSpec } from '../../problem';
import type { DeploymentFloor } from './floor-model';

export const COST: (worst: number) => ObjectiveSpec = (worst) => ({ name: 'cost', direction: 'minimize', unit: 'units', best: 0, worst });
export const COVERAGE: ObjectiveSpec = { name: 'coverage', direction: 'maximize', unit: '%', best: 100, worst: 0 };
export const CONNECTIVITY: ObjectiveSpec = { name: 'connectivity', direction: 'maximize', unit: '%', best: 100, worst: 0 };
export const OVER_COVERAGE: ObjectiveSpec = { name: 'overCoverage', direction: 'minimize', unit: '%', best: 0, worst: 100 };

/** The lifetime objective (years, worst sensor) when sensors run on a battery in network mode. */
export function lifetimeObjective(model: DeploymentFloor): ObjectiveSpec | null {
  if (model.mode !== 'network') return null;
  const years = model.sensorLifetime.yearsByLevel;
  if (!Number.isFinite(years[0])) return null;
  return { name: 'lifetime', direction: 'maximize', unit: 'years', best: years[0], worst: 0 };
}

/** The chosen indices of a genome of either encoding. */
export function chosenOf(x: Uint8Array | Int32Array): Int32Array {
  if (x instanceof Int32Array) return x;
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i]) out.push(i);
  return Int32Array.from(out);
}

export type DeploymentEncodingKind = 'sites' | 'grid';
