// SPEA2 (Zitzler, Laumanns & Thiele 2001): each generation, fitness (strength, raw fitness, k-th
// nearest-neighbour density) over population ∪ archive, environmental selection into a fixed-size
// archive with truncation, binary tournament on fitness over the archive for mating.
// Distances are taken in objective space normalised by the union's per-objective range, so that
// objectives in different units (sensors vs. percentages) weigh alike; on the test problems, whose
// objectives share one scale, this changes little.
import type { Individual } from '../individual';
import { binaryTournament } from '../operators/selection';
import { survivalCandidates } from '../survival/objective-duplicates';
import { spea2EnvironmentalSelection, spea2Fitness } from '../survival/spea2-fitness';
import { GeneticAlgorithm } from './algorithm';

export class Spea2 extends GeneticAlgorithm {
  readonly name = 'spea2' as const;
  private archive: Individual[] = [];
  private archiveFitness: Float64Array = new Float64Array(0);

  tell(evaluated: readonly Individual[]): void {
    // Archive first, so that of equal objective vectors the older member is the one kept.
    const all = this.archive.concat(evaluated);
    const union = survivalCandidates(
      all.map((s) => s.f),
      all.map((s) => s.violation),
      this.params.archiveSize ?? this.params.populationSize,
    ).map((i) => all[i]);
    const fitness = spea2Fitness(
      normalizeByRange(union.map((s) => s.f)),
      union.map((s) => s.violation),
    );
    const selected = spea2EnvironmentalSelection(fitness.fitness, fitness.distance, this.params.archiveSize ?? this.params.populationSize);
    this.archive = selected.map((i) => union[i]);
    this.archiveFitness = Float64Array.from(selected, (i) => fitness.fitness[i]);
  }

  survivors(): readonly Individual[] {
    return this.archive;
  }

  /** Archive members with fitness < 1, i.e. not dominated by any member of population ∪ archive. */
  front(): readonly Individual[] {
    return this.archive.filter((_, i) => this.archiveFitness[i] < 1);
  }

  protected matingPool(): readonly Individual[] {
    return this.archive;
  }

  /** Binary tournament with replacement on the archive, lower fitness wins (§3.1, step 5). */
  protected selectParent(): number {
    const f = this.archiveFitness;
    return binaryTournament(this.archive.length, (a, b) => (f[a] < f[b] ? 1 : f[a] > f[b] ? -1 : 0), this.rng);
  }
}

/** Each objective mapped to [0, 1] by its min and max over the set (constant objectives to 0). */
export function normalizeByRange(F: readonly Float64Array[]): Float64Array[] {
  if (F.length === 0) return [];
  const m = F[0].length;
  const lo = new Float64Array(m).fill(Infinity);
  const hi = new Float64Array(m).fill(-Infinity);
  for (const f of F) {
    for (let k = 0; k < m; k++) {
      if (f[k] < lo[k]) lo[k] = f[k];
      if (f[k] > hi[k]) hi[k] = f[k];
    }
  }
  return F.map((f) => f.map((v, k) => (hi[k] > lo[k] ? (v - lo[k]) / (hi[k] - lo[k]) : 0)));
}
