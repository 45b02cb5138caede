// NSGA-II's elitist survival (Deb et al. 2002, §III-C): sort parents ∪ offspring into fronts by
// (constraint) domination, take whole fronts while they fit, then fill from the last front by
// descending crowding distance. Also returns each survivor's rank and crowding distance, which the
// crowded binary tournament uses to pick parents.
import { argsort } from '../sorting';
import { crowdingDistance } from './crowding-distance';
import { nonDominatedSort } from './non-dominated-sort';

export interface RankAndCrowding {
  /** Indices of the survivors, best front first. */
  readonly selected: number[];
  /** Aligned with `selected`. */
  readonly rank: Int32Array;
  readonly crowding: Float64Array;
}

export function rankAndCrowdingSurvival(F: readonly Float64Array[], cv: ArrayLike<number>, n: number): RankAndCrowding {
  const { fronts } = nonDominatedSort(F, cv, n);
  const selected: number[] = [];
  const rank: number[] = [];
  const crowding: number[] = [];
  for (let r = 0; r < fronts.length && selected.length < n; r++) {
    const front = fronts[r];
    const distance = crowdingDistance(F, front);
    let order: ArrayLike<number> = Int32Array.from(front, (_, i) => i);
    if (selected.length + front.length > n) {
      // Crowded-comparison on the last front: larger distance first, ties by position (deterministic).
      order = argsort(distance.map((d) => -d)).subarray(0, n - selected.length);
    }
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      selected.push(front[i]);
      rank.push(r);
      crowding.push(distance[i]);
    }
  }
  return { selected, rank: Int32Array.from(rank), crowding: Float64Array.from(crowding) };
}
