// Non-dominated sorting, crowding distance and SPEA2's fitness on small hand-made populations, with
// the expected values worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { crowdingDistance } from '../../../shared/optimize/survival/crowding-distance';
import { Random } from '../../../shared/optimize/random';
import { fastNonDominatedSort, nonDominatedSort, nonDominatedSort2 } from '../../../shared/optimize/survival/non-dominated-sort';
import { rankAndCrowdingSurvival } from '../../../shared/optimize/survival/rank-and-crowding';
import { spea2EnvironmentalSelection, spea2Fitness, truncateArchive } from '../../../shared/optimize/survival/spea2-fitness';

const pts = (...p: number[][]): Float64Array[] => p.map((v) => Float64Array.from(v));

describe('fast non-dominated sort (Deb 2002 §III-A)', () => {
  // A(1,5) B(2,3) C(4,1) are mutually non-dominated; D(3,4) is dominated by B, F(2,6) by A;
  // E(5,5) by A, B, C and D. G(0,0) and H(0,0) are infeasible, violations 2 and 1.
  const F = pts([1, 5], [2, 3], [4, 1], [3, 4], [5, 5], [2, 6], [0, 0], [0, 0]);
  it('peels the fronts in order', () => {
    const { fronts, rank } = nonDominatedSort(F.slice(0, 6), [0, 0, 0, 0, 0, 0]);
    expect(fronts.map((f) => f.slice().sort())).toEqual([[0, 1, 2], [3, 5], [4]]);
    expect(Array.from(rank)).toEqual([0, 0, 0, 1, 2, 1]);
  });
  it('puts infeasible solutions behind every feasible one, less violated first (constraint domination)', () => {
    const { fronts } = nonDominatedSort(F, [0, 0, 0, 0, 0, 0, 2, 1]);
    expect(fronts.map((f) => f.slice().sort())).toEqual([[0, 1, 2], [3, 5], [4], [7], [6]]);
  });
  it('stops once enough solutions are ranked', () => {
    const { fronts, rank } = nonDominatedSort(F.slice(0, 6), [0, 0, 0, 0, 0, 0], 3);
    expect(fronts.length).toBe(1);
    expect(rank[4]).toBe(1);
  });
});

describe('crowding distance (Deb 2002 §III-B)', () => {
  // P1(0,5) P2(1,3) P3(2,2) P4(4,1) P5(6,0); ranges 6 and 5.
  // P2: (2−0)/6 + (5−2)/5 = 0.3333 + 0.6 = 0.9333;  P3: (4−1)/6 + (3−1)/5 = 0.5 + 0.4 = 0.9;
  // P4: (6−2)/6 + (2−0)/5 = 0.6667 + 0.4 = 1.0667;  P1, P5: boundary, infinite.
  const F = pts([0, 5], [1, 3], [2, 2], [4, 1], [6, 0]);
  it('matches the hand-computed values', () => {
    const d = crowdingDistance(F, [0, 1, 2, 3, 4]);
    expect(d[0]).toBe(Infinity);
    expect(d[4]).toBe(Infinity);
    expect(d[1]).toBeCloseTo(2 / 6 + 3 / 5, 12);
    expect(d[2]).toBeCloseTo(3 / 6 + 2 / 5, 12);
    expect(d[3]).toBeCloseTo(4 / 6 + 2 / 5, 12);
  });
  it('gives fronts of one or two solutions infinite distances and ignores a zero-range objective', () => {
    expect(Array.from(crowdingDistance(F, [1, 2]))).toEqual([Infinity, Infinity]);
    const flat = pts([0, 1], [1, 1], [3, 1]);
    expect(crowdingDistance(flat, [0, 1, 2])[1]).toBeCloseTo(3 / 3, 12);
  });
  it('fills the last front by descending crowding distance in NSGA-II survival', () => {
    // Front 0 = P1..P5 (5 members) and a dominated Q(7,7); keep 4: the two boundaries, then P4
    // (1.0667) and P2 (0.9333) before P3 (0.9).
    const all = F.concat(pts([7, 7]));
    const s = rankAndCrowdingSurvival(all, new Float64Array(6), 4);
    expect(s.selected.slice().sort()).toEqual([0, 1, 3, 4]);
    expect(Array.from(s.rank)).toEqual([0, 0, 0, 0]);
  });
});

