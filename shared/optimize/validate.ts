// Validation of an optimisation request, in shared/ so that the UI, the CLI and the worker reject the
// same impossible parameters with the same one-line messages. Expected failures are results, not
// exceptions: { ok: false, code: 'invalid-parameters', message }.
import { ALGORITHM_NAMES } from './algorithms/parameters';
import type { GridFloorSpec } from './problems/grid-floor';
import type { OptimizationRequest } from './request';

export type Validation<T> = { ok: true; value: T } | { ok: false; code: 'invalid-parameters'; message: string };

/** Thrown inside this module only, turned into a result at the boundary. */
class Invalid extends Error {}

const MAX_POPULATION = 100_000;
const MAX_GENERATIONS = 1_000_000;
const MAX_OBJECTIVES = 15;
const MAX_GRID_CELLS = 4_000_000;

export function validateOptimizationRequest(input: unknown): Validation<OptimizationRequest> {
  try {
    const request = record(input, 'request');
    const algorithm = request.algorithm;
    if (typeof algorithm !== 'string' || !(ALGORITHM_NAMES as readonly string[]).includes(algorithm)) {
      fail(`unknown algorithm ${show(algorithm)} (expected ${ALGORITHM_NAMES.join(', ')})`);
    }
    validateParameters(record(request.parameters, 'parameters'));
    validateProblem(record(request.problem, 'problem'));
    return { ok: true, value: input as OptimizationRequest };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, code: 'invalid-parameters', message: err.message };
    throw err;
  }
}

function validateParameters(p: Record<string, unknown>): void {
  const population = integerIn(p.populationSize, 'population size', 2, MAX_POPULATION);
  if (population % 2 !== 0) fail(`population size must be even, since children are produced in pairs (got ${population})`);
  integerIn(p.generations, 'number of generations', 1, MAX_GENERATIONS);
  probability(p.crossoverProbability, 'crossover probability');
  probability(p.mutationProbability, 'mutation probability');
  if (p.geneMutationProbability !== undefined) probability(p.geneMutationProbability, 'per-gene mutation probability');
  integerIn(p.seed, 'seed', 0, 0xffffffff);
  if (p.crossover !== undefined && p.crossover !== 'one-point' && p.crossover !== 'uniform' && p.crossover !== 'geometric') {
    fail(`unknown crossover ${show(p.crossover)} (expected one-point, uniform or geometric)`);
  }
  if (p.eliminateDuplicates !== undefined && typeof p.eliminateDuplicates !== 'boolean') fail('eliminateDuplicates must be true or false');
  if (p.archiveSize !== undefined) integerIn(p.archiveSize, 'archive size', 1, MAX_POPULATION);
  if (p.referenceDivisions !== undefined) {
    const d = p.referenceDivisions;
    if (!Array.isArray(d) || d.length < 1 || d.length > 2) fail('reference divisions must be [p] or [p_outer, p_inner]');
    (d as unknown[]).forEach((v, i) => integerIn(v, i === 0 ? 'outer reference divisions' : 'inner reference divisions', 1, 1000));
  }
  if (p.sbxEta !== undefined) positive(p.sbxEta, 'SBX distribution index');
  if (p.mutationEta !== undefined) positive(p.mutationEta, 'mutation distribution index');
}

