// The test problems against their definitions (Zitzler, Deb & Thiele 2000; Deb et al. 2002).
import { describe, expect, it } from 'vitest';
import { dtlz, dtlzFront } from '../../../shared/optimize/problems/dtlz';
import { zdt, zdtFront } from '../../../shared/optimize/problems/zdt';
import { Random } from '../../../shared/optimize/random';

const evaluate = (p: ReturnType<typeof zdt>, x: number[]): number[] => {
  const out = new Float64Array(p.objectives.length);
  p.evaluate(Float64Array.from(x), out, new Float64Array(0));
  return Array.from(out);
};

describe('ZDT', () => {
  it('evaluates known points', () => {
    // x = (0.25, 0, …, 0): g = 1, f = (0.25, 1 − √0.25 = 0.5) for ZDT1, (0.25, 1 − 0.0625) for ZDT2,
    // and 1 − 0.5 − 0.25 · sin(2.5π) = 0.25 for ZDT3.
    const x = [0.25, ...new Array(29).fill(0)];
    expect(evaluate(zdt('zdt1'), x)).toEqual([0.25, 0.5]);
    expect(evaluate(zdt('zdt2'), x)).toEqual([0.25, 0.9375]);
    expect(evaluate(zdt('zdt3'), x)[1]).toBeCloseTo(0.25, 12);
    // x2..x30 = 1: g = 10, ZDT1 f2 = 10 (1 − √(0.025)).
    expect(evaluate(zdt('zdt1'), [0.25, ...new Array(29).fill(1)])[1]).toBeCloseTo(10 * (1 - Math.sqrt(0.025)), 12);
  });

  it('has true fronts on g = 1, ZDT3 in five disconnected pieces', () => {
    for (const f of zdtFront('zdt1', 50)) expect(f[1]).toBeCloseTo(1 - Math.sqrt(f[0]), 12);
    const z3 = zdtFront('zdt3');
    const gaps = z3.slice(1).filter((f, i) => f[0] - z3[i][0] > 0.05).length;
    expect(gaps).toBe(4);
    expect(Math.min(...z3.map((f) => f[1]))).toBeCloseTo(-0.7733, 3);
  });
});

describe('DTLZ', () => {
  it('puts x_M = ½ on the fronts: Σ f = ½ (DTLZ1) and Σ f² = 1 (DTLZ2), for any M', () => {
    const rng = new Random(1);
    for (const m of [2, 3, 5, 8]) {
      for (let t = 0; t < 20; t++) {
        const d1 = dtlz('dtlz1', m);
        const d2 = dtlz('dtlz2', m);
        const x1 = Array.from({ length: d1.encoding.lower.length }, (_, i) => (i < m - 1 ? rng.random() : 0.5));
        const x2 = Array.from({ length: d2.encoding.lower.length }, (_, i) => (i < m - 1 ? rng.random() : 0.5));
        expect(evaluate(d1, x1).reduce((s, v) => s + v, 0)).toBeCloseTo(0.5, 12);
        expect(evaluate(d2, x2).reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 12);
      }
    }
    expect(dtlz('dtlz1', 3).encoding.lower.length).toBe(7); // n = M + k − 1, k = 5
    expect(dtlz('dtlz2', 3).encoding.lower.length).toBe(12); // k = 10
  });

  it('moves off the front when g > 0', () => {
    // DTLZ2 with every x_M = 1: g = 10 · ¼ for M = 3 (10 distance variables), so |f| = 1 + g = 3.5.
    const d2 = dtlz('dtlz2', 3);
    const f = evaluate(d2, [0.3, 0.6, ...new Array(10).fill(1)]);
    expect(Math.hypot(...f)).toBeCloseTo(3.5, 12);
    for (const p of dtlzFront('dtlz2', 3, 6)) expect(Math.hypot(...p)).toBeCloseTo(1, 12);
    for (const p of dtlzFront('dtlz1', 4, 5)) expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(0.5, 12);
  });
});
