// `npm run cli -- optimize (--example thesis-office | --project FILE [--floor ID])
//    [--problem sensors|routers (thesis model) | routers-mw|sensors-mw|joint-mw (multi-wall model)]
//    | --problem zdt1|zdt2|zdt3|dtlz1|dtlz2 [--objectives M]
//   [--algorithm nsga2|spea2|nsga3] [--pop N] [--gens N] [--pc P] [--pm P] [--indpb P]
//   [--crossover one-point|uniform|geometric] [--seed S] [--encoding grid|sites] [--json OUT]`
// Runs one optimisation headless in the optimiser worker and prints the front; --json writes
// { algorithm, problem, seed, evaluations, elapsedMs, front: [{ objectives, sites }], chosen, … }.
// Deployment problems default to the thesis's parameters (population 80, 100 generations, pc 0.9,
// pm 0.1); test problems to population 100, 250 generations, pc 0.9, pm 1. pm is the probability
// that a child is mutated (the thesis's DEAP MUTPB); --indpb the per-gene probability inside it.
// --encoding defaults to sites (the placement-set encoding); grid is the thesis's bit per cell.
// --problem defaults to sensors, --algorithm to nsga2, --seed to 1.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { CliUsageError } from '../command';
import { startOptimization } from '../../services/optimizer/runner';
import type { AlgorithmName } from '../../../shared/optimize/algorithms/parameters';
import { chooseSolution } from '../../../shared/optimize/choose';
import type { DeploymentEncoding } from '../../../shared/optimize/problems/deployment';
import type { ProblemSpec } from '../../../shared/optimize/problems/registry';
import { THESIS_PARAMETERS, thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { OptimizationRequest, OptimizationResult, RunParameters } from '../../../shared/optimize/request';
import { validateOptimizationRequest } from '../../../shared/optimize/validate';
import { multiWallSpecOfFloor, thesisSpecOfFloor } from '../../services/optimization/problem-from-floor';
import { pickFloorId, readProjectSnapshot } from '../../services/project/read-snapshot';
import { copyOfExample } from '../example-copy';

const DEPLOYMENT_KINDS = ['sensors', 'routers', 'routers-mw', 'sensors-mw', 'joint-mw'] as const;
type DeploymentKindName = (typeof DEPLOYMENT_KINDS)[number];
const PROBLEMS = [...DEPLOYMENT_KINDS, 'zdt1', 'zdt2', 'zdt3', 'dtlz1', 'dtlz2'] as const;
const EXAMPLES = ['thesis-office'] as const;
/** The multi-wall problems need the example's walls and device types: read from a copy of its project file. */
const EXAMPLE_FILE_GETTER = () => copyOfExample('thesis-office');

/**
 * The deployment problem of a project file's floor: the thesis model (sensors, routers) on its grid, or
 * the multi-wall model (routers-mw, sensors-mw, joint-mw) through its walls with its device types.
 */
export function loadProblemFromProject(file: string, kind: DeploymentKindName, encoding: DeploymentEncoding, floorArg: number | undefined): ProblemSpec {
  const snapshot = readProjectSnapshot(file);
  if (!snapshot.ok) throw new CliUsageError(snapshot.message);
  const floorId = pickFloorId(snapshot.value, floorArg);
  if (!floorId.ok) throw new CliUsageError(floorId.message);
  if (kind === 'sensors' || kind === 'routers') {
    const built = thesisSpecOfFloor(snapshot.value, floorId.value, kind, encoding);
    if (!built.ok) throw new CliUsageError(built.message);
    return built.value.spec;
  }
  const built = multiWallSpecOfFloor(snapshot.value, floorId.value, kind === 'joint-mw' ? 'joint' : kind === 'routers-mw' ? 'routers' : 'sensors', encoding);
  if (!built.ok) throw new CliUsageError(built.message);
  return built.value.spec;
}

function numberOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliUsageError(`${flag} must be a number (got "${value}")`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function buildOptimizeRequest(argv: readonly string[]): { request: OptimizationRequest; json: string | undefined } {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      example: { type: 'string' },
      project: { type: 'string' },
      floor: { type: 'string' },
      problem: { type: 'string' },
      objectives: { type: 'string' },
      algorithm: { type: 'string' },
      pop: { type: 'string' },
      gens: { type: 'string' },
      pc: { type: 'string' },
      pm: { type: 'string' },
      indpb: { type: 'string' },
      crossover: { type: 'string' },
      seed: { type: 'string' },
      encoding: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const example = oneOf(values.example, '--example', EXAMPLES);
  if (example && values.project) throw new CliUsageError('give either --example or --project, not both');
  const kind = oneOf(values.problem, '--problem', PROBLEMS) ?? 'sensors';
  const algorithm: AlgorithmName = oneOf(values.algorithm, '--algorithm', ['nsga2', 'spea2', 'nsga3'] as const) ?? 'nsga2';
  const encoding: DeploymentEncoding = oneOf(values.encoding, '--encoding', ['grid', 'sites'] as const) ?? 'sites';
  const deployment = (DEPLOYMENT_KINDS as readonly string[]).includes(kind);
  if (!deployment && (example || values.project)) throw new CliUsageError(`--problem ${kind} is a test problem: it takes no --example or --project`);
  if (values.objectives !== undefined && kind !== 'dtlz1' && kind !== 'dtlz2') throw new CliUsageError('--objectives applies to dtlz1 and dtlz2 only');

  let problem: ProblemSpec;
  if (kind === 'sensors' || kind === 'routers' || kind === 'routers-mw' || kind === 'sensors-mw' || kind === 'joint-mw') {
    const floor = numberOption(values.floor, '--floor');
    if (values.project) problem = loadProblemFromProject(values.project, kind, encoding, floor);
    else if (example && (kind === 'sensors' || kind === 'routers')) problem = thesisOfficeSpec(kind, encoding);
    else if (example) problem = loadProblemFromProject(EXAMPLE_FILE_GETTER(), kind, encoding, floor);
    else throw new CliUsageError(`--problem ${kind} needs a floor: --example thesis-office or --project FILE`);
  } else if (kind === 'dtlz1' || kind === 'dtlz2') {
    problem = { kind, objectives: numberOption(values.objectives, '--objectives') ?? 3 };
  } else {
    problem = { kind };
  }

  const defaults = deployment
    ? THESIS_PARAMETERS
    : { populationSize: 100, generations: 250, crossoverProbability: 0.9, mutationProbability: 1 };
  const indpb = numberOption(values.indpb, '--indpb');
  const parameters: RunParameters = {
    populationSize: numberOption(values.pop, '--pop') ?? defaults.populationSize,
    generations: numberOption(values.gens, '--gens') ?? defaults.generations,
    crossoverProbability: numberOption(values.pc, '--pc') ?? defaults.crossoverProbability,
    mutationProbability: numberOption(values.pm, '--pm') ?? defaults.mutationProbability,
    seed: numberOption(values.seed, '--seed') ?? 1,
    ...(indpb !== undefined ? { geneMutationProbability: indpb } : {}),
    ...(values.crossover !== undefined ? { crossover: oneOf(values.crossover, '--crossover', ['one-point', 'uniform', 'geometric'] as const) } : {}),
  };
  const request: OptimizationRequest = { algorithm, problem, parameters };
  // The same validation as the UI's, so the messages match.
  const valid = validateOptimizationRequest(request);
  if (!valid.ok) throw new CliUsageError(valid.message);
  return { request, json: values.json };
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function printFront(result: OptimizationResult): void {
  const names = result.objectives.map((o) => o.name);
  console.log(
    `${result.algorithm} on ${result.problem}: ${result.front.length} solutions, ${result.evaluations} evaluations, ` +
      `${result.generations} generations, ${result.elapsedMs.toFixed(0)} ms (seed ${result.seed})`,
  );
  const rows = result.front.slice(0, 40);
  console.log(`  ${names.map((n) => n.padStart(13)).join('')}${result.front[0]?.sites.length ? '  sites (x, y) m' : ''}`);
  for (const s of rows) {
    const sites = s.sites.map(([x, y]) => `(${fmt(x)}, ${fmt(y)})`).join(' ');
    console.log(`  ${names.map((n) => fmt(s.objectives[n]).padStart(13)).join('')}  ${sites}`);
  }
  if (result.front.length > rows.length) console.log(`  … ${result.front.length - rows.length} more (see --json)`);
}

export const optimizeCommand: CliCommand = {
  name: 'optimize',
  summary: 'run NSGA-II, SPEA2 or NSGA-III on the example floor or a test problem',
  async run(argv) {
    const { request, json } = buildOptimizeRequest(argv);
    const run = startOptimization(request);
    const outcome = await run.outcome;
    if (!outcome.ok) {
      if (outcome.code === 'invalid-parameters') throw new CliUsageError(outcome.message);
      console.error(`meterplan: the optimisation failed: ${outcome.message}`);
      return 1;
    }
    const result = outcome.result;
    printFront(result);
    const chosen = chooseSolution(result.problem, result.front);
    if (json) {
      const out = path.resolve(json);
      const document = {
        algorithm: result.algorithm,
        problem: result.problem,
        seed: result.seed,
        evaluations: result.evaluations,
        elapsedMs: result.elapsedMs,
        parameters: result.parameters,
        generations: result.generations,
        objectives: result.objectives,
        front: result.front,
        chosen,
        history: result.history,
      };
      writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
      console.log(`wrote ${out}`);
    }
    return 0;
  },
};
