// Objective-space duplicates. On discrete problems many different genomes score exactly alike (two
// placements of 12 sensors with the same coverage, connectivity and over-coverage); left alone they
// fill the population with copies of a few points of the front, which neither crowding distance nor
// reference-point niching removes (equal points share a niche and a distance). Survival therefore
// considers one individual per objective vector (the first seen, so parents win over offspring), and
// duplicates only as far as needed to fill the next population.

/** Indices of the first individual of each distinct objective vector (and total violation), in order. */
export function distinctObjectiveIndices(F: readonly Float64Array[], cv: ArrayLike<number>): number[] {
  const buckets = new Map<number, number[]>();
  const out: number[] = [];
  for (let i = 0; i < F.length; i++) {
    const f = F[i];
    // FNV-1a over the 32-bit halves of the doubles, then the violation.
    const words = new Uint32Array(f.buffer, f.byteOffset, f.length * 2);
    let h = 0x811c9dc5;
    for (let w = 0; w < words.length; w++) h = Math.imul(h ^ words[w], 0x01000193);
    h = Math.imul(h ^ (cv[i] * 1e6), 0x01000193) >>> 0;
    const bucket = buckets.get(h);
    if (bucket && bucket.some((j) => cv[j] === cv[i] && sameVector(F[j], f))) continue;
    if (bucket) bucket.push(i);
    else buckets.set(h, [i]);
    out.push(i);
  }
  return out;
}

function sameVector(a: Float64Array, b: Float64Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The candidates survival should consider: every distinct objective vector, plus — only when there
 * are fewer than `n` of them — the first duplicates (parents before offspring) up to `n`.
 */
export function survivalCandidates(F: readonly Float64Array[], cv: ArrayLike<number>, n: number): number[] {
  const distinct = distinctObjectiveIndices(F, cv);
  if (distinct.length >= n || distinct.length === F.length) return distinct;
  const isDistinct = new Uint8Array(F.length);
  for (const i of distinct) isDistinct[i] = 1;
  const out = distinct.slice();
  for (let i = 0; i < F.length && out.length < n; i++) if (!isDistinct[i]) out.push(i);
  return out.sort((a, b) => a - b);
}
