// ZDT1, ZDT2, ZDT3 (Zitzler, Deb & Thiele 2000), n = 30 variables in [0, 1] by default:
//   f1 = x1,  g = 1 + 9 Σ_{i≥2} x_i / (n − 1),  f2 = g · h(f1, g) with
//   ZDT1 h = 1 − √(f1/g) (convex front), ZDT2 h = 1 − (f1/g)² (concave), ZDT3 h = 1 − √(f1/g) −
//   (f1/g) sin(10π f1) (five disconnected pieces). The Pareto-optimal set is g = 1 (x2..xn = 0).
import type { Problem, RealEncoding } from '../problem';
import { nonDominatedIndices } from '../survival/non-dominated-sort';

export type ZdtName = 'zdt1' | 'zdt2' | 'zdt3';

function h(name: ZdtName, f1: number, g: number): number {
  const r = f1 / g;
  switch (name) {
    case 'zdt1':
      return 1 - Math.sqrt(r);
    case 'zdt2':
      return 1 - r * r;
    case 'zdt3':
      return 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1);
  }
}

export function zdt(name: ZdtName, variables = 30): Problem<RealEncoding> {
  const worst2 = 1.1; // hypervolume reference (1.1, 1.1) in the usual convention
  return {
    name,
    encoding: { kind: 'real', lower: new Float64Array(variables), upper: new Float64Array(variables).fill(1) },
    objectives: [
      { name: 'f1', direction: 'minimize', best: 0, worst: 1.1 },
      { name: 'f2', direction: 'minimize', best: name === 'zdt3' ? -0.7734 : 0, worst: worst2 },
    ],
    constraints: [],
    evaluate(x, objectives) {
      let sum = 0;
      for (let i = 1; i < x.length; i++) sum += x[i];
      const g = 1 + (9 * sum) / (x.length - 1);
      const f1 = x[0];
      objectives[0] = f1;
      objectives[1] = g * h(name, f1, g);
    },
  };
}

/** `points` points of the true Pareto front (g = 1), evenly spaced in f1; ZDT3 keeps its non-dominated pieces. */
export function zdtFront(name: ZdtName, points = 1000): Float64Array[] {
  const all: Float64Array[] = [];
  const samples = name === 'zdt3' ? points * 20 : points;
  for (let i = 0; i < samples; i++) {
    const f1 = i / (samples - 1);
    all.push(Float64Array.of(f1, h(name, f1, 1)));
  }
  if (name !== 'zdt3') return all;
  const keep = nonDominatedIndices(all, new Float64Array(all.length));
  const front = keep.map((i) => all[i]);
  const stride = Math.max(1, Math.floor(front.length / points));
  return front.filter((_, i) => i % stride === 0);
}
