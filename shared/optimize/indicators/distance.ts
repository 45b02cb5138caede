// Distance-based indicators between an approximation A and a reference front R (Euclidean):
// - GD, generational distance (Van Veldhuizen & Lamont 1998), here in its arithmetic-mean form as
//   pymoo computes it: mean over a ∈ A of min_r ‖a − r‖;
// - IGD, inverted generational distance (Coello & Reyes Sierra 2004): mean over r ∈ R of min_a ‖r − a‖.
import type { Point } from './hypervolume';

export function generationalDistance(approximation: readonly Point[], reference: readonly Point[]): number {
  return meanNearestDistance(approximation, reference);
}

export function invertedGenerationalDistance(approximation: readonly Point[], reference: readonly Point[]): number {
  return meanNearestDistance(reference, approximation);
}

function meanNearestDistance(from: readonly Point[], to: readonly Point[]): number {
  if (from.length === 0 || to.length === 0) return Infinity;
  let sum = 0;
  for (const a of from) sum += nearestDistance(a, to);
  return sum / from.length;
}

export function nearestDistance(a: Point, to: readonly Point[]): number {
  let best = Infinity;
  for (const b of to) {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
    if (s < best) best = s;
  }
  return Math.sqrt(best);
}
