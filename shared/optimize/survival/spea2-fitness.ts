// SPEA2 fitness assignment and environmental selection (Zitzler, Laumanns & Thiele 2001, §3.1–3.2).
// - strength S(i) = number of solutions i dominates;
// - raw fitness R(i) = Σ S(j) over the j that dominate i (0 for non-dominated solutions);
// - density D(i) = 1 / (σ_i^k + 2), σ_i^k the distance to the k-th nearest neighbour in objective
//   space, k = ⌊√(N + N̄)⌋ (the square root of the sample size);
// - fitness F(i) = R(i) + D(i): below 1 exactly for the non-dominated solutions.
// Environmental selection copies the non-dominated solutions into the archive, fills it with the best
// dominated ones by fitness when too few, and truncates it when too many by repeatedly removing the
// solution with the lexicographically smallest sorted list of distances to the others.
// Domination is constraint domination (Deb 2000), so infeasible solutions lose to feasible ones.
import { kthSmallest } from '../sorting';
import { constrainedCompare } from './dominance';

export interface Spea2Fitness {
  readonly strength: Int32Array;
  readonly raw: Float64Array;
  readonly density: Float64Array;
  readonly fitness: Float64Array;
  /** Pairwise Euclidean distances, row-major n × n. */
  readonly distance: Float64Array;
}

/** `k` defaults to ⌊√n⌋, n = number of solutions (population + archive). */
export function spea2Fitness(F: readonly Float64Array[], cv: ArrayLike<number>, k?: number): Spea2Fitness {
  const n = F.length;
  // dominatedBy[i * n + j] = 1 when j dominates i (row i lists i's dominators, read row-wise below).
  const dominatedBy = new Uint8Array(n * n);
  const strength = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = constrainedCompare(F[i], cv[i], F[j], cv[j]);
      if (c > 0) {
        dominatedBy[j * n + i] = 1;
        strength[i]++;
      } else if (c < 0) {
        dominatedBy[i * n + j] = 1;
        strength[j]++;
      }
    }
  }
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0, row = i * n; j < n; j++) if (dominatedBy[row + j]) r += strength[j];
    raw[i] = r;
  }

  const distance = pairwiseDistances(F);
  const kth = Math.min(Math.max(1, k ?? Math.floor(Math.sqrt(n))), n - 1);
  const density = new Float64Array(n);
  const row = new Float64Array(Math.max(0, n - 1));
  const scratch = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) {
    if (n === 1) {
      density[i] = 0.5; // alone: σ = 0 by convention
      continue;
    }
    for (let j = 0, t = 0; j < n; j++) if (j !== i) row[t++] = distance[i * n + j];
    density[i] = 1 / (kthSmallest(row, n - 1, kth, scratch) + 2);
  }
  const fitness = new Float64Array(n);
  for (let i = 0; i < n; i++) fitness[i] = raw[i] + density[i];
  return { strength, raw, density, fitness, distance };
}

export function pairwiseDistances(F: readonly Float64Array[]): Float64Array {
  const n = F.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      const a = F[i];
      const b = F[j];
      for (let m = 0; m < a.length; m++) s += (a[m] - b[m]) * (a[m] - b[m]);
      d[i * n + j] = d[j * n + i] = Math.sqrt(s);
    }
  }
  return d;
}

/**
 * Environmental selection: indices of the `archiveSize` solutions of the next archive.
 * `fitness` and `distance` come from spea2Fitness on the same solutions.
 */
export function spea2EnvironmentalSelection(fitness: Float64Array, distance: Float64Array, archiveSize: number): number[] {
  const n = fitness.length;
  const nonDominated: number[] = [];
  for (let i = 0; i < n; i++) if (fitness[i] < 1) nonDominated.push(i);
  if (nonDominated.length === archiveSize) return nonDominated;
  if (nonDominated.length < archiveSize) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => fitness[a] - fitness[b] || a - b);
    return order.slice(0, archiveSize).sort((a, b) => a - b);
  }
  return truncateArchive(nonDominated, distance, n, archiveSize);
}

/**
 * Archive truncation (Zitzler et al. 2001, §3.2): while too large, remove the member i with
 * σ_i ≤_d σ_j for all j — the smallest distance to its nearest neighbour, ties broken by the second
 * nearest, and so on; complete ties go to the earlier position in `members`.
 * Each member's nearest-neighbour distance is kept up to date as members leave (a rescan only for
 * those whose nearest left); the k-th distances are computed only for members tied so far.
 */
export function truncateArchive(members: readonly number[], distance: Float64Array, n: number, size: number): number[] {
  const alive = members.slice();
  const nearest = new Float64Array(alive.length);
  const rescan = (a: number): void => {
    let best = Infinity;
    const row = alive[a] * n;
    for (let b = 0; b < alive.length; b++) if (b !== a && distance[row + alive[b]] < best) best = distance[row + alive[b]];
    nearest[a] = best;
  };
  for (let a = 0; a < alive.length; a++) rescan(a);
  const row = new Float64Array(alive.length);
  const scratch = new Float64Array(alive.length);
  const kthOf = (a: number, k: number): number => {
    let t = 0;
    for (let b = 0; b < alive.length; b++) if (b !== a) row[t++] = distance[alive[a] * n + alive[b]];
    return k <= t ? kthSmallest(row, t, k, scratch) : Infinity;
  };
  const sortedRow = (a: number): Float64Array => {
    const out = new Float64Array(alive.length - 1);
    for (let b = 0, t = 0; b < alive.length; b++) if (b !== a) out[t++] = distance[alive[a] * n + alive[b]];
    return out.sort();
  };
  while (alive.length > size) {
    let min = Infinity;
    for (let a = 0; a < alive.length; a++) if (nearest[a] < min) min = nearest[a];
    let tied: number[] = [];
    for (let a = 0; a < alive.length; a++) if (nearest[a] === min) tied.push(a);
    if (tied.length > 1 && alive.length > 2) {
      const values = tied.map((a) => kthOf(a, 2));
      const least = Math.min(...values);
      tied = tied.filter((_, t) => values[t] === least);
    }
    // Still tied on the two nearest: compare the full sorted distance lists.
    const worst = tied.length > 1 ? lexicographicSmallest(tied, sortedRow) : tied[0];
    const removed = alive[worst];
    alive.splice(worst, 1);
    nearest.copyWithin(worst, worst + 1);
    for (let a = 0; a < alive.length; a++) {
      // Only members whose nearest neighbour was the removed one need a rescan.
      if (distance[alive[a] * n + removed] <= nearest[a]) rescan(a);
    }
  }
  return alive;
}

/** The member whose sorted distance list is lexicographically smallest (the first one on complete ties). */
function lexicographicSmallest(tied: readonly number[], sortedRow: (a: number) => Float64Array): number {
  let best = tied[0];
  let bestRow = sortedRow(best);
  for (let t = 1; t < tied.length; t++) {
    const row = sortedRow(tied[t]);
    for (let k = 0; k < row.length; k++) {
      if (row[k] < bestRow[k]) {
        best = tied[t];
        bestRow = row;
        break;
      }
      if (row[k] > bestRow[k]) break;
    }
  }
  return best;
}
