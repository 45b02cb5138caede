import { describe, expect, it } from 'vitest';
import { thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { OptimizationRequest } from '../../../shared/optimize/request';
import { validateOptimizationRequest } from '../../../shared/optimize/validate';

const base: OptimizationRequest = {
  algorithm: 'nsga2',
  problem: thesisOfficeSpec('sensors', 'sites'),
  parameters: { populationSize: 80, generations: 100, crossoverProbability: 0.9, mutationProbability: 0.1, seed: 1 },
};

function messageOf(request: unknown): string {
  const r = validateOptimizationRequest(request);
  if (r.ok) throw new Error('expected the request to be rejected');
  expect(r.code).toBe('invalid-parameters');
  expect(r.message).not.toContain('\n');
  return r.message;
}

const withParams = (p: Record<string, unknown>): unknown => ({ ...base, parameters: { ...base.parameters, ...p } });
const withProblem = (p: unknown): unknown => ({ ...base, problem: p });

describe('validateOptimizationRequest', () => {
  it('accepts the thesis case and the test problems', () => {
    expect(validateOptimizationRequest(base).ok).toBe(true);
    expect(validateOptimizationRequest(withProblem({ kind: 'dtlz2', objectives: 5 })).ok).toBe(true);
    expect(validateOptimizationRequest({ ...base, algorithm: 'nsga3', problem: { kind: 'zdt3' } }).ok).toBe(true);
  });

  it('rejects impossible population sizes, generation counts and probabilities', () => {
    expect(messageOf(withParams({ populationSize: 0 }))).toBe('population size must be an integer from 2 to 100000 (got 0)');
    expect(messageOf(withParams({ populationSize: 81 }))).toBe('population size must be even, since children are produced in pairs (got 81)');
    expect(messageOf(withParams({ populationSize: 10.5 }))).toMatch(/population size must be an integer/);
    expect(messageOf(withParams({ generations: -1 }))).toBe('number of generations must be an integer from 1 to 1000000 (got -1)');
    expect(messageOf(withParams({ crossoverProbability: 1.5 }))).toBe('crossover probability must be between 0 and 1 (got 1.5)');
    expect(messageOf(withParams({ mutationProbability: -0.1 }))).toBe('mutation probability must be between 0 and 1 (got -0.1)');
    expect(messageOf(withParams({ mutationProbability: Number.NaN }))).toBe('mutation probability must be a number (got NaN)');
    expect(messageOf(withParams({ seed: 2 ** 32 }))).toMatch(/^seed must be an integer from 0 to 4294967295/);
    expect(messageOf(withParams({ referenceDivisions: [3, 2, 1] }))).toMatch(/reference divisions/);
  });

  it('rejects negative radii, an empty floor and a floor without sites', () => {
    const sensors = thesisOfficeSpec('sensors', 'sites');
    if (sensors.kind !== 'sensors') throw new Error('unreachable');
    expect(messageOf(withProblem({ ...sensors, sensor: { ...sensors.sensor, detectionRadiusM: -1.5 } }))).toBe(
      'detection radius (m) must be positive (got -1.5)',
    );
    const routers = thesisOfficeSpec('routers', 'grid');
    if (routers.kind !== 'routers') throw new Error('unreachable');
    expect(messageOf(withProblem({ ...routers, router: { ...routers.router, commRadiusM: 0 } }))).toBe('communication radius (m) must be positive (got 0)');
    expect(messageOf(withProblem({ ...sensors, floor: { columns: 0, rows: 8, pitchM: 1 } }))).toMatch(/^floor width \(cells\) must be an integer/);
    expect(messageOf(withProblem({ ...sensors, floor: { columns: 2, rows: 2, pitchM: 1, floorMask: [0, 0, 0, 0] } }))).toBe(
      'the floor is empty: it has no cell to cover',
    );
    expect(messageOf(withProblem({ ...sensors, floor: { columns: 2, rows: 2, pitchM: 1, siteMask: [0, 0, 0, 0] } }))).toBe(
      'the floor has no candidate site: no cell allows a device',
    );
    expect(messageOf(withProblem({ ...sensors, floor: { columns: 2, rows: 2, pitchM: -1 } }))).toBe('cell size (m) must be positive (got -1)');
  });

  it('rejects unknown algorithms, problems and malformed input without throwing', () => {
    expect(messageOf({ ...base, algorithm: 'moead' })).toBe('unknown algorithm "moead" (expected nsga2, spea2, nsga3)');
    expect(messageOf(withProblem({ kind: 'zdt9' }))).toMatch(/^unknown problem "zdt9"/);
    expect(messageOf(withProblem({ kind: 'dtlz2', objectives: 1 }))).toBe('number of objectives must be an integer from 2 to 15 (got 1)');
    expect(messageOf(null)).toBe('request is missing or not an object');
    expect(messageOf({ algorithm: 'nsga2' })).toBe('parameters is missing or not an object');
  });
});
