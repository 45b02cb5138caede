// NSGA-III's reference points, normalisation, association and niching on hand-made populations.
import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/optimize/random';
import { associate, nicheSelection, normalizationOf, nsga3Survival } from '../../../shared/optimize/survival/nsga3-niching';
import { dasDennis, defaultDivisions, referenceDirections } from '../../../shared/optimize/survival/reference-directions';

const pts = (...p: number[][]): Float64Array[] => p.map((v) => Float64Array.from(v));

describe('Das–Dennis reference points (Deb & Jain 2014 §IV-B)', () => {
  it('has C(M + p − 1, p) points on the unit simplex', () => {
    const w = dasDennis(3, 2);
    expect(w.map((v) => Array.from(v))).toEqual([
      [1, 0, 0],
      [0.5, 0.5, 0],
      [0.5, 0, 0.5],
      [0, 1, 0],
      [0, 0.5, 0.5],
      [0, 0, 1],
    ]);
    expect(dasDennis(3, 12).length).toBe(91); // Deb & Jain's 3-objective setting
    expect(dasDennis(5, 6).length).toBe(210);
    for (const v of dasDennis(4, 5)) expect(v.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it('adds an inner layer shrunk by 1/2 about the centroid', () => {
    const w = referenceDirections(8, [3, 2]);
    expect(w.length).toBe(120 + 36); // Deb & Jain's 8-objective setting, N = 156
    // The inner layer's vertex (1, 0, …, 0) becomes (1/2 + 1/16, 1/16, …).
    expect(w[120][0]).toBeCloseTo(0.5625, 12);
    expect(w[120][1]).toBeCloseTo(0.0625, 12);
  });

  it('picks the published divisions from the population size', () => {
    expect(defaultDivisions(3, 92)).toEqual([12]);
    expect(defaultDivisions(5, 212)).toEqual([6]);
    expect(defaultDivisions(8, 156)).toEqual([3, 2]);
    expect(defaultDivisions(10, 276)).toEqual([3, 2]);
    expect(defaultDivisions(15, 136)).toEqual([2, 1]);
    expect(defaultDivisions(4, 80)).toEqual([5]); // the thesis's sensors: 56 points
  });
});

describe('normalisation, association and niching (Deb & Jain 2014 §IV-C..E)', () => {
  // S_t = (1,5) (2,3) (4,2) (6,1). Ideal (1,1); translated (0,4) (1,2) (3,1) (5,0). The extreme point of
  // axis 1 minimises max(f1'/1, f2'/1e-6) → (5,0); of axis 2 → (0,4). The line through them has
  // intercepts 5 and 4, so the normalised points are (0,1) (0.2,0.5) (0.6,0.25) (1,0).
  const F = pts([1, 5], [2, 3], [4, 2], [6, 1]);
  const norm = normalizationOf(F, [0, 1, 2, 3]);
  it('finds the ideal point and the intercepts of the extreme points', () => {
    expect(Array.from(norm.ideal)).toEqual([1, 1]);
    expect(norm.intercepts[0]).toBeCloseTo(5, 9);
    expect(norm.intercepts[1]).toBeCloseTo(4, 9);
    expect(norm.fallback).toBe(false);
  });

  it('falls back to the worst point when the extreme points do not span a hyperplane', () => {
    // (1,1) (2,2) (3,3) lie on one line through the ideal (1,1): both axes pick the same extreme point,
    // the system is singular, and the intercepts become worst − ideal = 2.
    const line = pts([1, 1], [2, 2], [3, 3]);
    const n = normalizationOf(line, [0, 1, 2]);
    expect(n.fallback).toBe(true);
    expect(Array.from(n.intercepts)).toEqual([2, 2]);
  });

  it('associates each point with the nearest reference line by perpendicular distance', () => {
    // References (1,0), (½,½), (0,1). (0.2,0.5): distances 0.5, √(0.29 − 0.35²/0.5) = 0.2121, 0.2
    // → (0,1). (0.6,0.25): 0.25, √(0.4225 − 0.425²/0.5) = 0.2475, 0.6 → (½,½).
    const refs = pts([1, 0], [0.5, 0.5], [0, 1]);
    const a = associate(F, [0, 1, 2, 3], refs, norm);
    expect(Array.from(a.reference)).toEqual([2, 2, 1, 0]);
    expect(a.distance[1]).toBeCloseTo(0.2, 9);
    expect(a.distance[2]).toBeCloseTo(Math.sqrt(0.4225 - 0.425 ** 2 / 0.5), 9);
    expect(a.distance[0]).toBeCloseTo(0, 9);
  });

  it('fills empty niches first with the closest member, then the least crowded niches', () => {
    // P_{t+1} = members 0, 1 (niches 0 and 2); F_l = 2 (niche 1, d 0.3), 3 (niche 1, d 0.1), 4 (niche 0, d 0.2).
    const assoc = { reference: Int32Array.of(0, 2, 1, 1, 0), distance: Float64Array.of(0, 0, 0.3, 0.1, 0.2) };
    // Niche 1 is empty: its closest member, 3, comes first whatever the random draws.
    for (let seed = 0; seed < 5; seed++) expect(nicheSelection(assoc, 2, 1, 3, new Random(seed))).toEqual([3]);
    // Asking for all three takes everyone; niche 2 has no candidate and is excluded, not an endless loop.
    expect(nicheSelection(assoc, 2, 3, 3, new Random(1)).sort()).toEqual([2, 3, 4]);
  });

  it('keeps whole fronts and niches only the last one', () => {
    // Front 0: (0,1) (1,0); front 1: (1,2) (1.5,1.5) (2,1); keep 4 → front 0 plus 2 of front 1.
    // Ideal (0,0), extremes (1,0) and (0,1), intercepts 1: front 0 fills niches (1,0) and (0,1); all
    // of front 1 associates with (½,½), whose niche is empty, so its closest member (1.5,1.5), on the
    // line itself, is picked first.
    const G = pts([0, 1], [1, 0], [1, 2], [1.5, 1.5], [2, 1]);
    const refs = pts([1, 0], [0.5, 0.5], [0, 1]);
    const s = nsga3Survival(G, new Float64Array(5), 4, refs, new Random(5));
    expect(s.firstFrontSize).toBe(2);
    expect(s.selected.slice(0, 2).sort()).toEqual([0, 1]);
    expect(s.selected).toContain(3);
  });
});
