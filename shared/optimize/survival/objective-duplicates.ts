// Objective-space duplicates. On discrete problems many different genomes score exactly alike (two
// placements of 12 sensors with the same coverage, connectivity and over-coverage); left alone they
// fill the population with copies of a few points of the front, which neither crowding distance nor
// reference-point niching removes (equal points share a niche and a distance). Survival therefore
// considers one individual per objective vector (the first seen, so parents win over offspring) as
// long as there are enough distinct vectors to fill the next population.

/** Indices of the first individual of each distinct objective vector (and total violation), in order. */
export function distinctObjectiveIndices(F: readonly Float64Array[], cv: ArrayLike<number>): number[] {
  const seen = new Map<string, true>();
  const out: number[] = [];
  for (let i = 0; i < F.length; i++) {
    const key = `${Array.prototype.join.call(F[i], ',')}|${cv[i]}`;
    if (!seen.has(key)) {
      seen.set(key, true);
      out.push(i);
    }
  }
  return out;
}

/** The candidates survival should consider: the distinct ones if at least `n`, else everyone. */
export function survivalCandidates(F: readonly Float64Array[], cv: ArrayLike<number>, n: number): number[] {
  const distinct = distinctObjectiveIndices(F, cv);
  return distinct.length >= n ? distinct : Array.from({ length: F.length }, (_, i) => i);
}
