// Spread Δ, how evenly and how far a front extends.
// - 2 objectives: Deb et al. 2002, eq. (1): Δ = (d_f + d_l + Σ|d_i − d̄|) / (d_f + d_l + (N − 1) d̄),
//   d_i the distances between consecutive solutions sorted by f1, d_f and d_l the distances from the
//   reference front's extreme solutions to the boundary solutions found;
// - 3 and more: the generalised spread of Zhou, Jin, Zhang, Sendhoff & Tsang (2006):
//   Δ = (Σ_m d(e_m, A) + Σ_a |d(a) − d̄|) / (Σ_m d(e_m, A) + |A| d̄), e_m the reference solution with
//   the largest m-th objective, d(a) the distance from a to its nearest neighbour in A.
// 0 is a perfectly uniform front reaching the extremes.
import type { Point } from './hypervolume';
import { nearestDistance } from './distance';

export function spread(approximation: readonly Point[], reference: readonly Point[]): number {
  const m = reference[0]?.length ?? 0;
  if (approximation.length < 2 || reference.length === 0) return Infinity;
  return m === 2 ? spread2(approximation, reference) : generalizedSpread(approximation, reference);
}

function dist(a: Point, b: Point): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
  return Math.sqrt(s);
}

function spread2(approximation: readonly Point[], reference: readonly Point[]): number {
  const a = approximation.slice().sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const r = reference.slice().sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const gaps: number[] = [];
  for (let i = 1; i < a.length; i++) gaps.push(dist(a[i - 1], a[i]));
  const mean = gaps.reduce((s, d) => s + d, 0) / gaps.length;
  const df = dist(r[0], a[0]);
  const dl = dist(r[r.length - 1], a[a.length - 1]);
  const spreadSum = gaps.reduce((s, d) => s + Math.abs(d - mean), 0);
  const denominator = df + dl + gaps.length * mean;
  return denominator > 0 ? (df + dl + spreadSum) / denominator : 0;
}

function generalizedSpread(approximation: readonly Point[], reference: readonly Point[]): number {
  const m = reference[0].length;
  let extremes = 0;
  for (let k = 0; k < m; k++) {
    let e = reference[0];
    for (const r of reference) if (r[k] > e[k]) e = r;
    extremes += nearestDistance(e, approximation);
  }
  const nn = approximation.map((a, i) => nearestDistance(a, approximation.filter((_, j) => j !== i)));
  const mean = nn.reduce((s, d) => s + d, 0) / nn.length;
  const denominator = extremes + approximation.length * mean;
  return denominator > 0 ? (extremes + nn.reduce((s, d) => s + Math.abs(d - mean), 0)) / denominator : 0;
}
