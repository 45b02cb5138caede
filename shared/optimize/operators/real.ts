// Real-vector operators as in Deb's reference NSGA-II code (nsga2-v1.1, realcross / realmutate):
// - simulated binary crossover, SBX (Deb & Agrawal 1995) in its bounded form, each variable crossed
//   with probability 0.5, spread η_c;
// - polynomial mutation (Deb & Goyal 1996) in its bounded form, each variable mutated with
//   probability `variableProbability` (1/n by default), spread η_m.
import type { RealEncoding } from '../problem';
import type { Random } from '../random';

const EPS = 1e-14;

export function sampleReal(encoding: RealEncoding, rng: Random): Float64Array {
  const n = encoding.lower.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = encoding.lower[i] + rng.random() * (encoding.upper[i] - encoding.lower[i]);
  return x;
}

/** SBX: two children from two parents. `etaC` = distribution index (Deb et al. 2002 used 20). */
export function simulatedBinaryCrossover(
  p1: Float64Array,
  p2: Float64Array,
  encoding: RealEncoding,
  etaC: number,
  rng: Random,
): [Float64Array, Float64Array] {
  const n = p1.length;
  const c1 = Float64Array.from(p1);
  const c2 = Float64Array.from(p2);
  for (let i = 0; i < n; i++) {
    if (rng.random() > 0.5) continue;
    const a = p1[i];
    const b = p2[i];
    if (Math.abs(a - b) <= EPS) continue;
    const y1 = Math.min(a, b);
    const y2 = Math.max(a, b);
    const yl = encoding.lower[i];
    const yu = encoding.upper[i];
    const u = rng.random();
    const k = 1 / (etaC + 1);
    let beta = 1 + (2 * (y1 - yl)) / (y2 - y1);
    let alpha = 2 - Math.pow(beta, -(etaC + 1));
    let betaQ = u <= 1 / alpha ? Math.pow(u * alpha, k) : Math.pow(1 / (2 - u * alpha), k);
    let child1 = 0.5 * (y1 + y2 - betaQ * (y2 - y1));
    beta = 1 + (2 * (yu - y2)) / (y2 - y1);
    alpha = 2 - Math.pow(beta, -(etaC + 1));
    betaQ = u <= 1 / alpha ? Math.pow(u * alpha, k) : Math.pow(1 / (2 - u * alpha), k);
    let child2 = 0.5 * (y1 + y2 + betaQ * (y2 - y1));
    child1 = Math.min(Math.max(child1, yl), yu);
    child2 = Math.min(Math.max(child2, yl), yu);
    if (rng.random() <= 0.5) {
      c1[i] = child2;
      c2[i] = child1;
    } else {
      c1[i] = child1;
      c2[i] = child2;
    }
  }
  return [c1, c2];
}

/** Polynomial mutation: a mutated copy. `etaM` = distribution index (Deb et al. 2002 used 20). */
export function polynomialMutation(
  x: Float64Array,
  encoding: RealEncoding,
  etaM: number,
  variableProbability: number,
  rng: Random,
): Float64Array {
  const y = Float64Array.from(x);
  const power = 1 / (etaM + 1);
  for (let i = 0; i < y.length; i++) {
    if (rng.random() >= variableProbability) continue;
    const yl = encoding.lower[i];
    const yu = encoding.upper[i];
    const range = yu - yl;
    if (range <= 0) continue;
    const delta1 = (y[i] - yl) / range;
    const delta2 = (yu - y[i]) / range;
    const u = rng.random();
    let deltaQ: number;
    if (u <= 0.5) {
      const val = 2 * u + (1 - 2 * u) * Math.pow(1 - delta1, etaM + 1);
      deltaQ = Math.pow(val, power) - 1;
    } else {
      const val = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - delta2, etaM + 1);
      deltaQ = 1 - Math.pow(val, power);
    }
    y[i] = Math.min(Math.max(y[i] + deltaQ * range, yl), yu);
  }
  return y;
}
