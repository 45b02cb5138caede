// Same seed and parameters ⇒ the same front, bit for bit; another seed ⇒ another run.
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES } from '../../../shared/optimize/algorithms/parameters';
import { executeOptimization } from '../../../shared/optimize/execute';
import { thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { OptimizationRequest } from '../../../shared/optimize/request';

/** Every objective value and site as its exact bit pattern, so that equality is bit-for-bit. */
function fingerprint(request: OptimizationRequest): string {
  const r = executeOptimization(request);
  const bits = (v: number): string => Array.from(new Uint8Array(Float64Array.of(v).buffer)).join('.');
  return JSON.stringify({
    front: r.front.map((s) => [Object.values(s.objectives).map(bits), s.sites, (s.variables ?? []).map(bits)]),
    history: r.history.map((h) => [h.evaluations, h.frontSize, h.hypervolume === null ? null : bits(h.hypervolume)]),
  });
}

describe('determinism by seed', () => {
  for (const algorithm of ALGORITHM_NAMES) {
    it(`${algorithm}: identical fronts and histories for one seed, different for another`, () => {
      const zdt: OptimizationRequest = {
        algorithm,
        problem: { kind: 'zdt3' },
        parameters: { populationSize: 20, generations: 15, crossoverProbability: 0.9, mutationProbability: 1, seed: 7 },
      };
      expect(fingerprint(zdt)).toBe(fingerprint(zdt));
      expect(fingerprint(zdt)).not.toBe(fingerprint({ ...zdt, parameters: { ...zdt.parameters, seed: 8 } }));
      const sensors: OptimizationRequest = {
        algorithm,
        problem: thesisOfficeSpec('sensors', 'grid'),
        parameters: { populationSize: 20, generations: 15, crossoverProbability: 0.9, mutationProbability: 0.1, seed: 7 },
      };
      expect(fingerprint(sensors)).toBe(fingerprint(sensors));
      expect(fingerprint(sensors)).not.toBe(fingerprint({ ...sensors, parameters: { ...sensors.parameters, seed: 8 } }));
    });
  }
});
