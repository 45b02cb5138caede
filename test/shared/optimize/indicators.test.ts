// Hypervolume against hand-computed values (2-, 3-, 4-D) and an independent inclusion–exclusion
// computation; IGD, GD and spread against hand-computed values.
import { describe, expect, it } from 'vitest';
import { generationalDistance, invertedGenerationalDistance } from '../../../shared/optimize/indicators/distance';
import { hypervolume } from '../../../shared/optimize/indicators/hypervolume';
import { normalize, observedBounds } from '../../../shared/optimize/indicators/normalize';
import { spread } from '../../../shared/optimize/indicators/spread';
import { Random } from '../../../shared/optimize/random';

/** Union volume of the boxes [p, ref] by inclusion–exclusion over all subsets (independent of the sweep). */
function inclusionExclusion(points: number[][], ref: number[]): number {
  let total = 0;
  for (let mask = 1; mask < 1 << points.length; mask++) {
    const corner = ref.map(() => -Infinity);
    let bits = 0;
    points.forEach((p, i) => {
      if (mask & (1 << i)) {
        bits++;
        p.forEach((v, k) => (corner[k] = Math.max(corner[k], v)));
      }
    });
    const volume = corner.reduce((v, c, k) => v * Math.max(0, ref[k] - c), 1);
    total += bits % 2 === 1 ? volume : -volume;
  }
  return total;
}

describe('hypervolume', () => {
  it('2-D: staircase (1,3) (2,2) (3,1) under (4,4) = 3·1 + 2·1 + 1·1 = 6', () => {
    expect(hypervolume([[1, 3], [2, 2], [3, 1]], [4, 4])).toBe(6);
    // A dominated point, a duplicate and a point beyond the reference change nothing.
    expect(hypervolume([[1, 3], [2, 2], [3, 1], [3, 3], [2, 2], [5, 0]], [4, 4])).toBe(6);
  });

  it('3-D: three unit-slab boxes (0,2,2) (2,0,2) (2,2,0) under (3,3,3) = 3·3 − 3·1 + 1 = 7', () => {
    expect(hypervolume([[0, 2, 2], [2, 0, 2], [2, 2, 0]], [3, 3, 3])).toBe(7);
    // (1,1,3) and (2,2,1) under (3,3,4): 4 + 3 − 1 (their common box from (2,2,3)) = 6.
    expect(hypervolume([[1, 1, 3], [2, 2, 1]], [3, 3, 4])).toBe(6);
  });

  it('4-D: (0,1,1,1) (1,0,1,1) (1,1,1,0) under (2,2,2,2) = 3·2 − 3·1 + 1 = 4', () => {
    expect(hypervolume([[0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 0]], [2, 2, 2, 2])).toBe(4);
  });

  it('agrees with inclusion–exclusion on random sets of 2, 3, 4 and 5 objectives', () => {
    const rng = new Random(11);
    for (const m of [2, 3, 4, 5]) {
      for (let trial = 0; trial < 5; trial++) {
        const points = Array.from({ length: 8 }, () => Array.from({ length: m }, () => Math.round(rng.random() * 20) / 20));
        const ref = new Array(m).fill(1.1);
        expect(hypervolume(points, ref)).toBeCloseTo(inclusionExclusion(points, ref), 10);
      }
    }
  });
});

describe('distance indicators and spread', () => {
  it('IGD and GD: reference {(0,1), (1,0)}, approximation {(0,2)}', () => {
    // IGD = mean(‖(0,1)−(0,2)‖, ‖(1,0)−(0,2)‖) = (1 + √5)/2; GD = distance of (0,2) to (0,1) = 1.
    expect(invertedGenerationalDistance([[0, 2]], [[0, 1], [1, 0]])).toBeCloseTo((1 + Math.sqrt(5)) / 2, 12);
    expect(generationalDistance([[0, 2]], [[0, 1], [1, 0]])).toBe(1);
    expect(invertedGenerationalDistance([[0, 1], [1, 0]], [[0, 1], [1, 0]])).toBe(0);
  });

  it("spread Δ (Deb 2002): 0 for an even front reaching the extremes, 0.5 for gaps √0.125 and √1.125", () => {
    const ref = [[0, 1], [1, 0]];
    expect(spread([[0, 1], [0.5, 0.5], [1, 0]], ref)).toBeCloseTo(0, 12);
    // d = 0.35355, 1.06066, d̄ = 0.70711, Σ|d − d̄| = 0.70711, (N − 1) d̄ = 1.41421 → Δ = 0.5.
    expect(spread([[0, 1], [0.25, 0.75], [1, 0]], ref)).toBeCloseTo(0.5, 12);
    // Missing the extreme (1,0) by 0.5 in f1: d_l = 0.5 joins numerator and denominator.
    const shifted = spread([[0, 1], [0.25, 0.75], [0.5, 0.5]], ref);
    const g = Math.SQRT1_2 / 2;
    expect(shifted).toBeCloseTo((Math.SQRT1_2 + 0) / (Math.SQRT1_2 + 2 * g), 12);
  });

  it('normalises objectives to [0, 1] by observed bounds', () => {
    const F = [[1, 10], [3, 30], [2, 20]];
    const n = normalize(F, observedBounds(F));
    expect(n.map((v) => Array.from(v))).toEqual([[0, 0], [1, 1], [0.5, 0.5]]);
  });
});
