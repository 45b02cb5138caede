// Site → cells tables for the deployment problems: which monitored cells a device at a site reaches,
// found through the cells' lattice (a window around the site, never the whole floor).
import type { GridPoints } from '../../../model/sites';
import type { DetectionModel } from '../../../radio/detection';
import { detectionProbability, detectionReachM } from '../../../radio/detection';
import type { WallIndex } from '../../../radio/wall-index';
import type { CsrTable } from '../../problem';
import type { WeightedCsr } from './weighted-csr';
import { WeightedCsrBuilder } from './weighted-csr';

/** Calls `visit(index, distanceM)` for every point of `points` within `radiusM` (+1 µm) of (x, y), in index order. */
export function forEachPointNear(points: GridPoints, x: number, y: number, radiusM: number, visit: (i: number, distanceM: number) => void): void {
  const l = points.lattice;
  const reach = radiusM + 1e-6;
  const c0 = Math.max(0, Math.floor((x - reach - l.originX) / l.pitchM));
  const c1 = Math.min(l.cols - 1, Math.floor((x + reach - l.originX) / l.pitchM));
  const r0 = Math.max(0, Math.floor((y - reach - l.originY) / l.pitchM));
  const r1 = Math.min(l.rows - 1, Math.floor((y + reach - l.originY) / l.pitchM));
  const index = latticeIndex(points);
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const i = index[r * l.cols + c];
      if (i < 0) continue;
      const ddx = points.xs[i] - x;
      const ddy = points.ys[i] - y;
      const d = Math.sqrt(ddx * ddx + ddy * ddy);
      if (d <= reach) visit(i, d);
    }
  }
  // Off-lattice points (single points of interest) come last in the set.
  for (let i = points.count - 1; i >= 0 && points.col[i] < 0; i--) {
    const d = Math.hypot(points.xs[i] - x, points.ys[i] - y);
    if (d <= reach) visit(i, d);
  }
}

const indexCache = new WeakMap<GridPoints, Int32Array>();

/** Lattice cell (row-major) → point index, −1 where the lattice cell holds no point. */
export function latticeIndex(points: GridPoints): Int32Array {
  let index = indexCache.get(points);
  if (!index) {
    const l = points.lattice;
    index = new Int32Array(l.cols * l.rows).fill(-1);
    for (let i = 0; i < points.count; i++) if (points.col[i] >= 0) index[points.row[i] * l.cols + points.col[i]] = i;
    indexCache.set(points, index);
  }
  return index;
}

/**
 * Sensor site → cells with a non-zero detection probability. With `walls`, a cell behind a wall (any
 * wall crossed on the straight line, as counted by the multi-wall rules) is not detected.
 */
export function coverageTable(sites: GridPoints, cells: GridPoints, model: DetectionModel, walls: WallIndex | null): WeightedCsr {
  const builder = new WeightedCsrBuilder();
  const reach = detectionReachM(model);
  for (let s = 0; s < sites.count; s++) {
    const x = sites.xs[s];
    const y = sites.ys[s];
    const row: Array<[number, number]> = [];
    forEachPointNear(cells, x, y, reach, (c, d) => {
      const p = detectionProbability(model, d);
      if (p <= 0) return;
      if (walls && walls.crossing(x, y, cells.xs[c], cells.ys[c]).count > 0) return;
      row.push([c, p]);
    });
    row.sort((a, b) => a[0] - b[0]);
    for (const [c, p] of row) builder.push(c, p);
    builder.endRow();
  }
  return builder.build();
}

/** Site → cells within `rangeM` (the thesis's communication disk, d ≤ R like its code). */
export function reachTable(sites: GridPoints, cells: GridPoints, rangeM: number): CsrTable {
  const disk: DetectionModel = { kind: 'disk', radiusM: rangeM };
  const builder = new WeightedCsrBuilder();
  for (let s = 0; s < sites.count; s++) {
    const row: number[] = [];
    forEachPointNear(cells, sites.xs[s], sites.ys[s], rangeM, (c, d) => {
      if (detectionProbability(disk, d) > 0) row.push(c);
    });
    row.sort((a, b) => a - b);
    for (const c of row) builder.push(c, 1);
    builder.endRow();
  }
  const { offsets, items } = builder.build();
  return { offsets, items };
}
