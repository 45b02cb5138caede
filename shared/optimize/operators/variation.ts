// The variation of one encoding — sampling, crossover, mutation — chosen from the problem's encoding
// and the run's parameters, so that the algorithms handle genomes without knowing their type.
import type { AnyProblem, Genome } from '../problem';
import type { Random } from '../random';
import { bitFlipMutation, onePointCrossover, sampleBits, uniformCrossover } from './binary';
import { mutateSites, sampleSites, setGeometricCrossover, setOnePointCrossover, setUniformCrossover } from './placement-set';
import { polynomialMutation, sampleReal, simulatedBinaryCrossover } from './real';

export type CrossoverKind = 'one-point' | 'uniform' | 'geometric';

export interface VariationOptions {
  /**
   * Binary and placement-set crossover (real vectors always use SBX). Default: 'one-point' (the
   * thesis's) for bit vectors, 'geometric' for placement sets with site positions.
   */
  readonly crossover?: CrossoverKind;
  /**
   * Per-gene mutation probability inside a mutated individual (DEAP's indpb): per variable for
   * polynomial mutation, per bit for bit-flip. Default 1/n. Unused by placement sets.
   */
  readonly geneMutationProbability?: number;
  /** SBX and polynomial-mutation distribution indices (Deb et al. 2002 used 20 and 20). */
  readonly sbxEta?: number;
  readonly mutationEta?: number;
}

export interface Variation {
  sample(rng: Random): Genome;
  crossover(a: Genome, b: Genome, rng: Random): [Genome, Genome];
  /** A mutated copy (the caller decides with the per-individual probability whether to mutate). */
  mutate(x: Genome, rng: Random): Genome;
}

export function variationFor(problem: AnyProblem, options: VariationOptions = {}): Variation {
  switch (problem.encoding.kind) {
    case 'real': {
      const p = problem as Extract<AnyProblem, { encoding: { kind: 'real' } }>;
      const enc = p.encoding;
      const n = enc.lower.length;
      const geneP = options.geneMutationProbability ?? 1 / n;
      const etaC = options.sbxEta ?? 20;
      const etaM = options.mutationEta ?? 20;
      return {
        sample: (rng) => (p.sample ? p.sample(rng.uniform) : sampleReal(enc, rng)),
        crossover: (a, b, rng) => simulatedBinaryCrossover(a as Float64Array, b as Float64Array, enc, etaC, rng),
        mutate: (x, rng) => polynomialMutation(x as Float64Array, enc, etaM, geneP, rng),
      };
    }
    case 'binary': {
      const p = problem as Extract<AnyProblem, { encoding: { kind: 'binary' } }>;
      const n = p.encoding.length;
      const geneP = options.geneMutationProbability ?? 1 / n;
      const cross = options.crossover === 'uniform' ? uniformCrossover : onePointCrossover;
      return {
        // Default sampling: a per-individual density drawn uniformly, so the initial population
        // spans sparse to dense solutions instead of clustering around n/2 set bits.
        sample: (rng) => (p.sample ? p.sample(rng.uniform) : sampleBits(n, rng.random(), rng)),
        crossover: (a, b, rng) => cross(a as Uint8Array, b as Uint8Array, rng),
        mutate: (x, rng) => bitFlipMutation(x as Uint8Array, geneP, rng),
      };
    }
    case 'placement-set': {
      const p = problem as Extract<AnyProblem, { encoding: { kind: 'placement-set' } }>;
      const enc = p.encoding;
      const minSites = enc.minSites ?? 0;
      const maxSites = enc.maxSites ?? enc.siteCount;
      // Default: the geometric cut when the problem gives site positions (deployment problems).
      const setCrossover = options.crossover ?? (enc.positions ? 'geometric' : 'one-point');
      return {
        sample: (rng) => (p.sample ? p.sample(rng.uniform) : sampleSites(enc.siteCount, minSites + rng.int(maxSites - minSites + 1), rng)),
        crossover: (a, b, rng) =>
          setCrossover === 'uniform'
            ? setUniformCrossover(a as Int32Array, b as Int32Array, rng)
            : setCrossover === 'geometric' && enc.positions
              ? setGeometricCrossover(a as Int32Array, b as Int32Array, enc.positions, rng)
              : setOnePointCrossover(a as Int32Array, b as Int32Array, enc.siteCount, rng),
        // One move per mutation: with the move-to-neighbour weight (placement-set.ts) this refines
        // layouts best on the thesis case (measured over 40 seeds against 1 + geometric(½) moves).
        mutate: (x, rng) => mutateSites(x as Int32Array, enc, 1, rng),
      };
    }
  }
}
