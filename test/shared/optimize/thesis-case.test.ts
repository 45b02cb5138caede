// The thesis's case (§4.7) with its parameters (population 80, 100 generations, crossover 0.9,
// mutation 0.1): every algorithm must match or beat the thesis's best published results, on several
// seeds. Placement-set encoding (the default). Table 4.4: NSGA-II placed 2 routers with 100 %
// connectivity; Table 4.6: its best sensors solution used 12 sensors for 96.25 % coverage, 100 %
// connectivity and 11.25 % over-coverage.
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES } from '../../../shared/optimize/algorithms/parameters';
import { executeOptimization } from '../../../shared/optimize/execute';
import { THESIS_PARAMETERS, thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { OptimizationResult } from '../../../shared/optimize/request';

const SEEDS = [1, 2, 3];

function run(algorithm: (typeof ALGORITHM_NAMES)[number], kind: 'sensors' | 'routers', seed: number): OptimizationResult {
  const { generations, ...rest } = THESIS_PARAMETERS;
  return executeOptimization({
    algorithm,
    problem: thesisOfficeSpec(kind, 'sites'),
    parameters: { ...rest, generations, seed },
  });
}

describe.each(ALGORITHM_NAMES)('%s on the thesis office', (algorithm) => {
  it.each(SEEDS)('routers, seed %i: 2 routers give 100 % connectivity', (seed) => {
    const r = run(algorithm, 'routers', seed);
    expect(r.evaluations).toBe(80 * 101);
    const best = r.front.find((s) => s.objectives.cost === 2);
    expect(best?.objectives.connectivity).toBe(100);
    expect(best?.sites).toHaveLength(2);
  });

  it.each(SEEDS)('sensors, seed %i: ≤ 12 sensors with coverage ≥ 96.25 %, connectivity 100 %, over-coverage ≤ 11.25 %', (seed) => {
    const r = run(algorithm, 'sensors', seed);
    const good = r.front.filter(
      (s) => s.objectives.cost <= 12 && s.objectives.coverage >= 96.25 && s.objectives.connectivity === 100 && s.objectives.overCoverage <= 11.25,
    );
    expect(good.length).toBeGreaterThan(0);
    // Sites are distinct cell centres of the 10 m × 8 m office, one per unit of cost.
    for (const s of good) {
      expect(s.sites).toHaveLength(s.objectives.cost);
      expect(new Set(s.sites.map(([x, y]) => `${x},${y}`)).size).toBe(s.sites.length);
      for (const [x, y] of s.sites) expect(x > 0 && x < 10 && y > 0 && y < 8 && (x * 2) % 2 === 1 && (y * 2) % 2 === 1).toBe(true);
    }
  });
});
