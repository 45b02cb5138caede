import { describe, expect, it } from 'vitest';
import { bitFlipMutation, onePointCrossover, uniformCrossover } from '../../../shared/optimize/operators/binary';
import { GenomeSet } from '../../../shared/optimize/operators/duplicates';
import {
  indexOfSite,
  moveToNeighbour,
  mutateSites,
  sampleSites,
  setOnePointCrossover,
  setUniformCrossover,
} from '../../../shared/optimize/operators/placement-set';
import { polynomialMutation, simulatedBinaryCrossover } from '../../../shared/optimize/operators/real';
import type { PlacementSetEncoding, RealEncoding } from '../../../shared/optimize/problem';
import { Random } from '../../../shared/optimize/random';

const unitBox = (n: number): RealEncoding => ({ kind: 'real', lower: new Float64Array(n), upper: new Float64Array(n).fill(1) });
const isSortedSet = (x: Int32Array): boolean => x.every((v, i) => i === 0 || x[i - 1] < v);

describe('real operators', () => {
  it('SBX keeps children in bounds, one on each side of the parents’ midpoint, and leaves equal genes alone', () => {
    const rng = new Random(1);
    const enc = unitBox(5);
    let bad = 0;
    for (let t = 0; t < 200; t++) {
      const a = Float64Array.from({ length: 5 }, () => rng.random());
      const b = Float64Array.from({ length: 5 }, () => rng.random());
      b[4] = a[4];
      const [c1, c2] = simulatedBinaryCrossover(a, b, enc, 20, rng);
      for (let i = 0; i < 5; i++) {
        if (!(c1[i] >= 0 && c1[i] <= 1 && c2[i] >= 0 && c2[i] <= 1)) bad++;
        // Bounded SBX puts one child on each side of the parents' midpoint (Deb's realcross).
        const mid = (a[i] + b[i]) / 2;
        if (Math.min(c1[i], c2[i]) > mid + 1e-12 || Math.max(c1[i], c2[i]) < mid - 1e-12) bad++;
      }
      expect(c1[4]).toBe(a[4]);
      expect(c2[4]).toBe(a[4]);
    }
    expect(bad).toBe(0);
  });

  it('polynomial mutation stays in bounds and changes about n · p variables', () => {
    const rng = new Random(2);
    const enc = unitBox(100);
    const x = new Float64Array(100).fill(0.5);
    let changed = 0;
    let outside = 0;
    for (let t = 0; t < 100; t++) {
      const y = polynomialMutation(x, enc, 20, 0.1, rng);
      for (let i = 0; i < 100; i++) {
        if (!(y[i] >= 0 && y[i] <= 1)) outside++;
        if (y[i] !== 0.5) changed++;
      }
    }
    expect(outside).toBe(0);
    // Binomial(10000, 0.1): mean 1000, σ = 30.
    expect(Math.abs(changed - 1000)).toBeLessThan(150);
    expect(Array.from(x).every((v) => v === 0.5)).toBe(true); // the parent is untouched
  });
});

describe('binary operators', () => {
  it('one-point crossover swaps the tails after one cut', () => {
    const a = new Uint8Array(10);
    const b = new Uint8Array(10).fill(1);
    const [c1, c2] = onePointCrossover(a, b, new Random(3));
    const cut = c1.indexOf(1);
    expect(cut).toBeGreaterThan(0);
    expect(Array.from(c1)).toEqual(Array.from({ length: 10 }, (_, i) => (i < cut ? 0 : 1)));
    expect(Array.from(c2)).toEqual(Array.from({ length: 10 }, (_, i) => (i < cut ? 1 : 0)));
  });

  it('uniform crossover keeps every position’s pair of bits', () => {
    const rng = new Random(4);
    const a = Uint8Array.from({ length: 64 }, () => rng.int(2));
    const b = Uint8Array.from({ length: 64 }, () => rng.int(2));
    const [c1, c2] = uniformCrossover(a, b, rng);
    for (let i = 0; i < 64; i++) expect(c1[i] + c2[i]).toBe(a[i] + b[i]);
  });

  it('bit flip flips about indpb · n bits', () => {
    const rng = new Random(5);
    let flipped = 0;
    for (let t = 0; t < 100; t++) flipped += bitFlipMutation(new Uint8Array(100), 0.05, rng).reduce((s, v) => s + v, 0);
    expect(Math.abs(flipped - 500)).toBeLessThan(100); // σ ≈ 22
  });
});

