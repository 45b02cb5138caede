// NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002): crowded binary tournament on (rank, crowding
// distance) for mating, elitist (μ + λ) survival of parents ∪ offspring by non-dominated sorting and
// crowding distance, constraint domination throughout.
import type { Individual } from '../individual';
import { binaryTournament } from '../operators/selection';
import { survivalCandidates } from '../survival/objective-duplicates';
import { rankAndCrowdingSurvival } from '../survival/rank-and-crowding';
import { GeneticAlgorithm } from './algorithm';

export class Nsga2 extends GeneticAlgorithm {
  readonly name = 'nsga2' as const;
  private population: Individual[] = [];
  private rank: Int32Array = new Int32Array(0);
  private crowding: Float64Array = new Float64Array(0);

  tell(evaluated: readonly Individual[]): void {
    const all = this.population.concat(evaluated);
    const merged = survivalCandidates(
      all.map((s) => s.f),
      all.map((s) => s.violation),
      this.params.populationSize,
    ).map((i) => all[i]);
    const survival = rankAndCrowdingSurvival(
      merged.map((s) => s.f),
      merged.map((s) => s.violation),
      this.params.populationSize,
    );
    this.population = survival.selected.map((i) => merged[i]);
    this.rank = survival.rank;
    this.crowding = survival.crowding;
  }

  survivors(): readonly Individual[] {
    return this.population;
  }

  front(): readonly Individual[] {
    return this.population.filter((_, i) => this.rank[i] === 0);
  }

  protected matingPool(): readonly Individual[] {
    return this.population;
  }

  /** Crowded-comparison operator ≺_n (Deb et al. 2002, §III-C): lower rank, then larger distance. */
  protected selectParent(): number {
    return binaryTournament(
      this.population.length,
      (a, b) => this.rank[b] - this.rank[a] || (this.crowding[a] > this.crowding[b] ? 1 : this.crowding[a] < this.crowding[b] ? -1 : 0),
      this.rng,
    );
  }
}
