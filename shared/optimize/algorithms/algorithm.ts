// The ask–tell skeleton shared by the three algorithms (pymoo's GeneticAlgorithm): the first `ask`
// samples the initial population, later ones mate the survivors; `tell` hands back the evaluated
// genomes and runs the algorithm's survival. NSGA-II, SPEA2 and NSGA-III differ only in how parents
// are picked and in survival.
import type { Individual } from '../individual';
import { GenomeSet } from '../operators/duplicates';
import { initialPopulation, mate } from '../operators/mating';
import type { Variation } from '../operators/variation';
import { variationFor } from '../operators/variation';
import type { AnyProblem, Genome } from '../problem';
import { Random } from '../random';
import type { AlgorithmName, AlgorithmParameters } from './parameters';

export interface Algorithm {
  readonly name: AlgorithmName;
  /** Genomes to evaluate next (the initial population on the first call). */
  ask(): Genome[];
  /** The evaluated genomes of the last `ask`, in the same order. */
  tell(evaluated: readonly Individual[]): void;
  /** What survives the generation: the population (NSGA-II, NSGA-III) or the archive (SPEA2). */
  survivors(): readonly Individual[];
  /** The non-dominated survivors (constraint domination): the current approximation of the front. */
  front(): readonly Individual[];
}

export abstract class GeneticAlgorithm implements Algorithm {
  abstract readonly name: AlgorithmName;
  protected readonly rng: Random;
  protected readonly variation: Variation;
  protected started = false;

  constructor(
    protected readonly problem: AnyProblem,
    protected readonly params: AlgorithmParameters,
  ) {
    this.rng = new Random(params.seed);
    this.variation = variationFor(problem, params);
  }

  ask(): Genome[] {
    const seen = this.params.eliminateDuplicates === false ? null : new GenomeSet();
    if (!this.started) {
      this.started = true;
      return initialPopulation(this.params.populationSize, this.variation, seen, this.rng);
    }
    const pool = this.matingPool();
    if (seen) for (const s of this.survivors()) seen.add(s.x);
    return mate(
      () => pool[this.selectParent()].x,
      this.variation,
      {
        count: this.params.populationSize,
        crossoverProbability: this.params.crossoverProbability,
        mutationProbability: this.params.mutationProbability,
        seen,
      },
      this.rng,
    );
  }

  abstract tell(evaluated: readonly Individual[]): void;
  abstract survivors(): readonly Individual[];
  abstract front(): readonly Individual[];
  /** The individuals parents are drawn from. */
  protected abstract matingPool(): readonly Individual[];
  /** Index into matingPool() of one parent. */
  protected abstract selectParent(): number;
}
