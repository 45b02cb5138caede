// Operators for the placement-set encoding: a genome is a sorted Int32Array of distinct candidate-site
// indices. Everything here costs O(sites chosen), not O(candidate sites), which is what lets large
// floors (10,000 cells) optimise in seconds where a bit per cell would not.
import type { PlacementSetEncoding } from '../problem';
import type { Random } from '../random';

/** `count` distinct sites drawn uniformly from [0, siteCount) (Floyd's algorithm), sorted. */
export function sampleSites(siteCount: number, count: number, rng: Random): Int32Array {
  const k = Math.max(0, Math.min(count, siteCount));
  const chosen = new Set<number>();
  for (let j = siteCount - k; j < siteCount; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}

/** Index of `site` in the sorted genome, or −1. */
export function indexOfSite(x: Int32Array, site: number): number {
  let lo = 0;
  let hi = x.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = x[mid];
    if (v === site) return mid;
    if (v < site) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * One-point crossover on the site order: child 1 takes parent a's sites below a random cut and
 * parent b's from the cut on, child 2 the reverse. Identical to the thesis's one-point crossover on
 * the row-major binary grid (cut in [1, siteCount − 1]), computed on the sets.
 */
export function setOnePointCrossover(a: Int32Array, b: Int32Array, siteCount: number, rng: Random): [Int32Array, Int32Array] {
  if (siteCount < 2) return [a, b];
  const cut = 1 + rng.int(siteCount - 1);
  const ia = lowerBound(a, cut);
  const ib = lowerBound(b, cut);
  const c1 = new Int32Array(ia + (b.length - ib));
  c1.set(a.subarray(0, ia), 0);
  c1.set(b.subarray(ib), ia);
  const c2 = new Int32Array(ib + (a.length - ia));
  c2.set(b.subarray(0, ib), 0);
  c2.set(a.subarray(ia), ib);
  return [c1, c2];
}

/**
 * Uniform set crossover: sites shared by both parents go to both children; each site held by one
 * parent only goes to child 1 or child 2 with probability 1/2 (uniform crossover on the bit vector).
 */
export function setUniformCrossover(a: Int32Array, b: Int32Array, rng: Random): [Int32Array, Int32Array] {
  const c1: number[] = [];
  const c2: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      if (rng.random() < 0.5) c2.push(a[i]);
      else c1.push(a[i]);
      i++;
    } else if (i >= a.length || b[j] < a[i]) {
      if (rng.random() < 0.5) c1.push(b[j]);
      else c2.push(b[j]);
      j++;
    } else {
      c1.push(a[i]);
      c2.push(a[i]);
      i++;
      j++;
    }
  }
  return [Int32Array.from(c1), Int32Array.from(c2)];
}

/**
 * Geometric crossover for placements on a plan: a random straight line (uniform direction, through a
 * random candidate site) cuts the plan in two; child 1 takes parent a's sites on one side and b's on
 * the other, child 2 the reverse. It keeps spatially coherent groups of devices together, as one-point
 * crossover on a row-major grid does along rows only, in every direction.
 */
export function setGeometricCrossover(a: Int32Array, b: Int32Array, positions: Float64Array, rng: Random): [Int32Array, Int32Array] {
  const angle = rng.random() * Math.PI;
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const anchor = rng.int(positions.length / 2);
  const cut = nx * positions[2 * anchor] + ny * positions[2 * anchor + 1];
  const split = (x: Int32Array): [Int32Array, Int32Array] => {
    const lo = new Int32Array(x.length);
    const hi = new Int32Array(x.length);
    let nLo = 0;
    let nHi = 0;
    for (let i = 0; i < x.length; i++) {
      const s = x[i];
      if (nx * positions[2 * s] + ny * positions[2 * s + 1] < cut) lo[nLo++] = s;
      else hi[nHi++] = s;
    }
    return [lo.subarray(0, nLo), hi.subarray(0, nHi)];
  };
  const [aBelow, aAbove] = split(a);
  const [bBelow, bAbove] = split(b);
  return [mergeSorted(aBelow, bAbove), mergeSorted(bBelow, aAbove)];
}

