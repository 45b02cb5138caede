// The thesis's deployment problems (§2.2, §4.5) on a grid floor, in its binary-grid encoding (one
// bit per candidate site, §4.4.1) or in the placement-set encoding (the list of chosen sites).
//   sensors, eq. (4.1): min cost = count × unit cost (eq. 2.1), max coverage % (eq. 2.12, binary
//     detection disk R_d), max connectivity % (the thesis's area measure: share of floor cells within
//     the communication radius of a node, §4.6.3), min over-coverage % (eq. 2.5, cells detected by
//     two sensors or more);
//   routers, eq. (4.3): min cost, max connectivity % (communication radius).
// Percentages are shares of the floor cells (the thesis's L·l). Evaluation walks the precomputed
// site → cells tables of the chosen sites only, with epoch stamps instead of clearing per-cell arrays,
// so one evaluation costs O(Σ disk sizes of the chosen sites) whatever the floor's size.
import type {
  BinaryEncoding,
  CsrTable,
  ObjectiveSpec,
  PlacementSetEncoding,
  Problem,
} from '../problem';
import type { GridFloorSpec } from './grid-floor';
import { gridCentreM, gridGeometry } from './grid-floor';
import { deploymentSampler } from './deployment-sampling';
import { cellsWithinRadius, siteNeighbours } from './site-tables';

export type DeploymentEncoding = 'grid' | 'sites';
export type DeploymentKind = 'sensors' | 'routers';

export interface SensorModel {
  readonly detectionRadiusM: number;
  readonly commRadiusM: number;
  readonly unitCost: number;
}

export interface RouterModel {
  readonly commRadiusM: number;
  readonly unitCost: number;
}

export type DeploymentSpec =
  | { readonly kind: 'sensors'; readonly floor: GridFloorSpec; readonly sensor: SensorModel; readonly encoding: DeploymentEncoding }
  | { readonly kind: 'routers'; readonly floor: GridFloorSpec; readonly router: RouterModel; readonly encoding: DeploymentEncoding };

export type DeploymentProblem = Problem<BinaryEncoding> | Problem<PlacementSetEncoding>;

/** Counts, per evaluation, the distinct cells reached and the cells reached twice or more. */
class CellCounter {
  private readonly stamp: Uint32Array;
  private readonly count: Int32Array;
  private epoch = 0;
  reached = 0;
  reachedTwice = 0;

  constructor(
    cells: number,
    private readonly table: CsrTable,
  ) {
    this.stamp = new Uint32Array(cells);
    this.count = new Int32Array(cells);
  }

  reset(): void {
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    this.reached = 0;
    this.reachedTwice = 0;
  }

  /** Distinct cells only (no over-coverage needed): stamps without counting. */
  addReach(site: number): void {
    const { offsets, items } = this.table;
    const epoch = this.epoch;
    const stamp = this.stamp;
    let reached = this.reached;
    for (let k = offsets[site], end = offsets[site + 1]; k < end; k++) {
      const c = items[k];
      if (stamp[c] !== epoch) {
        stamp[c] = epoch;
        reached++;
      }
    }
    this.reached = reached;
  }

  add(site: number): void {
    const { offsets, items } = this.table;
    const epoch = this.epoch;
    for (let k = offsets[site], end = offsets[site + 1]; k < end; k++) {
      const c = items[k];
      if (this.stamp[c] !== epoch) {
        this.stamp[c] = epoch;
        this.count[c] = 1;
        this.reached++;
      } else if (++this.count[c] === 2) {
        this.reachedTwice++;
      }
    }
  }
}

export function deploymentProblem(spec: DeploymentSpec): DeploymentProblem {
  const geometry = gridGeometry(spec.floor);
  const sensors = spec.kind === 'sensors';
  const commRadiusM = sensors ? spec.sensor.commRadiusM : spec.router.commRadiusM;
  const unitCost = sensors ? spec.sensor.unitCost : spec.router.unitCost;
  const siteCount = geometry.siteGrid.length;
  const percent = 100 / geometry.cellCount;

  const commTable = cellsWithinRadius(geometry, commRadiusM);
  const comm = new CellCounter(geometry.cellCount, commTable);
  const detectionTable = sensors ? cellsWithinRadius(geometry, spec.sensor.detectionRadiusM) : null;
  const detection = detectionTable ? new CellCounter(geometry.cellCount, detectionTable) : null;

  const objectives: ObjectiveSpec[] = [{ name: 'cost', direction: 'minimize', unit: 'units', best: 0, worst: siteCount * unitCost }];
  if (sensors) objectives.push({ name: 'coverage', direction: 'maximize', unit: '%', best: 100, worst: 0 });
  objectives.push({ name: 'connectivity', direction: 'maximize', unit: '%', best: 100, worst: 0 });
  if (sensors) objectives.push({ name: 'overCoverage', direction: 'minimize', unit: '%', best: 0, worst: 100 });

  const begin = (): void => {
    comm.reset();
    detection?.reset();
  };
  const addSite = (site: number): void => {
    comm.addReach(site);
    detection?.add(site);
  };
  const finish = (count: number, out: Float64Array): void => {
    out[0] = count * unitCost;
    if (detection) {
      out[1] = detection.reached * percent;
      out[2] = comm.reached * percent;
      out[3] = detection.reachedTwice * percent;
    } else {
      out[1] = comm.reached * percent;
    }
  };

  const random = deploymentSampler(geometry, detectionTable ?? commTable);
  const sitesM = (sites: ArrayLike<number>): Array<[number, number]> =>
    Array.from(sites, (s) => gridCentreM(geometry, geometry.siteGrid[s]));
  const base = { name: spec.kind, objectives, constraints: [] };

  if (spec.encoding === 'grid') {
    const problem: Problem<BinaryEncoding> = {
      ...base,
      encoding: { kind: 'binary', length: siteCount },
      evaluate(x, out) {
        begin();
        let count = 0;
        for (let s = 0; s < x.length; s++) {
          if (x[s]) {
            addSite(s);
            count++;
          }
        }
        finish(count, out);
      },
      sample(rand) {
        const x = new Uint8Array(siteCount);
        for (const s of random(rand)) x[s] = 1;
        return x;
      },
      sitesOf: (x) => sitesM(setBits(x)),
    };
    return problem;
  }
  const problem: Problem<PlacementSetEncoding> = {
    ...base,
    encoding: {
      kind: 'placement-set',
      siteCount,
      neighbours: siteNeighbours(geometry),
      positions: Float64Array.from(Array.from(geometry.siteGrid, (g) => gridCentreM(geometry, g)).flat()),
      minSites: 0,
      maxSites: siteCount,
    },
    evaluate(x, out) {
      begin();
      for (let i = 0; i < x.length; i++) addSite(x[i]);
      finish(x.length, out);
    },
    sample: (rand) => random(rand),
    sitesOf: (x) => sitesM(x),
  };
  return problem;
}

function setBits(x: Uint8Array): number[] {
  const out: number[] = [];
  for (let s = 0; s < x.length; s++) if (x[s]) out.push(s);
  return out;
}
