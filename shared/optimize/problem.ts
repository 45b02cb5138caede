// The problem contract of the optimisation engine (pymoo's `Problem`, ../../shared/DESIGN.md §3.3).
// A problem declares its encoding, its objectives (names and directions) and its constraints, and
// evaluates one candidate into caller-owned typed arrays: the algorithms call `evaluate` millions of
// times, so it must not allocate per call (keep scratch buffers inside the problem object).
//
// Conventions every algorithm relies on:
// - objective values are written in their natural units and direction (a coverage of 96.25 % is
//   written as 96.25 for a 'maximize' objective); the engine negates maximised objectives itself;
// - each constraint writes a violation amount ≥ 0, 0 meaning satisfied (Deb 2000's constraint
//   domination compares the sum of the violations);
// - genomes are typed arrays, one type per encoding kind (below), and are never mutated in place
//   once evaluated: operators return new arrays.

/** Real vector, each variable within [lower[i], upper[i]]. Genome: Float64Array. */
export interface RealEncoding {
  readonly kind: 'real';
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Fixed-length bit vector (the thesis's binary grid, one bit per candidate site). Genome: Uint8Array of 0/1. */
export interface BinaryEncoding {
  readonly kind: 'binary';
  readonly length: number;
}

/**
 * Compressed sparse rows: the items of row r are `items[offsets[r] .. offsets[r + 1])`.
 * Used for site → neighbouring sites and site → covered cells tables.
 */
export interface CsrTable {
  /** length = rows + 1, offsets[0] = 0, non-decreasing */
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/**
 * A set of candidate-site indices in [0, siteCount). Genome: Int32Array, sorted ascending, no
 * duplicates, length = number of chosen sites. Scales to large floors where a bit per site would not.
 */
export interface PlacementSetEncoding {
  readonly kind: 'placement-set';
  readonly siteCount: number;
  /** site → nearby sites, for move-to-neighbour mutations (e.g. the 8 surrounding cells). */
  readonly neighbours: CsrTable;
  /**
   * Optional site positions, x and y interleaved (length 2 × siteCount), in any consistent unit:
   * enables the geometric crossover, which cuts the plan along a random line.
   */
  readonly positions?: Float64Array;
  /** Bounds on the number of chosen sites (defaults 0 and siteCount). */
  readonly minSites?: number;
  readonly maxSites?: number;
}

export type Encoding = RealEncoding | BinaryEncoding | PlacementSetEncoding;

/** The genome type of each encoding kind. */
export type Genome = Float64Array | Uint8Array | Int32Array;
export type GenomeOf<E extends Encoding> = E extends RealEncoding
  ? Float64Array
  : E extends BinaryEncoding
    ? Uint8Array
    : Int32Array;

export type ObjectiveDirection = 'minimize' | 'maximize';

export interface ObjectiveSpec {
  /** Key used in results and JSON, e.g. 'cost', 'coverage', 'f1'. */
  readonly name: string;
  readonly direction: ObjectiveDirection;
  /** Display unit, e.g. '%' or 'units'; empty when dimensionless. */
  readonly unit?: string;
  /**
   * The range the objective can take, in natural units: `best` is the ideal value and `worst` the
   * value used as the hypervolume reference. Indicators normalise with it so that a front's
   * hypervolume is a share of [0, 1]. When absent the indicators fall back to the observed range.
   */
  readonly best?: number;
  readonly worst?: number;
}

export interface ConstraintSpec {
  readonly name: string;
}

export interface Problem<E extends Encoding = Encoding> {
  /** Short identifier, e.g. 'zdt1', 'sensors'. */
  readonly name: string;
  readonly encoding: E;
  readonly objectives: readonly ObjectiveSpec[];
  readonly constraints: readonly ConstraintSpec[];
  /**
   * Writes objectives.length = this.objectives.length values and violations.length =
   * this.constraints.length amounts (≥ 0). Must not keep references to the arrays.
   */
  evaluate(x: GenomeOf<E>, objectives: Float64Array, violations: Float64Array): void;
  /**
   * Optional problem-specific initial sampling (e.g. a density-aware placement). When absent the
   * engine samples uniformly for the encoding. `random()` returns a uniform double in [0, 1).
   */
  sample?(random: () => number): GenomeOf<E>;
  /** Deployment problems: the chosen sites as [x, y] in metres from the plan origin. */
  sitesOf?(x: GenomeOf<E>): Array<[number, number]>;
  /** Problems placing several kinds of device (the joint problem): the kind of each of `sitesOf`'s sites. */
  siteKindsOf?(x: GenomeOf<E>): Array<'sensor' | 'router'>;
}

/** A problem whose encoding kind is not known statically (what the registry and the runner hold). */
export type AnyProblem = Problem<RealEncoding> | Problem<BinaryEncoding> | Problem<PlacementSetEncoding>;

/** +1 for minimised objectives, −1 for maximised: the engine minimises sign × value. */
export function objectiveSigns(objectives: readonly ObjectiveSpec[]): Float64Array {
  return Float64Array.from(objectives, (o) => (o.direction === 'minimize' ? 1 : -1));
}
