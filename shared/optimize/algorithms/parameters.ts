// Parameters shared by the three algorithms. Probabilities follow the thesis's DEAP loop (§4.6.5):
// pc per pair of parents (CXPB), pm per individual (MUTPB); inside a mutated individual each gene
// changes with `geneMutationProbability` (DEAP's indpb; the thesis used 0.1, the default here is 1/n).
import type { CrossoverKind } from '../operators/variation';

export const ALGORITHM_NAMES = ['nsga2', 'spea2', 'nsga3'] as const;
export type AlgorithmName = (typeof ALGORITHM_NAMES)[number];

export interface AlgorithmParameters {
  /** N: offspring per generation and, for NSGA-II/III, the population size. Even (children come in pairs). */
  readonly populationSize: number;
  /** pc: probability that a selected pair is crossed. */
  readonly crossoverProbability: number;
  /** pm: probability that a child is mutated. */
  readonly mutationProbability: number;
  /** Seed of the xoshiro128** generator (a 32-bit unsigned integer). */
  readonly seed: number;
  readonly geneMutationProbability?: number;
  /** Binary and placement-set crossover; default 'one-point' (the thesis's). */
  readonly crossover?: CrossoverKind;
  /** Re-mutate children that copy a survivor or a sibling (pymoo's default). Default true. */
  readonly eliminateDuplicates?: boolean;
  /** SPEA2 archive size N̄; default N. */
  readonly archiveSize?: number;
  /** NSGA-III Das–Dennis divisions, [p] or [p_outer, p_inner]; default from N and M. */
  readonly referenceDivisions?: readonly number[];
  readonly sbxEta?: number;
  readonly mutationEta?: number;
}
