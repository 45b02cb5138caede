// The thesis's case study (§4.7.1): an office of 10 m × 8 m on a grid of 1 m cells (80 candidate
// sites at the cell centres), sensors with a 1.5 m detection radius and a 3 m communication radius,
// routers with a 5 m radius, unit costs; the runs used a population of 80, 100 generations,
// crossover 0.9 and mutation 0.1 (§4.7.2). The CLI's `--example thesis-office`, the tests and the
// benchmark all read it from here.
//
// Orientation: the thesis's matrix has `width` = 8 rows and `length` = 10 columns, and its tables
// give a device as (x, y) = (row, column) (Table 4.7, Figure 4.13). Here x runs along the 10 columns
// and y along the 8 rows, so the thesis's (x, y) is cell (row = x, column = y), whose centre is at
// (column + 0.5, row + 0.5) metres.
import type { GridFloorSpec } from './grid-floor';
import type { DeploymentEncoding, DeploymentSpec, RouterModel, SensorModel } from './deployment';

export const THESIS_OFFICE_FLOOR: GridFloorSpec = { columns: 10, rows: 8, pitchM: 1 };
export const THESIS_SENSOR: SensorModel = { detectionRadiusM: 1.5, commRadiusM: 3, unitCost: 1 };
export const THESIS_ROUTER: RouterModel = { commRadiusM: 5, unitCost: 1 };

/** §4.7.2: the parameters the thesis settled on for every run. */
export const THESIS_PARAMETERS = {
  populationSize: 80,
  generations: 100,
  crossoverProbability: 0.9,
  mutationProbability: 0.1,
} as const;

export function thesisOfficeSpec(kind: 'sensors' | 'routers', encoding: DeploymentEncoding): DeploymentSpec {
  return kind === 'sensors'
    ? { kind, floor: THESIS_OFFICE_FLOOR, sensor: THESIS_SENSOR, encoding }
    : { kind, floor: THESIS_OFFICE_FLOOR, router: THESIS_ROUTER, encoding };
}

/** Candidate-site index (row-major over the 10 × 8 grid) of the thesis's (x, y) = (row, column). */
export function thesisCellToSite(x: number, y: number): number {
  return x * THESIS_OFFICE_FLOOR.columns + y;
}
