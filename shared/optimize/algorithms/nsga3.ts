// NSGA-III (Deb & Jain 2014): Das–Dennis reference points (two layers for many objectives), mating by
// random selection — with Jain & Deb's (2014, part II) feasibility tournament when constraints are
// violated — and reference-point niching survival on parents ∪ offspring.
import type { Individual } from '../individual';
import type { AnyProblem } from '../problem';
import { binaryTournament } from '../operators/selection';
import type { NormalizationMemory } from '../survival/nsga3-niching';
import { nsga3Survival } from '../survival/nsga3-niching';
import { survivalCandidates } from '../survival/objective-duplicates';
import { defaultDivisions, referenceDirections } from '../survival/reference-directions';
import { GeneticAlgorithm } from './algorithm';
import type { AlgorithmParameters } from './parameters';

export class Nsga3 extends GeneticAlgorithm {
  readonly name = 'nsga3' as const;
  readonly references: Float64Array[];
  private population: Individual[] = [];
  private firstFrontSize = 0;
  private normalization: NormalizationMemory | undefined;

  constructor(problem: AnyProblem, params: AlgorithmParameters) {
    super(problem, params);
    const m = problem.objectives.length;
    this.references = referenceDirections(m, params.referenceDivisions ?? defaultDivisions(m, params.populationSize));
  }

  tell(evaluated: readonly Individual[]): void {
    const all = this.population.concat(evaluated);
    const merged = survivalCandidates(
      all.map((s) => s.f),
      all.map((s) => s.violation),
      this.params.populationSize,
    ).map((i) => all[i]);
    const { selected, firstFrontSize, memory } = nsga3Survival(
      merged.map((s) => s.f),
      merged.map((s) => s.violation),
      this.params.populationSize,
      this.references,
      this.rng,
      this.normalization,
    );
    this.normalization = memory;
    this.population = selected.map((i) => merged[i]);
    this.firstFrontSize = firstFrontSize;
  }

  survivors(): readonly Individual[] {
    return this.population;
  }

  front(): readonly Individual[] {
    return this.population.slice(0, this.firstFrontSize);
  }

  protected matingPool(): readonly Individual[] {
    return this.population;
  }

  /** Less violation wins; between feasible solutions the pick is random (a tie). */
  protected selectParent(): number {
    const p = this.population;
    return binaryTournament(p.length, (a, b) => p[b].violation - p[a].violation, this.rng);
  }
}
