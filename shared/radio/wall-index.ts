// A uniform grid over the walls of a floor, so that the multi-wall term of a path looks only at the
// walls near the path: the path's grid cells are visited in order with the voxel traversal of
// Amanatides & Woo (1987), each wall is tested once (stamp array), and the contacts are summed by
// shared/radio/multi-wall.ts — the same semantics as the reference `crossedWalls`, far fewer tests.
// Used only by precomputation: an evaluation of a deployment never calls it.
import type { ContactScratch } from '../model/geometry';
import { GEOMETRY_EPS_M, contactWithLengths } from '../model/geometry';
import type { LossyWall, WallCrossing } from './multi-wall';
import { CrossingAccumulator } from './multi-wall';

/** Walls are registered in every grid cell their segment comes within this distance of. */
const CELL_MARGIN_M = 1e-4;

export class WallIndex {
  readonly wallCount: number;
  private readonly ax: Float64Array;
  private readonly ay: Float64Array;
  private readonly bx: Float64Array;
  private readonly by: Float64Array;
  private readonly ex: Float64Array;
  private readonly ey: Float64Array;
  private readonly len: Float64Array;
  private readonly loss: Float64Array;
  private readonly originX: number;
  private readonly originY: number;
  private readonly cellM: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellStart: Int32Array;
  private readonly cellWalls: Int32Array;
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private readonly acc = new CrossingAccumulator();
  private readonly scratch: ContactScratch = { t: 0, side: 0 };

