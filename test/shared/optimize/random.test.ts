import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/optimize/random';

describe('Random (xoshiro128**)', () => {
  it('matches the reference implementation from state (1, 2, 3, 4)', () => {
    // Output of Blackman & Vigna's xoshiro128starstar.c seeded with s = {1, 2, 3, 4}.
    const r = Random.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const sa = Array.from({ length: 100 }, () => a.nextUint32());
    expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 100 }, () => c.nextUint32())).not.toEqual(sa);
    // Seed 0 is usable (SplitMix32 seeding never yields the all-zero state).
    const z = new Random(0);
    expect(new Set(Array.from({ length: 10 }, () => z.nextUint32())).size).toBe(10);
  });

  it('draws doubles in [0, 1) and integers in [0, n) with roughly uniform frequencies', () => {
    const r = new Random(7);
    const counts = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.random();
      if (!(u >= 0 && u < 1)) outside++;
      counts[r.int(10)]++;
    }
    expect(outside).toBe(0);
    // Binomial(100000, 0.1): σ ≈ 95, so ±600 is > 6σ.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(600);
  });

  it('shuffles into a permutation', () => {
    const r = new Random(3);
    const items = Array.from({ length: 50 }, (_, i) => i);
    r.shuffle(items);
    expect(items.slice().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(items).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