describe('SPEA2 fitness and environmental selection (Zitzler et al. 2001)', () => {
  // a(1,4) b(2,2) c(4,1) d(3,3) e(4,4). b dominates d; a, b, c, d dominate e.
  // Strength: S(a)=1, S(b)=2, S(c)=1, S(d)=1, S(e)=0. Raw: R(d)=S(b)=2, R(e)=1+2+1+1=5, others 0.
  // k = ⌊√5⌋ = 2. Distances: ab=√5 ac=√18 ad=√5 ae=3 bc=√5 bd=√2 be=√8 cd=√5 ce=3 de=√2.
  // Second-nearest: a √5, b √5, c √5, d √2, e √8 → D = 1/(σ + 2).
  const F = pts([1, 4], [2, 2], [4, 1], [3, 3], [4, 4]);
  const fit = spea2Fitness(F, new Float64Array(5));
  it('computes strength, raw fitness and density by hand', () => {
    expect(Array.from(fit.strength)).toEqual([1, 2, 1, 1, 0]);
    expect(Array.from(fit.raw)).toEqual([0, 0, 0, 2, 5]);
    const s5 = Math.sqrt(5);
    const expected = [1 / (s5 + 2), 1 / (s5 + 2), 1 / (s5 + 2), 1 / (Math.SQRT2 + 2), 1 / (Math.sqrt(8) + 2)];
    expected.forEach((d, i) => expect(fit.density[i]).toBeCloseTo(d, 12));
    expect(fit.fitness[3]).toBeCloseTo(2 + 1 / (Math.SQRT2 + 2), 12);
  });
  it('keeps exactly the non-dominated solutions when they fit, fills with the best dominated ones', () => {
    expect(spea2EnvironmentalSelection(fit.fitness, fit.distance, 3)).toEqual([0, 1, 2]);
    expect(spea2EnvironmentalSelection(fit.fitness, fit.distance, 4)).toEqual([0, 1, 2, 3]);
  });
  it('truncates by the lexicographic nearest-neighbour distances', () => {
    // Among a, b, c every nearest distance is √5; the second-nearest are a √18, b √5, c √18, so b
    // (the most crowded) leaves first.
    expect(spea2EnvironmentalSelection(fit.fitness, fit.distance, 2)).toEqual([0, 2]);
    // On a line at x = 0, 2, 3, 5, 6 the sorted distance lists are 0: [2,3,5,6], 2: [1,2,3,4],
    // 3: [1,2,3,3], 5: [1,2,3,5], 6: [1,3,4,6]: x = 2, 3, 5 tie on the first three distances and
    // x = 3 has the smallest fourth, so it leaves.
    const line = pts([0], [2], [3], [5], [6]);
    const d = spea2Fitness(line, new Float64Array(5)).distance;
    expect(truncateArchive([0, 1, 2, 3, 4], d, 5, 4)).toEqual([0, 1, 3, 4]);
    // Then among 0, 2, 5, 6: 0: [2,5,6], 2: [2,3,4], 5: [1,3,5], 6: [1,4,6]; x = 5 and 6 tie on the
    // nearest, x = 5 has the smaller second distance and leaves.
    expect(truncateArchive([0, 1, 2, 3, 4], d, 5, 3)).toEqual([0, 1, 4]);
    // Complete ties go to the earlier member: of three equally spaced points the middle one goes,
    // then the two left are tied and the first leaves.
    const three = pts([0], [1], [2]);
    expect(truncateArchive([0, 1, 2], spea2Fitness(three, new Float64Array(3)).distance, 3, 1)).toEqual([2]);
  });
});

describe('two-objective sweep sort', () => {
  it('gives the same fronts as Deb’s O(M N²) procedure, with ties, duplicates and infeasible solutions', () => {
    const rng = new Random(5);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(60);
      // Coarse values so that equal objectives and exact duplicates are common.
      const F = Array.from({ length: n }, () => Float64Array.of(rng.int(8), rng.int(8)));
      const cv = Array.from({ length: n }, () => (rng.random() < 0.2 ? 1 + rng.int(3) : 0));
      const a = fastNonDominatedSort(F, cv);
      const b = nonDominatedSort2(F, cv, n);
      expect(b.fronts.map((f) => f.slice().sort((x, y) => x - y))).toEqual(a.fronts.map((f) => f.slice().sort((x, y) => x - y)));
      expect(Array.from(b.rank)).toEqual(Array.from(a.rank));
    }
  });
});
