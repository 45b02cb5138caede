// Crowding distance (Deb et al. 2002, §III-B): for each objective, sort the front, give the two
// boundary solutions an infinite distance and every other one the normalised gap between its two
// neighbours, (f[next] − f[prev]) / (f_max − f_min), summed over objectives. An objective with zero
// range on the front contributes nothing. Ties in a sort are broken by position in `front`, so the
// result is deterministic.
import { sortIndicesByKey } from '../sorting';

/** Crowding distance of each member of `front` (indices into F), aligned with `front`. */
export function crowdingDistance(F: readonly Float64Array[], front: readonly number[]): Float64Array {
  const n = front.length;
  const distance = new Float64Array(n);
  if (n === 0) return distance;
  if (n <= 2) return distance.fill(Infinity);
  const m = F[front[0]].length;
  const order = new Int32Array(n);
  const keys = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    for (let i = 0; i < n; i++) {
      order[i] = i;
      keys[i] = F[front[i]][k];
    }
    sortIndicesByKey(order, keys);
    const fMin = keys[order[0]];
    const fMax = keys[order[n - 1]];
    distance[order[0]] = Infinity;
    distance[order[n - 1]] = Infinity;
    const range = fMax - fMin;
    if (range <= 0) continue;
    for (let i = 1; i < n - 1; i++) distance[order[i]] += (keys[order[i + 1]] - keys[order[i - 1]]) / range;
  }
  return distance;
}
