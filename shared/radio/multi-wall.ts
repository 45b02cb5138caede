// The multi-wall term of the COST 231 multi-wall model (COST 231 final report, Damosso ed. 1999,
// §4.7.3; Lott & Forkel 2001): the sum of the losses of the walls crossed by the straight line between
// the two antennas. Which walls a path "crosses" follows the contact classes of
// shared/model/geometry.ts, grouped by the point where they meet the path:
// - every point where the path passes through a wall interior counts once;
// - walls meeting the path at one point (a joint of two walls, an X of two walls, a T where a wall
//   ends on another) count once at that point, with the largest loss among them, provided the path
//   actually goes through: some wall there is crossed in its interior, or the walls ending there lie
//   on both sides of the path;
// - a path grazing the free end of a wall, or the outside of a corner (all walls on one side), and a
//   path running along a wall cross nothing there.
// So a path through the joint of two walls is charged once, never twice, and never zero.
import type { Point } from '../model/building';
import {
  CONTACT_PROPER,
  CONTACT_WALL_END,
  GEOMETRY_EPS_M,
  pathWallContactCode,
  type ContactScratch,
} from '../model/geometry';

/** A wall reduced to what propagation needs: its segment and the loss of its material, in dB. */
export interface LossyWall {
  readonly a: Point;
  readonly b: Point;
  readonly lossDb: number;
}

/** Walls meeting the path within this distance of each other along it are one meeting point. */
export const SAME_POINT_M = 1e-6;

/** Collects the contacts of one path, then sums them by meeting point. Reused across paths. */
export class CrossingAccumulator {
  private t = new Float64Array(16);
  private loss = new Float64Array(16);
  /** 1 = proper crossing, 2 = wall end to the left, 3 = wall end to the right */
  private kind = new Uint8Array(16);
  private order = new Int32Array(16);
  private n = 0;
  private pathLengthM = 0;
  /** Sum over the distinct points of proper crossings: never more than the final total. */
  private lowerBound = 0;
  /** Loss of the last call to `total`, and the number of meeting points it charged. */
  lossDb = 0;
  count = 0;

  reset(pathLengthM: number): void {
    this.n = 0;
    this.pathLengthM = pathLengthM;
    this.lowerBound = 0;
  }

  /** A lower bound of the total so far, for stopping early once a link is hopeless. */
  get lowerBoundDb(): number {
    return this.lowerBound;
  }

  /** Records one contact (the CONTACT_* code from pathWallContactCode); other codes are ignored. */
  add(code: number, scratch: ContactScratch, lossDb: number): void {
    if (code !== CONTACT_PROPER && code !== CONTACT_WALL_END) return;
    if (this.n === this.t.length) this.grow();
    const i = this.n++;
    this.t[i] = scratch.t;
    this.loss[i] = lossDb;
    this.kind[i] = code === CONTACT_PROPER ? 1 : scratch.side > 0 ? 2 : 3;
    if (code === CONTACT_PROPER) {
      const tol = SAME_POINT_M / this.pathLengthM;
      let seen = false;
      for (let j = 0; j < i && !seen; j++) seen = this.kind[j] === 1 && Math.abs(this.t[j] - scratch.t) <= tol;
      if (!seen) this.lowerBound += lossDb;
    }
  }

  /** Sums the contacts by meeting point; sets and returns `lossDb` (and `count`). */
  total(): number {
    const n = this.n;
    let loss = 0;
    let count = 0;
    if (n > 0) {
      const order = this.order;
      const t = this.t;
      for (let i = 0; i < n; i++) order[i] = i;
      // Insertion sort: a path meets a handful of walls.
      for (let i = 1; i < n; i++) {
        const v = order[i];
        let j = i - 1;
        while (j >= 0 && t[order[j]] > t[v]) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = v;
      }
      const tol = SAME_POINT_M / this.pathLengthM;
      let i = 0;
      while (i < n) {
        const start = t[order[i]];
        let max = 0;
        let through = false;
        let left = false;
        let right = false;
        while (i < n && t[order[i]] - start <= tol) {
          const e = order[i++];
          if (this.loss[e] > max) max = this.loss[e];
          if (this.kind[e] === 1) through = true;
          else if (this.kind[e] === 2) left = true;
          else right = true;
        }
        if (through || (left && right)) {
          loss += max;
          count++;
        }
      }
    }
    this.lossDb = loss;
    this.count = count;
    return loss;
  }

  private grow(): void {
    const size = this.t.length * 2;
    const t = new Float64Array(size);
    t.set(this.t);
    const loss = new Float64Array(size);
    loss.set(this.loss);
    const kind = new Uint8Array(size);
    kind.set(this.kind);
    this.t = t;
    this.loss = loss;
    this.kind = kind;
    this.order = new Int32Array(size);
  }
}

export interface WallCrossing {
  /** Multi-wall term in dB. */
  readonly lossDb: number;
  /** Number of meeting points charged (walls passed through, a joint counting once). */
  readonly count: number;
}

/**
 * Reference implementation: tests every wall. The precomputation uses the grid index of
 * wall-index.ts, which gives the same result (tested) without looking at every wall.
 */
export function crossedWalls(p: Point, q: Point, walls: readonly LossyWall[]): WallCrossing {
  const length = Math.hypot(q.x - p.x, q.y - p.y);
  if (length <= GEOMETRY_EPS_M) return { lossDb: 0, count: 0 };
  const acc = new CrossingAccumulator();
  const scratch: ContactScratch = { t: 0, side: 0 };
  acc.reset(length);
  for (const w of walls) {
    const code = pathWallContactCode(p.x, p.y, q.x, q.y, w.a.x, w.a.y, w.b.x, w.b.y, scratch);
    acc.add(code, scratch, w.lossDb);
  }
  acc.total();
  return { lossDb: acc.lossDb, count: acc.count };
}

/** The multi-wall term alone, in dB. */
export function multiWallLossDb(p: Point, q: Point, walls: readonly LossyWall[]): number {
  return crossedWalls(p, q, walls).lossDb;
}