/** Union of two sorted site lists without common elements, sorted. */
function mergeSorted(x: Int32Array, y: Int32Array): Int32Array {
  const out = new Int32Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length && j < y.length) out[k++] = x[i] < y[j] ? x[i++] : y[j++];
  while (i < x.length) out[k++] = x[i++];
  while (j < y.length) out[k++] = y[j++];
  return out;
}

export type SetMove = 'add' | 'remove' | 'move';

/**
 * Placement-set mutation: `steps` moves, each chosen uniformly among those the bounds allow:
 * add a random free site, remove a random chosen site, or move a chosen site to a free neighbour
 * (from the encoding's neighbour table). Returns a new genome.
 */
export function mutateSites(x: Int32Array, encoding: PlacementSetEncoding, steps: number, rng: Random): Int32Array {
  let y = x;
  const minSites = encoding.minSites ?? 0;
  const maxSites = encoding.maxSites ?? encoding.siteCount;
  for (let s = 0; s < steps; s++) {
    const canAdd = y.length < maxSites && y.length < encoding.siteCount;
    const canRemove = y.length > minSites;
    const canMove = y.length > 0;
    // Weights: move 2, add 1, remove 1 (moves refine a layout at constant cost; add and remove
    // travel along the cost axis of the front).
    const total = (canAdd ? 1 : 0) + (canRemove ? 1 : 0) + (canMove ? 2 : 0);
    if (total === 0) break;
    let pick = rng.int(total);
    if (canAdd && pick-- === 0) y = addRandomSite(y, encoding.siteCount, rng);
    else if (canRemove && pick-- === 0) y = removeAt(y, rng.int(y.length));
    else y = moveToNeighbour(y, encoding, rng);
  }
  return y === x ? Int32Array.from(x) : y;
}

/** Adds one uniformly chosen free site (rejection sampling; falls back to a scan when the set is dense). */
export function addRandomSite(x: Int32Array, siteCount: number, rng: Random): Int32Array {
  let site = -1;
  for (let attempt = 0; attempt < 16 && site < 0; attempt++) {
    const t = rng.int(siteCount);
    if (indexOfSite(x, t) < 0) site = t;
  }
  if (site < 0) {
    // Dense set: pick the r-th free site.
    let r = rng.int(siteCount - x.length);
    for (let t = 0, i = 0; t < siteCount; t++) {
      if (i < x.length && x[i] === t) i++;
      else if (r-- === 0) {
        site = t;
        break;
      }
    }
  }
  return site < 0 ? x : insertSite(x, site);
}

/** Moves a random chosen site to a random free neighbour; unchanged when that site has none. */
export function moveToNeighbour(x: Int32Array, encoding: PlacementSetEncoding, rng: Random): Int32Array {
  const at = rng.int(x.length);
  const from = x[at];
  const { offsets, items } = encoding.neighbours;
  const start = offsets[from];
  const count = offsets[from + 1] - start;
  if (count === 0) return x;
  const first = rng.int(count);
  for (let k = 0; k < count; k++) {
    const to = items[start + ((first + k) % count)];
    if (indexOfSite(x, to) < 0) return insertSite(removeAt(x, at), to);
  }
  return x;
}

export function insertSite(x: Int32Array, site: number): Int32Array {
  const at = lowerBound(x, site);
  const y = new Int32Array(x.length + 1);
  y.set(x.subarray(0, at), 0);
  y[at] = site;
  y.set(x.subarray(at), at + 1);
  return y;
}

export function removeAt(x: Int32Array, at: number): Int32Array {
  const y = new Int32Array(x.length - 1);
  y.set(x.subarray(0, at), 0);
  y.set(x.subarray(at + 1), at);
  return y;
}

/** First index i with x[i] ≥ value. */
function lowerBound(x: Int32Array, value: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
