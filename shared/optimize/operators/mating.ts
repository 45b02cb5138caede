// Mating: select parents, cross them with probability pc, mutate each child with probability pm
// (the thesis's / DEAP's CXPB and MUTPB, per pair and per individual), and — when duplicates are
// eliminated — mutate again any child that copies a survivor or an earlier child, up to a few times.
import type { Genome } from '../problem';
import type { Random } from '../random';
import type { GenomeSet } from './duplicates';
import type { Variation } from './variation';

export interface MatingOptions {
  readonly count: number;
  readonly crossoverProbability: number;
  readonly mutationProbability: number;
  /** Genomes that count as duplicates (the survivors); the children are added to it. Null: keep duplicates. */
  readonly seen: GenomeSet | null;
}

const DUPLICATE_RETRIES = 8;

export function mate(pickParent: () => Genome, variation: Variation, options: MatingOptions, rng: Random): Genome[] {
  const children: Genome[] = [];
  while (children.length < options.count) {
    const a = pickParent();
    const b = pickParent();
    const pair = rng.random() < options.crossoverProbability ? variation.crossover(a, b, rng) : [a, b];
    for (let c of pair) {
      if (children.length >= options.count) break;
      if (rng.random() < options.mutationProbability) c = variation.mutate(c, rng);
      if (options.seen) {
        for (let retry = 0; retry < DUPLICATE_RETRIES && options.seen.has(c); retry++) c = variation.mutate(c, rng);
        options.seen.add(c);
      }
      children.push(c);
    }
  }
  return children;
}

/** Initial population of `count` samples, re-sampling duplicates a few times when eliminating them. */
export function initialPopulation(count: number, variation: Variation, seen: GenomeSet | null, rng: Random): Genome[] {
  const out: Genome[] = [];
  for (let i = 0; i < count; i++) {
    let x = variation.sample(rng);
    if (seen) {
      for (let retry = 0; retry < DUPLICATE_RETRIES && seen.has(x); retry++) x = variation.sample(rng);
      seen.add(x);
    }
    out.push(x);
  }
  return out;
}
