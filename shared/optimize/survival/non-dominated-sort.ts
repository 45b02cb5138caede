// Fast non-dominated sorting (Deb et al. 2002, §III-A): O(M N²) comparisons, each solution keeps the
// set it dominates and the count of solutions dominating it; fronts are peeled off in order.
// Uses constraint domination, so infeasible solutions fall behind feasible ones by violation.
// Same relation as dominance.ts's constrainedCompare, inlined for speed.
import { sortIndicesByKey } from '../sorting';

export interface NonDominatedSorting {
  /**
   * fronts[0] = indices of the non-dominated solutions (ascending), fronts[1] the next layer, … (later
   * fronts in the deterministic order the peeling discovers them).
   */
  readonly fronts: number[][];
  /** rank[i] = index of the front holding solution i (0 = best). */
  readonly rank: Int32Array;
}

/**
 * Sorts solutions i = 0..n-1 with objectives F[i] (minimised) and total violations cv[i].
 * `stopAfter`: stop once this many solutions are ranked (the rest get rank = number of fronts);
 * survival only needs the fronts that fill the next population.
 */
export function nonDominatedSort(
  F: readonly Float64Array[],
  cv: ArrayLike<number>,
  stopAfter: number = F.length,
): NonDominatedSorting {
  if (F.length > 0 && F[0].length === 2) return nonDominatedSort2(F, cv, stopAfter);
  return fastNonDominatedSort(F, cv, stopAfter);
}

/** Deb's O(M N²) procedure for any number of objectives. */
export function fastNonDominatedSort(F: readonly Float64Array[], cv: ArrayLike<number>, stopAfter: number = F.length): NonDominatedSorting {
  const n = F.length;
  const m = n > 0 ? F[0].length : 0;
  // Flat copies keep the O(M N²) loop on monomorphic typed arrays; the big buffers are reused from
  // one call to the next (survival sorts the same size every generation).
  const flat = scratchFloat(n * m);
  const violation = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    flat.set(F[i], i * m);
    violation[i] = cv[i];
  }
  const dominatedCount = new Int32Array(n);
  // dominated[p * n + k], k < dominatedSize[p]: the solutions p dominates.
  const dominated = scratchInt(n * n);
  const dominatedSize = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const op = p * m;
    for (let q = p + 1; q < n; q++) {
      let c: number;
      if (violation[p] > 0 || violation[q] > 0) {
        c = violation[p] < violation[q] ? 1 : violation[q] < violation[p] ? -1 : 0;
      } else {
        const oq = q * m;
        // Branch-free accumulation: the comparisons are unpredictable, the OR is not.
        let pBetter = 0;
        let qBetter = 0;
        for (let k = 0; k < m; k++) {
          const a = flat[op + k];
          const b = flat[oq + k];
          pBetter |= a < b ? 1 : 0;
          qBetter |= b < a ? 1 : 0;
        }
        c = pBetter - qBetter;
      }
      if (c > 0) {
        dominated[p * n + dominatedSize[p]++] = q;
        dominatedCount[q]++;
      } else if (c < 0) {
        dominated[q * n + dominatedSize[q]++] = p;
        dominatedCount[p]++;
      }
    }
  }
  const rank = new Int32Array(n).fill(-1);
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let p = 0; p < n; p++) if (dominatedCount[p] === 0) current.push(p);
  let ranked = 0;
  while (current.length > 0) {
    const r = fronts.length;
    for (const p of current) rank[p] = r;
    fronts.push(current);
    ranked += current.length;
    if (ranked >= stopAfter) break;
    const next: number[] = [];
    for (const p of current) {
      for (let k = 0; k < dominatedSize[p]; k++) {
        const q = dominated[p * n + k];
        if (--dominatedCount[q] === 0) next.push(q);
      }
    }
    current = next;
  }
  for (let p = 0; p < n; p++) if (rank[p] < 0) rank[p] = fronts.length;
  return { fronts, rank };
}

let floatScratch = new Float64Array(0);
let intScratch = new Int32Array(0);

function scratchFloat(length: number): Float64Array {
  if (floatScratch.length < length) floatScratch = new Float64Array(length);
  return floatScratch;
}

function scratchInt(length: number): Int32Array {
  if (intScratch.length < length) intScratch = new Int32Array(length);
  return intScratch;
}

/**
 * Two objectives: the same fronts in O(N log N + N·fronts) (the sweep of Jensen 2003 / ENS, Zhang et
 * al. 2015). Sorted by (f1, f2), a solution joins the first front whose last member does not dominate
 * it; with two objectives the last member (the smallest f2 so far) is the only one to check.
 * Infeasible solutions follow the feasible fronts, one front per distinct violation, smallest first.
 */
export function nonDominatedSort2(F: readonly Float64Array[], cv: ArrayLike<number>, stopAfter: number): NonDominatedSorting {
  const n = F.length;
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) {
    f1[i] = F[i][0];
    f2[i] = F[i][1];
    if (cv[i] > 0) infeasible.push(i);
    else feasible.push(i);
  }
  const order = Int32Array.from(feasible);
  // Sort by f2, then stably by f1: the result is ordered by (f1, f2, index).
  sortIndicesByKey(order, f2);
  const byF1 = new Int32Array(order.length);
  for (let i = 0; i < byF1.length; i++) byF1[i] = i;
  const keys = Float64Array.from(order, (i) => f1[i]);
  sortIndicesByKey(byF1, keys);
  const fronts: number[][] = [];
  const lastOf: number[] = [];
  for (let t = 0; t < byF1.length; t++) {
    const p = order[byF1[t]];
    let k = 0;
    for (; k < fronts.length; k++) {
      const q = lastOf[k];
      const dominates = f2[q] < f2[p] || (f2[q] === f2[p] && f1[q] < f1[p]);
      if (!dominates) break;
    }
    if (k === fronts.length) fronts.push([]);
    fronts[k].push(p);
    lastOf[k] = p;
  }
  for (const front of fronts) front.sort((a, b) => a - b);
  if (infeasible.length > 0) {
    const byViolation = Int32Array.from(infeasible);
    sortIndicesByKey(byViolation, cv);
    let previous = NaN;
    for (const i of byViolation) {
      if (cv[i] !== previous) fronts.push([]);
      fronts[fronts.length - 1].push(i);
      previous = cv[i];
    }
  }
  const rank = new Int32Array(n);
  let ranked = 0;
  let kept = fronts.length;
  for (let r = 0; r < fronts.length; r++) {
    for (const i of fronts[r]) rank[i] = r;
    ranked += fronts[r].length;
    if (ranked >= stopAfter) {
      kept = r + 1;
      break;
    }
  }
  for (let r = kept; r < fronts.length; r++) for (const i of fronts[r]) rank[i] = kept;
  return { fronts: fronts.slice(0, kept), rank };
}

/** Indices of the non-dominated solutions (first front) only. */
export function nonDominatedIndices(F: readonly Float64Array[], cv: ArrayLike<number>): number[] {
  return nonDominatedSort(F, cv, 1).fronts[0] ?? [];
}