  /** `cellM`: grid pitch; by default about two cells per wall over the walls' bounding box. */
  constructor(walls: readonly LossyWall[], cellM?: number) {
    const kept = walls.filter((w) => Math.hypot(w.b.x - w.a.x, w.b.y - w.a.y) > GEOMETRY_EPS_M);
    const n = kept.length;
    this.wallCount = n;
    this.ax = Float64Array.from(kept, (w) => w.a.x);
    this.ay = Float64Array.from(kept, (w) => w.a.y);
    this.bx = Float64Array.from(kept, (w) => w.b.x);
    this.by = Float64Array.from(kept, (w) => w.b.y);
    this.loss = Float64Array.from(kept, (w) => w.lossDb);
    this.ex = Float64Array.from(kept, (w) => w.b.x - w.a.x);
    this.ey = Float64Array.from(kept, (w) => w.b.y - w.a.y);
    this.len = Float64Array.from(kept, (w) => Math.hypot(w.b.x - w.a.x, w.b.y - w.a.y));
    this.stamp = new Int32Array(n);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, this.ax[i], this.bx[i]);
      minY = Math.min(minY, this.ay[i], this.by[i]);
      maxX = Math.max(maxX, this.ax[i], this.bx[i]);
      maxY = Math.max(maxY, this.ay[i], this.by[i]);
    }
    if (n === 0) {
      minX = minY = 0;
      maxX = maxY = 1;
    }
    const margin = 2 * CELL_MARGIN_M;
    minX -= margin;
    minY -= margin;
    maxX += margin;
    maxY += margin;
    const area = (maxX - minX) * (maxY - minY);
    const cell = cellM ?? Math.min(10, Math.max(0.5, Math.sqrt(area / Math.max(1, 2 * n))));
    this.cellM = cell;
    this.originX = minX;
    this.originY = minY;
    this.cols = Math.max(1, Math.ceil((maxX - minX) / cell));
    this.rows = Math.max(1, Math.ceil((maxY - minY) / cell));
    // Two passes (count, fill) into CSR arrays.
    const cellCount = this.cols * this.rows;
    const counts = new Int32Array(cellCount + 1);
    const forEachCell = (w: number, visit: (c: number) => void): void => {
      const x0 = Math.min(this.ax[w], this.bx[w]) - CELL_MARGIN_M;
      const x1 = Math.max(this.ax[w], this.bx[w]) + CELL_MARGIN_M;
      const y0 = Math.min(this.ay[w], this.by[w]) - CELL_MARGIN_M;
      const y1 = Math.max(this.ay[w], this.by[w]) + CELL_MARGIN_M;
      const c0 = this.clampCol(Math.floor((x0 - this.originX) / cell));
      const c1 = this.clampCol(Math.floor((x1 - this.originX) / cell));
      const r0 = this.clampRow(Math.floor((y0 - this.originY) / cell));
      const r1 = this.clampRow(Math.floor((y1 - this.originY) / cell));
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const bx0 = this.originX + c * cell - CELL_MARGIN_M;
          const by0 = this.originY + r * cell - CELL_MARGIN_M;
          const size = cell + 2 * CELL_MARGIN_M;
          if (segmentTouchesBox(this.ax[w], this.ay[w], this.bx[w], this.by[w], bx0, by0, bx0 + size, by0 + size)) {
            visit(r * this.cols + c);
          }
        }
      }
    };
    for (let w = 0; w < n; w++) forEachCell(w, (c) => counts[c + 1]++);
    for (let c = 0; c < cellCount; c++) counts[c + 1] += counts[c];
    this.cellStart = counts;
    this.cellWalls = new Int32Array(counts[cellCount]);
    const fill = counts.slice(0, cellCount);
    for (let w = 0; w < n; w++) forEachCell(w, (c) => (this.cellWalls[fill[c]++] = w));
  }

  /**
   * Multi-wall term of the path (px,py)→(qx,qy) in dB. When `stopAboveDb` is given and the loss is
   * certain to exceed it, stops early and returns a value above `stopAboveDb` (a lower bound).
   */
  lossDb(px: number, py: number, qx: number, qy: number, stopAboveDb = Infinity): number {
    return this.run(px, py, qx, qy, stopAboveDb).lossDb;
  }

  /** Loss and number of walls passed through (full traversal). */
  crossing(px: number, py: number, qx: number, qy: number): WallCrossing {
    const acc = this.run(px, py, qx, qy, Infinity);
    return { lossDb: acc.lossDb, count: acc.count };
  }

  private run(px: number, py: number, qx: number, qy: number, stopAboveDb: number): CrossingAccumulator {
    const acc = this.acc;
    const dx = qx - px;
    const dy = qy - py;
    const len = Math.sqrt(dx * dx + dy * dy);
    acc.reset(len);
    if (this.wallCount === 0 || len <= GEOMETRY_EPS_M) {
      acc.total();
      return acc;
    }
    // Clip the path to the grid's box (Liang–Barsky), inline: this runs millions of times.
    let t0 = 0;
    let t1 = 1;
    const gx0 = this.originX;
    const gy0 = this.originY;
    const gx1 = gx0 + this.cols * this.cellM;
    const gy1 = gy0 + this.rows * this.cellM;
    if (dx === 0) {
      if (px < gx0 || px > gx1) return this.empty();
    } else {
      const a = (gx0 - px) / dx;
      const b = (gx1 - px) / dx;
      t0 = Math.max(t0, Math.min(a, b));
      t1 = Math.min(t1, Math.max(a, b));
    }
    if (dy === 0) {
      if (py < gy0 || py > gy1) return this.empty();
    } else {
      const a = (gy0 - py) / dy;
      const b = (gy1 - py) / dy;
      t0 = Math.max(t0, Math.min(a, b));
      t1 = Math.min(t1, Math.max(a, b));
    }
    if (t0 > t1) return this.empty();
    if (++this.stampValue === 0x7fffffff) {
      this.stamp.fill(0);
      this.stampValue = 1;
    }
    const stampValue = this.stampValue;
    const cell = this.cellM;
    const sx = px + t0 * dx;
    const sy = py + t0 * dy;
    let col = this.clampCol(Math.floor((sx - gx0) / cell));
    let row = this.clampRow(Math.floor((sy - gy0) / cell));
    const stepX = dx > 0 ? 1 : -1;
    const stepY = dy > 0 ? 1 : -1;
    let tMaxX = dx !== 0 ? (gx0 + (col + (dx > 0 ? 1 : 0)) * cell - px) / dx : Infinity;
    let tMaxY = dy !== 0 ? (gy0 + (row + (dy > 0 ? 1 : 0)) * cell - py) / dy : Infinity;
    const tDeltaX = dx !== 0 ? cell / Math.abs(dx) : Infinity;
    const tDeltaY = dy !== 0 ? cell / Math.abs(dy) : Infinity;
    const scratch = this.scratch;
    const { ax, ay, bx, by, stamp, cellStart, cellWalls } = this;
    const tol = GEOMETRY_EPS_M * len;
    for (;;) {
      const c = row * this.cols + col;
      for (let k = cellStart[c], end = cellStart[c + 1]; k < end; k++) {
        const w = cellWalls[k];
        if (stamp[w] === stampValue) continue;
        stamp[w] = stampValue;
        // The common case inline: both ends of the wall strictly on one side of the path.
        const wax = ax[w];
        const way = ay[w];
        const wbx = bx[w];
        const wby = by[w];
        const ca = dx * (way - py) - dy * (wax - px);
        const cb = dx * (wby - py) - dy * (wbx - px);
        if ((ca > tol && cb > tol) || (ca < -tol && cb < -tol)) continue;
        const code = contactWithLengths(px, py, dx, dy, len, wax, way, wbx, wby, this.ex[w], this.ey[w], this.len[w], scratch);
        acc.add(code, scratch, this.loss[w]);
      }
      if (acc.lowerBoundDb > stopAboveDb) break;
      if (tMaxX < tMaxY) {
        if (tMaxX > t1) break;
        col += stepX;
        if (col < 0 || col >= this.cols) break;
        tMaxX += tDeltaX;
      } else {
        if (tMaxY > t1) break;
        row += stepY;
        if (row < 0 || row >= this.rows) break;
        tMaxY += tDeltaY;
      }
    }
    acc.total();
    return acc;
  }

  private empty(): CrossingAccumulator {
    this.acc.total();
    return this.acc;
  }

  private clampCol(c: number): number {
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private clampRow(r: number): number {
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }
}

/** Whether segment (ax,ay)–(bx,by) meets the closed box [x0,x1]×[y0,y1] (Liang–Barsky). */
function segmentTouchesBox(ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: Array<[number, number]> = [
    [-dx, ax - x0],
    [dx, x1 - ax],
    [-dy, ay - y0],
    [dy, y1 - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}
