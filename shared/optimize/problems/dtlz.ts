// DTLZ1 and DTLZ2 (Deb, Thiele, Laumanns & Zitzler 2002) for any M ≥ 2 objectives, n = M + k − 1
// variables in [0, 1] (k = 5 for DTLZ1, 10 for DTLZ2, as in the paper):
//   DTLZ1: g = 100 (k + Σ_{x∈x_M} ((x − ½)² − cos(20π(x − ½)))), f_i = ½ (1 + g) Π_{j<M−i+1} x_j ·
//          (1 − x_{M−i+1}); the front is the simplex Σ f_i = ½.
//   DTLZ2: g = Σ_{x∈x_M} (x − ½)², f_i = (1 + g) Π_{j<M−i+1} cos(x_j π/2) · sin(x_{M−i+1} π/2);
//          the front is the unit sphere's positive orthant.
import type { Problem, RealEncoding } from '../problem';
import { dasDennis } from '../survival/reference-directions';

export type DtlzName = 'dtlz1' | 'dtlz2';

export function dtlz(name: DtlzName, objectives: number, variables?: number): Problem<RealEncoding> {
  const m = objectives;
  const n = variables ?? m + (name === 'dtlz1' ? 5 : 10) - 1;
  const worst = name === 'dtlz1' ? 1 : 1.5;
  return {
    name,
    encoding: { kind: 'real', lower: new Float64Array(n), upper: new Float64Array(n).fill(1) },
    objectives: Array.from({ length: m }, (_, i) => ({ name: `f${i + 1}`, direction: 'minimize' as const, best: 0, worst })),
    constraints: [],
    evaluate(x, f) {
      let g = 0;
      if (name === 'dtlz1') {
        for (let i = m - 1; i < n; i++) g += (x[i] - 0.5) * (x[i] - 0.5) - Math.cos(20 * Math.PI * (x[i] - 0.5));
        g = 100 * (n - m + 1 + g);
        for (let i = 0; i < m; i++) {
          let v = 0.5 * (1 + g);
          for (let j = 0; j < m - 1 - i; j++) v *= x[j];
          if (i > 0) v *= 1 - x[m - 1 - i];
          f[i] = v;
        }
      } else {
        for (let i = m - 1; i < n; i++) g += (x[i] - 0.5) * (x[i] - 0.5);
        for (let i = 0; i < m; i++) {
          let v = 1 + g;
          for (let j = 0; j < m - 1 - i; j++) v *= Math.cos((x[j] * Math.PI) / 2);
          if (i > 0) v *= Math.sin((x[m - 1 - i] * Math.PI) / 2);
          f[i] = v;
        }
      }
    },
  };
}

/** Points of the true front: Das–Dennis points with `divisions`, scaled to Σ f = ½ (DTLZ1) or onto the unit sphere (DTLZ2). */
export function dtlzFront(name: DtlzName, objectives: number, divisions: number): Float64Array[] {
  return dasDennis(objectives, divisions).map((w) => {
    if (name === 'dtlz1') return w.map((v) => v / 2);
    const norm = Math.sqrt(w.reduce((s, v) => s + v * v, 0));
    return w.map((v) => v / norm);
  });
}