function validateProblem(spec: Record<string, unknown>): void {
  switch (spec.kind) {
    case 'zdt1':
    case 'zdt2':
    case 'zdt3':
      if (spec.variables !== undefined) integerIn(spec.variables, 'number of variables', 2, 10_000);
      return;
    case 'dtlz1':
    case 'dtlz2': {
      const m = integerIn(spec.objectives, 'number of objectives', 2, MAX_OBJECTIVES);
      if (spec.variables !== undefined) integerIn(spec.variables, 'number of variables', m, 10_000);
      return;
    }
    case 'sensors':
    case 'routers': {
      if (spec.encoding !== 'grid' && spec.encoding !== 'sites') fail(`unknown encoding ${show(spec.encoding)} (expected grid or sites)`);
      validateFloor(record(spec.floor, 'floor'));
      if (spec.kind === 'sensors') {
        const s = record(spec.sensor, 'sensor model');
        positive(s.detectionRadiusM, 'detection radius (m)');
        positive(s.commRadiusM, 'communication radius (m)');
        nonNegative(s.unitCost, 'sensor cost');
      } else {
        const r = record(spec.router, 'router model');
        positive(r.commRadiusM, 'communication radius (m)');
        nonNegative(r.unitCost, 'router cost');
      }
      return;
    }
    case 'multi-wall':
      // The floor itself is checked where its tables are built (shared/model/validate.ts), in the worker.
      if (spec.problem !== 'routers-mw' && spec.problem !== 'sensors-mw' && spec.problem !== 'joint-mw') {
        fail(`unknown multi-wall problem ${show(spec.problem)} (expected routers-mw, sensors-mw or joint-mw)`);
      }
      if (spec.encoding !== 'grid' && spec.encoding !== 'sites') fail(`unknown encoding ${show(spec.encoding)} (expected grid or sites)`);
      record(spec.input, 'floor');
      return;
    default:
      fail(`unknown problem ${show(spec.kind)} (expected sensors, routers, zdt1, zdt2, zdt3, dtlz1 or dtlz2)`);
  }
}

export function validateFloor(floor: Record<string, unknown>): GridFloorSpec {
  const columns = integerIn(floor.columns, 'floor width (cells)', 1, MAX_GRID_CELLS);
  const rows = integerIn(floor.rows, 'floor depth (cells)', 1, MAX_GRID_CELLS);
  if (columns * rows > MAX_GRID_CELLS) fail(`the floor grid is too large: ${columns} × ${rows} cells (at most ${MAX_GRID_CELLS})`);
  positive(floor.pitchM, 'cell size (m)');
  const total = columns * rows;
  const mask = (value: unknown, label: string): ArrayLike<number> | undefined => {
    if (value === undefined) return undefined;
    const m = value as ArrayLike<unknown>;
    if (typeof m !== 'object' || m === null || typeof m.length !== 'number' || m.length !== total) {
      fail(`the ${label} must have one entry per cell (${total})`);
    }
    return m as ArrayLike<number>;
  };
  const floorMask = mask(floor.floorMask, 'floor mask');
  const siteMask = mask(floor.siteMask, 'site mask');
  let cells = 0;
  let sites = 0;
  for (let g = 0; g < total; g++) {
    const inFloor = !floorMask || !!floorMask[g];
    if (inFloor) cells++;
    if (inFloor && (!siteMask || siteMask[g])) sites++;
  }
  if (cells === 0) fail('the floor is empty: it has no cell to cover');
  if (sites === 0) fail('the floor has no candidate site: no cell allows a device');
  return floor as unknown as GridFloorSpec;
}

function fail(message: string): never {
  throw new Invalid(message);
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

function record(v: unknown, label: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${label} is missing or not an object`);
  return v as Record<string, unknown>;
}

function finite(v: unknown, label: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${label} must be a number (got ${show(v)})`);
  return v;
}

function integerIn(v: unknown, label: string, min: number, max: number): number {
  const n = finite(v, label);
  if (!Number.isInteger(n) || n < min || n > max) fail(`${label} must be an integer from ${min} to ${max} (got ${n})`);
  return n;
}

function probability(v: unknown, label: string): number {
  const p = finite(v, label);
  if (p < 0 || p > 1) fail(`${label} must be between 0 and 1 (got ${p})`);
  return p;
}

function positive(v: unknown, label: string): number {
  const x = finite(v, label);
  if (x <= 0) fail(`${label} must be positive (got ${x})`);
  return x;
}

function nonNegative(v: unknown, label: string): number {
  const x = finite(v, label);
  if (x < 0) fail(`${label} must not be negative (got ${x})`);
  return x;
}
