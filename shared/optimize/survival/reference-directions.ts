// Structured reference points for NSGA-III (Deb & Jain 2014, §IV-B): Das & Dennis's (1998) points on
// the unit simplex with p divisions per objective, H = C(M + p − 1, p) of them; for many objectives a
// second, inner layer with p₂ divisions shrunk by 1/2 about the centroid (w' = w/2 + 1/(2M)), so that
// a modest number of points still has interior ones (Deb & Jain use 3+2 for M = 8 and 10, 2+1 for 15).

/** Das–Dennis points: every w with w_i = k_i / p, k_i ≥ 0 integers, Σ k_i = p. */
export function dasDennis(objectives: number, divisions: number): Float64Array[] {
  const out: Float64Array[] = [];
  const k = new Int32Array(objectives);
  const recurse = (i: number, left: number): void => {
    if (i === objectives - 1) {
      k[i] = left;
      out.push(Float64Array.from(k, (v) => (divisions === 0 ? 1 / objectives : v / divisions)));
      return;
    }
    for (let v = left; v >= 0; v--) {
      k[i] = v;
      recurse(i + 1, left - v);
    }
  };
  recurse(0, divisions);
  return out;
}

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Number of Das–Dennis points for M objectives and p divisions. */
export function dasDennisCount(objectives: number, divisions: number): number {
  return binomial(objectives + divisions - 1, divisions);
}

/** One layer ([p]) or two layers ([p_outer, p_inner]). */
export function referenceDirections(objectives: number, divisions: readonly number[]): Float64Array[] {
  const outer = dasDennis(objectives, divisions[0]);
  if (divisions.length < 2 || divisions[1] <= 0) return outer;
  const inner = dasDennis(objectives, divisions[1]).map((w) => w.map((v) => v / 2 + 1 / (2 * objectives)));
  return outer.concat(inner);
}

/**
 * Divisions for a population of `populationSize`: the largest single layer with H ≤ N when it still
 * has interior points (p ≥ M) or M ≤ 5; otherwise two layers, the largest p_outer ≥ p_inner ≥ 1
 * with H_outer + H_inner ≤ N (this reproduces Deb & Jain's 3+2 for M = 8 with N = 156 and for M = 10
 * with N = 276, and 2+1 for M = 15 with N = 136).
 */
export function defaultDivisions(objectives: number, populationSize: number): number[] {
  let p = 1;
  while (dasDennisCount(objectives, p + 1) <= populationSize) p++;
  if (p >= objectives || objectives <= 5) return [p];
  let best: number[] = [p];
  let bestCount = dasDennisCount(objectives, p);
  for (let outer = 1; dasDennisCount(objectives, outer) <= populationSize; outer++) {
    for (let inner = 1; inner <= outer; inner++) {
      const h = dasDennisCount(objectives, outer) + dasDennisCount(objectives, inner);
      if (h <= populationSize && (h > bestCount || (h === bestCount && outer > best[0]))) {
        best = [outer, inner];
        bestCount = h;
      }
    }
  }
  return best;
}
