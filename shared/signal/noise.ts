// Stateless, seeded Gaussian noise: sample n of a stream is a pure function of (seed, stream, n), so a
// waveform synthesised in blocks of any size is the same waveform, bit for bit.

/** lowbias32 integer hash (C. Wellons, "Prospecting for hash functions", 2018): well mixed, 32-bit. */
function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Uniform in (0, 1) for (seed, stream, n). */
export function uniformAt(seed: number, stream: number, n: number): number {
  const high = Math.floor(n / 4294967296);
  const h = hash32((seed ^ hash32((n >>> 0) ^ hash32(high + 0x9e3779b9 * (stream + 1)))) >>> 0);
  return (h + 0.5) / 4294967296;
}

/** Standard normal deviate for (seed, stream, n), by the Box–Muller transform. */
export function gaussianAt(seed: number, stream: number, n: number): number {
  const u1 = uniformAt(seed, 2 * stream, n);
  const u2 = uniformAt(seed, 2 * stream + 1, n);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
