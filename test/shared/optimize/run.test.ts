// The ask–tell loop's per-generation history.
import { describe, expect, it } from 'vitest';
import { executeOptimization } from '../../../shared/optimize/execute';
import { hypervolume } from '../../../shared/optimize/indicators/hypervolume';
import { thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';

describe('run history', () => {
  it('records generation, evaluations, front size and the normalised hypervolume of each generation', () => {
    const r = executeOptimization({
      algorithm: 'nsga2',
      problem: { kind: 'zdt1', variables: 10 },
      parameters: { populationSize: 20, generations: 20, crossoverProbability: 0.9, mutationProbability: 1, seed: 2 },
    });
    expect(r.history.map((h) => h.generation)).toEqual(Array.from({ length: 21 }, (_, g) => g));
    expect(r.history.map((h) => h.evaluations)).toEqual(Array.from({ length: 21 }, (_, g) => 20 * (g + 1)));
    const last = r.history[20];
    expect(last.frontSize).toBe(r.front.length);
    // ZDT1 declares best 0 and worst 1.1 for both objectives: HV of (f / 1.1) against (1, 1).
    const expected = hypervolume(
      r.front.map((s) => [s.objectives.f1 / 1.1, s.objectives.f2 / 1.1]),
      [1, 1],
    );
    expect(last.hypervolume).toBeCloseTo(expected, 12);
    expect(last.hypervolume as number).toBeGreaterThan(r.history[0].hypervolume as number);
  });

  it('computes the 4-objective hypervolume for the sensors problem and skips it above 4 objectives', () => {
    const sensors = executeOptimization({
      algorithm: 'spea2',
      problem: thesisOfficeSpec('sensors', 'sites'),
      parameters: { populationSize: 10, generations: 3, crossoverProbability: 0.9, mutationProbability: 0.1, seed: 1 },
    });
    for (const h of sensors.history) expect(h.hypervolume! > 0 && h.hypervolume! < 1).toBe(true);
    const many = executeOptimization({
      algorithm: 'nsga3',
      problem: { kind: 'dtlz2', objectives: 5 },
      parameters: { populationSize: 10, generations: 2, crossoverProbability: 0.9, mutationProbability: 1, seed: 1 },
    });
    expect(many.history.every((h) => h.hypervolume === null)).toBe(true);
  });
});
