// Binary tournament: two distinct members drawn uniformly (with replacement between tournaments);
// `compare(a, b)` > 0 when a wins, < 0 when b wins, 0 for a tie (then a fair coin decides).
import type { Random } from '../random';

export function binaryTournament(size: number, compare: (a: number, b: number) => number, rng: Random): number {
  if (size === 1) return 0;
  const a = rng.int(size);
  let b = rng.int(size - 1);
  if (b >= a) b++;
  const c = compare(a, b);
  if (c > 0) return a;
  if (c < 0) return b;
  return rng.random() < 0.5 ? a : b;
}