describe('placement-set operators', () => {
  // A 4 × 3 grid, sites row-major; neighbours = 8-neighbourhood.
  const columns = 4;
  const rows = 3;
  const offsets = [0];
  const items: number[] = [];
  for (let s = 0; s < columns * rows; s++) {
    const c = s % columns;
    const r = Math.floor(s / columns);
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        if ((dr || dc) && r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < columns) items.push((r + dr) * columns + c + dc);
      }
    offsets.push(items.length);
  }
  const enc: PlacementSetEncoding = {
    kind: 'placement-set',
    siteCount: 12,
    neighbours: { offsets: Int32Array.from(offsets), items: Int32Array.from(items) },
  };

  it('samples distinct sorted sites', () => {
    const rng = new Random(6);
    for (let k = 0; k <= 12; k++) {
      const x = sampleSites(12, k, rng);
      expect(x.length).toBe(k);
      expect(isSortedSet(x)).toBe(true);
    }
  });

  it('set one-point crossover equals one-point crossover on the bit vector at the same cut', () => {
    const a = Int32Array.of(0, 3, 5, 9);
    const b = Int32Array.of(1, 5, 6, 11);
    // With this generator the cut is drawn first, exactly as onePointCrossover draws it.
    const [s1, s2] = setOnePointCrossover(a, b, 12, new Random(8));
    const bits = (x: Int32Array): Uint8Array => {
      const v = new Uint8Array(12);
      x.forEach((s) => (v[s] = 1));
      return v;
    };
    const [b1, b2] = onePointCrossover(bits(a), bits(b), new Random(8));
    expect(Array.from(bits(s1))).toEqual(Array.from(b1));
    expect(Array.from(bits(s2))).toEqual(Array.from(b2));
  });

  it('set uniform crossover gives common sites to both children and splits the rest', () => {
    const a = Int32Array.of(0, 3, 5, 9);
    const b = Int32Array.of(1, 5, 6, 11);
    const [c1, c2] = setUniformCrossover(a, b, new Random(9));
    expect(isSortedSet(c1) && isSortedSet(c2)).toBe(true);
    expect(indexOfSite(c1, 5) >= 0 && indexOfSite(c2, 5) >= 0).toBe(true);
    expect([...c1, ...c2].sort((x, y) => x - y)).toEqual([0, 1, 3, 5, 5, 6, 9, 11]);
  });

  it('moves a site to a free neighbour only', () => {
    const rng = new Random(10);
    for (let t = 0; t < 100; t++) {
      const x = Int32Array.of(5, 6);
      const y = moveToNeighbour(x, enc, rng);
      expect(y.length).toBe(2);
      expect(isSortedSet(y)).toBe(true);
      const moved = Array.from(x).find((s) => indexOfSite(y, s) < 0);
      const arrived = Array.from(y).find((s) => indexOfSite(x, s) < 0);
      if (moved !== undefined && arrived !== undefined) {
        expect(items.slice(offsets[moved], offsets[moved + 1])).toContain(arrived);
      }
    }
    // Site 0 with all three neighbours (1, 4, 5) taken cannot move.
    expect(Array.from(moveToNeighbour(Int32Array.of(0, 1, 4, 5), enc, new Random(0)).subarray(0, 1))).toEqual([0]);
  });

  it('mutations keep the genome a sorted set within the size bounds', () => {
    const rng = new Random(11);
    const bounded = { ...enc, minSites: 2, maxSites: 4 };
    let x: Int32Array = Int32Array.of(2, 7);
    for (let t = 0; t < 500; t++) {
      x = mutateSites(x, bounded, 1 + rng.int(3), rng);
      expect(isSortedSet(x)).toBe(true);
      expect(x.length >= 2 && x.length <= 4).toBe(true);
      expect(x.every((s) => s >= 0 && s < 12)).toBe(true);
    }
  });

  it('detects duplicate genomes by content', () => {
    const seen = new GenomeSet();
    seen.add(Int32Array.of(1, 2, 3));
    expect(seen.has(Int32Array.of(1, 2, 3))).toBe(true);
    expect(seen.has(Int32Array.of(1, 2))).toBe(false);
    seen.add(new Int32Array(0));
    expect(seen.has(new Int32Array(0))).toBe(true);
    expect(seen.has(Int32Array.of(1, 2, 4))).toBe(false);
    expect(seen.has(Int32Array.of(3, 2, 1))).toBe(false);
  });
});
