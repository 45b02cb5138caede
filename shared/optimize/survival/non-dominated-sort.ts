// Fast non-dominated sorting (Deb et al. 2002, §III-A): O(M N²) comparisons, each solution keeps the
// set it dominates and the count of solutions dominating it; fronts are peeled off in order.
// Uses constraint domination, so infeasible solutions fall behind feasible ones by violation.
// Same relation as dominance.ts's constrainedCompare, inlined for speed.

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
  const n = F.length;
  const m = n > 0 ? F[0].length : 0;
  // Flat copies keep the O(M N²) loop on two monomorphic typed arrays.
  const flat = new Float64Array(n * m);
  const violation = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    flat.set(F[i], i * m);
    violation[i] = cv[i];
  }
  const dominatedCount = new Int32Array(n);
  // dominated[p * n + k], k < dominatedSize[p]: the solutions p dominates.
  const dominated = new Int32Array(n * n);
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

/** Indices of the non-dominated solutions (first front) only. */
export function nonDominatedIndices(F: readonly Float64Array[], cv: ArrayLike<number>): number[] {
  return nonDominatedSort(F, cv, 1).fronts[0] ?? [];
}
