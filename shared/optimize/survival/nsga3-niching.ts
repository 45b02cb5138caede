// NSGA-III survival (Deb & Jain 2014, §IV-A..E): after non-dominated sorting fills S_t with whole
// fronts up to the last one that overflows (F_l),
//  1. normalise: ideal point z* = per-objective minimum over every S_τ so far (§IV-C); extreme point
//     of axis j = the solution minimising the achievement scalarising function
//     ASF(x, w_j) = max_i (f_i − z*_i) / w_j,i with w_j = e_j (other weights 10⁻⁶); intercepts a_j of
//     the hyperplane through the M extreme points. Two robustness measures from pymoo's reference
//     implementation (Blank & Deb 2020) keep the normalisation from collapsing when a front degenerates
//     (as ZDT2's does early on): the previous generation's extreme points stay candidates, and when the
//     hyperplane is degenerate (singular, or an intercept ≤ 10⁻⁶) the worst point of the first front is
//     used instead, or of S_t when that range is still below 10⁻⁶; the nadir never exceeds the worst
//     point seen;
//  2. associate every member with the reference line (through the origin and a reference point)
//     closest in perpendicular distance;
//  3. niche-preserving selection: count ρ_j, the members of P_{t+1} = S_t \ F_l associated with each
//     reference point; repeatedly take a reference point with the smallest ρ_j (random among ties);
//     if it has associated members in F_l, add the closest one when ρ_j = 0, a random one otherwise,
//     and increment ρ_j; if it has none, exclude it for this generation.
import type { Random } from '../random';
import { nonDominatedSort } from './non-dominated-sort';

export interface Normalization {
  readonly ideal: Float64Array;
  /** a_j: the nadir estimate minus the ideal point, per objective (> 0). */
  readonly intercepts: Float64Array;
  /** True when the extreme-point hyperplane was degenerate and a worst point was used. */
  readonly fallback: boolean;
}

/** What NSGA-III carries from one generation's normalisation to the next. */
export interface NormalizationMemory {
  readonly ideal: Float64Array;
  readonly worst: Float64Array;
  /** The extreme points found, in objective space (not translated). */
  readonly extremes: readonly Float64Array[];
}

const ASF_EPS = 1e-6;
const MIN_RANGE = 1e-6;

/**
 * Normalisation of S_t = `members` (indices into F); `firstFront` ⊆ members. Without `memory` this is
 * the published per-generation procedure on S_t.
 */
export function normalizationOf(
  F: readonly Float64Array[],
  members: readonly number[],
  firstFront: readonly number[] = members,
  memory?: NormalizationMemory,
): Normalization & { memory: NormalizationMemory } {
  const m = F[members[0]].length;
  const ideal = memory ? Float64Array.from(memory.ideal) : new Float64Array(m).fill(Infinity);
  const worst = memory ? Float64Array.from(memory.worst) : new Float64Array(m).fill(-Infinity);
  const worstOfMembers = new Float64Array(m).fill(-Infinity);
  const worstOfFront = new Float64Array(m).fill(-Infinity);
  for (const i of members) {
    for (let k = 0; k < m; k++) {
      ideal[k] = Math.min(ideal[k], F[i][k]);
      worst[k] = Math.max(worst[k], F[i][k]);
      worstOfMembers[k] = Math.max(worstOfMembers[k], F[i][k]);
    }
  }
  for (const i of firstFront) for (let k = 0; k < m; k++) worstOfFront[k] = Math.max(worstOfFront[k], F[i][k]);

  const candidates: Float64Array[] = firstFront.map((i) => F[i]).concat(memory?.extremes ?? []);
  const extremes: Float64Array[] = [];
  for (let axis = 0; axis < m; axis++) {
    let best = candidates[0];
    let bestAsf = Infinity;
    for (const f of candidates) {
      let asf = -Infinity;
      for (let k = 0; k < m; k++) {
        const v = (f[k] - ideal[k]) / (k === axis ? 1 : ASF_EPS);
        if (v > asf) asf = v;
      }
      if (asf < bestAsf) {
        bestAsf = asf;
        best = f;
      }
    }
    extremes.push(best);
  }
  // Hyperplane Σ_j b_j f'_j = 1 through the translated extreme points: solve E b = 1, a_j = 1 / b_j.
  const b = solveLinear(
    extremes.map((e) => e.map((v, k) => v - ideal[k])),
    new Float64Array(m).fill(1),
  );
  const intercepts = new Float64Array(m);
  let fallback = b === null;
  if (b) {
    for (let k = 0; k < m; k++) {
      const a = 1 / b[k];
      if (!Number.isFinite(a) || a <= MIN_RANGE) fallback = true;
      intercepts[k] = Math.min(a, worst[k] - ideal[k]);
    }
  }
  if (fallback) for (let k = 0; k < m; k++) intercepts[k] = worstOfFront[k] - ideal[k];
  for (let k = 0; k < m; k++) {
    if (!(intercepts[k] > MIN_RANGE)) intercepts[k] = worstOfMembers[k] - ideal[k];
    if (!(intercepts[k] > MIN_RANGE)) intercepts[k] = 1; // every member equal on this objective
  }
  return { ideal, intercepts, fallback, memory: { ideal, worst, extremes } };
}

