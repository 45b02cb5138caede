// Bit-vector operators: the thesis's one-point crossover and bit-flip mutation (DEAP cxOnePoint,
// mutFlipBit), plus uniform crossover.
import type { Random } from '../random';

/** Each bit set with probability `density` (the thesis used 0.5: random.randint(0, 1)). */
export function sampleBits(length: number, density: number, rng: Random): Uint8Array {
  const x = new Uint8Array(length);
  for (let i = 0; i < length; i++) x[i] = rng.random() < density ? 1 : 0;
  return x;
}

/** One-point crossover: a cut in [1, n − 1]; the children swap their tails (DEAP cxOnePoint). */
export function onePointCrossover(a: Uint8Array, b: Uint8Array, rng: Random): [Uint8Array, Uint8Array] {
  const n = a.length;
  const c1 = Uint8Array.from(a);
  const c2 = Uint8Array.from(b);
  if (n < 2) return [c1, c2];
  const cut = 1 + rng.int(n - 1);
  c1.set(b.subarray(cut), cut);
  c2.set(a.subarray(cut), cut);
  return [c1, c2];
}

/** Uniform crossover: each position swapped between the children with probability 1/2. */
export function uniformCrossover(a: Uint8Array, b: Uint8Array, rng: Random): [Uint8Array, Uint8Array] {
  const c1 = Uint8Array.from(a);
  const c2 = Uint8Array.from(b);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && rng.random() < 0.5) {
      c1[i] = b[i];
      c2[i] = a[i];
    }
  }
  return [c1, c2];
}

/** Bit-flip mutation: each bit flipped with probability `bitProbability` (DEAP mutFlipBit's indpb). */
export function bitFlipMutation(x: Uint8Array, bitProbability: number, rng: Random): Uint8Array {
  const y = Uint8Array.from(x);
  for (let i = 0; i < y.length; i++) if (rng.random() < bitProbability) y[i] ^= 1;
  return y;
}
