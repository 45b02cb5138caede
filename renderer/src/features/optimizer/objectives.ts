// Objectives as the Pareto views show them: a translated name, the unit, the direction, the colour.
// The back end names each objective (cost, coverage, connectivity, overCoverage, …); an unknown name is
// shown as it comes, so a new model's objective still appears.
import type { OptimizationRun } from '../../../../shared/api/optimization-api';
import { OBJECTIVE_COLOURS } from '../../theme/palette';

export interface ObjectiveInfo {
  readonly name: string;
  readonly direction: 'minimize' | 'maximize';
  readonly unit: string;
}

export type OptimizationProblem = 'routers' | 'sensors' | 'joint';

/**
 * What each problem optimises, shown in the panel before a run (the back end's own list arrives with the
 * first progress event and wins): thesis §4.5, routers: cost vs connectivity; sensors: cost, coverage,
 * connectivity, over-coverage; both kinds at once: the sensors' four.
 */
export const PROBLEM_OBJECTIVES: Readonly<Record<OptimizationProblem, readonly ObjectiveInfo[]>> = {
  routers: [
    { name: 'cost', direction: 'minimize', unit: 'units' },
    { name: 'connectivity', direction: 'maximize', unit: '%' },
  ],
  sensors: [
    { name: 'cost', direction: 'minimize', unit: 'units' },
    { name: 'coverage', direction: 'maximize', unit: '%' },
    { name: 'connectivity', direction: 'maximize', unit: '%' },
    { name: 'overCoverage', direction: 'minimize', unit: '%' },
  ],
  joint: [
    { name: 'cost', direction: 'minimize', unit: 'units' },
    { name: 'coverage', direction: 'maximize', unit: '%' },
    { name: 'connectivity', direction: 'maximize', unit: '%' },
    { name: 'overCoverage', direction: 'minimize', unit: '%' },
  ],
};

const KNOWN = new Set(Object.keys(OBJECTIVE_COLOURS));
const FALLBACK_COLOUR = '#7d8594';

export function objectiveColour(name: string): string {
  return KNOWN.has(name) ? OBJECTIVE_COLOURS[name as keyof typeof OBJECTIVE_COLOURS] : FALLBACK_COLOUR;
}

/** i18n key of an objective's name, or null when the name is not one the window knows. */
export function objectiveLabelKey(name: string): string | null {
  return KNOWN.has(name) ? `optimizer.objectives.${name}` : null;
}

/** A run's front as objective vectors in the run's objective order (missing values are NaN). */
export function frontVectors(run: Pick<OptimizationRun, 'objectives' | 'front'>): number[][] {
  return run.front.map((s) => run.objectives.map((o) => s.objectives[o.name] ?? Number.NaN));
}

/** Costs are counts of devices when unit costs are 1: no decimals then; percentages to 0.1. */
export function objectiveDecimals(o: ObjectiveInfo): number {
  return o.unit === '%' ? 1 : 2;
}