export interface Association {
  /** Reference point index per member (aligned with `members`). */
  readonly reference: Int32Array;
  /** Perpendicular distance to that reference line, in normalised objectives. */
  readonly distance: Float64Array;
}

export function associate(
  F: readonly Float64Array[],
  members: readonly number[],
  references: readonly Float64Array[],
  norm: Normalization,
): Association {
  const m = norm.ideal.length;
  const reference = new Int32Array(members.length);
  const distance = new Float64Array(members.length);
  const refNorm2 = references.map((w) => w.reduce((s, v) => s + v * v, 0));
  const fn = new Float64Array(m);
  members.forEach((i, a) => {
    let fn2 = 0;
    for (let k = 0; k < m; k++) {
      fn[k] = (F[i][k] - norm.ideal[k]) / norm.intercepts[k];
      fn2 += fn[k] * fn[k];
    }
    let best = 0;
    let bestD2 = Infinity;
    for (let r = 0; r < references.length; r++) {
      const w = references[r];
      let dot = 0;
      for (let k = 0; k < m; k++) dot += fn[k] * w[k];
      // |fn − (fn·w / |w|²) w|² = |fn|² − (fn·w)² / |w|²
      const d2 = fn2 - (dot * dot) / refNorm2[r];
      if (d2 < bestD2 - 1e-15) {
        bestD2 = d2;
        best = r;
      }
    }
    reference[a] = best;
    distance[a] = Math.sqrt(Math.max(0, bestD2));
  });
  return { reference, distance };
}

export interface Nsga3Selection {
  /** Indices of the survivors, the first front first. */
  readonly selected: number[];
  /** How many of `selected` belong to the first front. */
  readonly firstFrontSize: number;
  /** Normalisation state for the next generation. */
  readonly memory?: NormalizationMemory;
}

/**
 * The n survivors among solutions with objectives F (minimised) and violations cv.
 * Feasible-first constraint domination decides the fronts (Jain & Deb 2014's constrained NSGA-III).
 */
export function nsga3Survival(
  F: readonly Float64Array[],
  cv: ArrayLike<number>,
  n: number,
  references: readonly Float64Array[],
  rng: Random,
  memory?: NormalizationMemory,
): Nsga3Selection {
  const { fronts } = nonDominatedSort(F, cv, n);
  const firstFrontSize = Math.min(n, fronts[0]?.length ?? 0);
  const chosen: number[] = [];
  let last: number[] = [];
  for (const front of fronts) {
    if (chosen.length + front.length <= n) chosen.push(...front);
    else {
      last = front;
      break;
    }
  }
  const members = chosen.concat(last);
  // The normalisation is updated every generation (it carries the ideal point and the extremes),
  // even when no niching is needed.
  const norm = members.length > 0 ? normalizationOf(F, members, fronts[0], memory) : null;
  if (!norm || chosen.length === n || last.length === 0) return { selected: chosen, firstFrontSize, memory: norm?.memory };
  const assoc = associate(F, members, references, norm);
  const picked = nicheSelection(assoc, chosen.length, n - chosen.length, references.length, rng);
  return { selected: chosen.concat(picked.map((a) => members[a])), firstFrontSize, memory: norm.memory };
}

/**
 * Niche-preserving operation. Members 0..firstLast−1 of the association are P_{t+1}, the rest F_l.
 * Returns `k` positions (into the association) picked from F_l.
 */
export function nicheSelection(assoc: Association, firstLast: number, k: number, referenceCount: number, rng: Random): number[] {
  const niche = new Int32Array(referenceCount);
  for (let a = 0; a < firstLast; a++) niche[assoc.reference[a]]++;
  const candidates: number[][] = Array.from({ length: referenceCount }, () => []);
  for (let a = firstLast; a < assoc.reference.length; a++) candidates[assoc.reference[a]].push(a);
  const excluded = new Uint8Array(referenceCount);
  const picked: number[] = [];
  while (picked.length < k) {
    let minCount = Infinity;
    for (let r = 0; r < referenceCount; r++) if (!excluded[r] && niche[r] < minCount) minCount = niche[r];
    const ties: number[] = [];
    for (let r = 0; r < referenceCount; r++) if (!excluded[r] && niche[r] === minCount) ties.push(r);
    const r = ties[rng.int(ties.length)];
    const pool = candidates[r];
    if (pool.length === 0) {
      excluded[r] = 1;
      continue;
    }
    let at: number;
    if (niche[r] === 0) {
      at = 0;
      for (let c = 1; c < pool.length; c++) if (assoc.distance[pool[c]] < assoc.distance[pool[at]]) at = c;
    } else {
      at = rng.int(pool.length);
    }
    picked.push(pool[at]);
    pool.splice(at, 1);
    niche[r]++;
  }
  return picked;
}

/** Gaussian elimination with partial pivoting; null when (nearly) singular. */
export function solveLinear(rows: readonly Float64Array[], rhs: Float64Array): Float64Array | null {
  const n = rhs.length;
  const a = rows.map((r, i) => {
    const row = new Float64Array(n + 1);
    row.set(r.subarray(0, n));
    row[n] = rhs[i];
    return row;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r][col] / a[col][col];
      if (factor !== 0) for (let c = col; c <= n; c++) a[r][c] -= factor * a[col][c];
    }
  }
  return Float64Array.from({ length: n }, (_, i) => a[i][n] / a[i][i]);
}
