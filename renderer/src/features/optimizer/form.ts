// The optimisation panel's settings: what the user typed (strings, as typed), the thesis preset, and
// the check that mirrors the back end's (shared/optimize/validate.ts) so that an impossible parameter
// is flagged under its field before anything is sent. The back end checks again and has the last word.
import type { AlgorithmName, StartOptimization } from '../../../../shared/api/optimization-api';
import { THESIS_PARAMETERS } from '../../../../shared/optimize/problems/thesis-office';
import type { OptimizationProblem } from './objectives';

export type OptimizationModel = StartOptimization['model'];
export type Encoding = StartOptimization['encoding'];

export interface OptimizerForm {
  readonly problem: OptimizationProblem;
  readonly model: OptimizationModel;
  readonly algorithms: readonly AlgorithmName[];
  readonly encoding: Encoding;
  readonly populationSize: string;
  readonly generations: string;
  readonly crossoverProbability: string;
  readonly mutationProbability: string;
  readonly seed: string;
}

export type NumericField = 'populationSize' | 'generations' | 'crossoverProbability' | 'mutationProbability' | 'seed';
export type FormField = NumericField | 'algorithms';

/** An error under a field: an i18n key under optimizer.errors and its values. */
export interface FieldError {
  readonly key: string;
  readonly values?: Readonly<Record<string, number | string>>;
}
export type FormErrors = Partial<Record<FormField, FieldError>>;

// The same bounds as shared/optimize/validate.ts.
export const MAX_POPULATION = 100_000;
export const MAX_GENERATIONS = 1_000_000;
export const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;

/** §4.7.2 of the thesis: population 80, 100 generations, crossover 0.9, mutation 0.1. */
export function thesisPreset(): Pick<OptimizerForm, 'populationSize' | 'generations' | 'crossoverProbability' | 'mutationProbability'> {
  return {
    populationSize: String(THESIS_PARAMETERS.populationSize),
    generations: String(THESIS_PARAMETERS.generations),
    crossoverProbability: String(THESIS_PARAMETERS.crossoverProbability),
    mutationProbability: String(THESIS_PARAMETERS.mutationProbability),
  };
}

export function isThesisPreset(form: OptimizerForm): boolean {
  const p = thesisPreset();
  return (Object.keys(p) as (keyof typeof p)[]).every((k) => parseNumber(form[k]) === Number(p[k]));
}

export const DEFAULT_FORM: OptimizerForm = {
  problem: 'sensors',
  model: 'thesis',
  algorithms: ['nsga2'],
  encoding: 'grid',
  ...thesisPreset(),
  seed: String(DEFAULT_SEED),
};

/** A number as typed: a decimal comma is accepted (French), blanks are not a number. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

function integerError(value: number, min: number, max: number): FieldError | null {
  if (!Number.isFinite(value)) return { key: 'notANumber' };
  if (!Number.isInteger(value)) return { key: 'notInteger' };
  if (value < min || value > max) return { key: 'outOfRange', values: { min, max } };
  return null;
}

function probabilityError(value: number): FieldError | null {
  if (!Number.isFinite(value)) return { key: 'notANumber' };
  if (value < 0 || value > 1) return { key: 'probability' };
  return null;
}

export type FormCheck = { ok: true; args: Omit<StartOptimization, 'floorId'> } | { ok: false; errors: FormErrors };

export function checkForm(form: OptimizerForm): FormCheck {
  const errors: FormErrors = {};
  const population = parseNumber(form.populationSize);
  const populationError = integerError(population, 2, MAX_POPULATION);
  if (populationError) errors.populationSize = populationError;
  // Children are made in pairs (Deb 2002 §III-C), so the back end wants an even population.
  else if (population % 2 !== 0) errors.populationSize = { key: 'populationEven', values: { below: population - 1, above: population + 1 } };
  const generations = parseNumber(form.generations);
  const generationsError = integerError(generations, 1, MAX_GENERATIONS);
  if (generationsError) errors.generations = generationsError;
  const pc = parseNumber(form.crossoverProbability);
  const pcError = probabilityError(pc);
  if (pcError) errors.crossoverProbability = pcError;
  const pm = parseNumber(form.mutationProbability);
  const pmError = probabilityError(pm);
  if (pmError) errors.mutationProbability = pmError;
  const seed = parseNumber(form.seed);
  const seedError = integerError(seed, 0, MAX_SEED);
  if (seedError) errors.seed = seedError;
  if (form.algorithms.length === 0) errors.algorithms = { key: 'noAlgorithm' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    args: {
      problem: form.problem,
      model: form.model,
      // In the panel's order, whatever order they were ticked in.
      algorithms: (['nsga2', 'spea2', 'nsga3'] as const).filter((a) => form.algorithms.includes(a)),
      encoding: form.encoding,
      populationSize: population,
      generations,
      crossoverProbability: pc,
      mutationProbability: pm,
      seed,
    },
  };
}

/** A fresh seed for the dice button: uniform over the back end's range. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (MAX_SEED + 1));
}
