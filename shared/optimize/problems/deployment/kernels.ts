// The inner loops of the deployment problems, allocation-free: they read the floor's tables and keep
// per-cell and per-site scratch arrays with epoch stamps, so one evaluation costs what the chosen
// devices reach, not the size of the floor.
import type { CsrTable } from '../../problem';
import type { NetworkTables } from './link-tables';
import type { WeightedCsr } from './weighted-csr';

class Stamps {
  readonly stamp: Uint32Array;
  epoch = 0;

  constructor(size: number) {
    this.stamp = new Uint32Array(size);
  }

  next(): number {
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}

/**
 * Coverage of the monitored cells by chosen sensors (thesis eq. 2.11–2.12 and 2.4–2.5 for binary
 * disks; joint probability 1 − Π(1 − p) against a threshold for probabilistic models).
 */
export class CoverageCounter {
  private readonly stamps: Stamps;
  private readonly degree: Int32Array;
  private readonly logMiss: Float64Array;
  private readonly touched: Int32Array;
  /** log(1 − p) per table entry, −Infinity for certain detection: computed once, not per evaluation. */
  private readonly entryLogMiss: Float64Array;
  private touchedCount = 0;
  /** Cells covered (joint probability ≥ threshold, or degree ≥ k for k ≥ 2) and cells with degree ≥ 2. */
  covered = 0;
  overCovered = 0;

  constructor(
    cellCount: number,
    private readonly table: WeightedCsr,
    private readonly threshold: number,
    private readonly k: number,
  ) {
    this.stamps = new Stamps(cellCount);
    this.degree = new Int32Array(cellCount);
    this.logMiss = new Float64Array(cellCount);
    this.touched = new Int32Array(cellCount);
    this.entryLogMiss = Float64Array.from(table.values, (p) => (p >= 1 ? -Infinity : Math.log1p(-p)));
  }

  reset(): void {
    this.stamps.next();
    this.touchedCount = 0;
  }

  add(site: number): void {
    const { offsets, items, values } = this.table;
    const stamp = this.stamps.stamp;
    const epoch = this.stamps.epoch;
    for (let e = offsets[site], end = offsets[site + 1]; e < end; e++) {
      const c = items[e];
      if (stamp[c] !== epoch) {
        stamp[c] = epoch;
        this.degree[c] = 0;
        this.logMiss[c] = 0;
        this.touched[this.touchedCount++] = c;
      }
      if (values[e] >= this.threshold) this.degree[c]++;
      // log(1 − p) is −Infinity for a certain detection, which makes the joint probability exactly 1.
      this.logMiss[c] += this.entryLogMiss[e];
    }
  }

  /** Sets `covered` and `overCovered`. */
  finish(): void {
    let covered = 0;
    let over = 0;
    const k = this.k;
    for (let i = 0; i < this.touchedCount; i++) {
      const c = this.touched[i];
      const degree = this.degree[c];
      if (k >= 2 ? degree >= k : 1 - Math.exp(this.logMiss[c]) >= this.threshold) covered++;
      if (degree >= 2) over++;
    }
    this.covered = covered;
    this.overCovered = over;
  }
}

/** Distinct cells reached by chosen devices (the thesis's area connectivity, eq. 2.16–2.17). */
export class ReachCounter {
  private readonly stamps: Stamps;
  reached = 0;

  constructor(cellCount: number) {
    this.stamps = new Stamps(cellCount);
  }

  reset(): void {
    this.stamps.next();
    this.reached = 0;
  }

  /** Adds row `site` of `table`; items at or above `limit` are skipped. */
  add(table: CsrTable, site: number, limit = Infinity): void {
    const { offsets, items } = table;
    const stamp = this.stamps.stamp;
    const epoch = this.stamps.epoch;
    for (let e = offsets[site], end = offsets[site + 1]; e < end; e++) {
      const c = items[e];
      if (c >= limit) continue;
      if (stamp[c] !== epoch) {
        stamp[c] = epoch;
        this.reached++;
      }
    }
  }
}

/**
 * The routers chosen in one evaluation and how they connect to the gateway: breadth-first search over
 * the chosen routers with the router ↔ router path-loss matrix, from the routers that link to the
 * gateway (hop 1). O(chosen²) reads, whatever the floor's size. In 'star' topology every chosen router
 * is taken as connected (its backhaul is not planned here).
 */
export class RouterNetwork {
  private readonly chosen: Int32Array;
  private chosenCount = 0;
  private readonly reached: Stamps;
  readonly hops: Int32Array;
  private readonly queue: Int32Array;
  connectedCount = 0;

  constructor(
    private readonly net: NetworkTables,
    private readonly star: boolean,
  ) {
    const n = net.routerCount;
    this.chosen = new Int32Array(n);
    this.reached = new Stamps(n);
    this.hops = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  /** Starts an evaluation with the router sites `sites[from..to) − offset`. */
  set(sites: ArrayLike<number>, from = 0, to = sites.length, offset = 0): void {
    this.chosenCount = 0;
    for (let i = from; i < to; i++) this.chosen[this.chosenCount++] = sites[i] - offset;
    const reached = this.reached.stamp;
    const epoch = this.reached.next();
    const R = this.net.routerCount;
    const rr = this.net.routerRouterPl;
    let tail = 0;
    for (let i = 0; i < this.chosenCount; i++) {
      const r = this.chosen[i];
      if (reached[r] === epoch) continue;
      if (this.star || this.net.routerGatewayPl[r] !== Infinity) {
        reached[r] = epoch;
        this.hops[r] = 1;
        this.queue[tail++] = r;
      }
    }
    if (!this.star) {
      for (let head = 0; head < tail; head++) {
        const u = this.queue[head];
        const row = u * R;
        for (let i = 0; i < this.chosenCount; i++) {
          const v = this.chosen[i];
          if (reached[v] === epoch || rr[row + v] === Infinity) continue;
          reached[v] = epoch;
          this.hops[v] = this.hops[u] + 1;
          this.queue[tail++] = v;
        }
      }
    }
    this.connectedCount = tail;
  }

  /** Chosen and connected to the gateway (any chosen router in star topology). */
  isConnected(site: number): boolean {
    return this.reached.stamp[site] === this.reached.epoch;
  }

  /** The i-th connected router of the last search, in search order (hops ascending). */
  connected(i: number): number {
    return this.queue[i];
  }
}

/** The smallest level whose limit reaches `pathLossDb` (limits ascending), or −1. */
export function levelFor(limits: Float64Array, pathLossDb: number): number {
  for (let l = 0; l < limits.length; l++) if (pathLossDb <= limits[l]) return l;
  return -1;
}

export interface SensorLink {
  /** Connected parents in reach (for k-connectivity). */
  parents: number;
  /** Lowest transmit level reaching a connected parent, −1 when none. */
  level: number;
  /** Path loss to that parent (Infinity when none); the parent is a router site, or −1 for the gateway. */
  pathLossDb: number;
  parent: number;
}

/** How the sensor at radio point `point` links to the chosen, connected routers and the gateway. */
export function linkSensor(net: NetworkTables, routers: RouterNetwork, point: number, out: SensorLink): void {
  let parents = 0;
  let level = -1;
  let pl = Infinity;
  let parent = -1;
  const gw = net.pointGatewayPl[point];
  if (gw !== Infinity) {
    parents++;
    level = levelFor(net.sensorLevelMaxPl.gateway, gw);
    pl = gw;
  }
  const row = point * net.routerCount;
  const limits = net.sensorLevelMaxPl.router;
  for (let i = 0; i < routers.connectedCount; i++) {
    const r = routers.connected(i);
    const loss = net.pointRouterPl[row + r];
    if (loss === Infinity) continue;
    parents++;
    const l = levelFor(limits, loss);
    if (level < 0 || l < level || (l === level && loss < pl)) {
      level = l;
      pl = loss;
      parent = r;
    }
  }
  out.parents = parents;
  out.level = level;
  out.pathLossDb = pl;
  out.parent = parent;
}

/** Number of set bits in a 32-bit word. */
export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A uniformly drawn subset of 1..maxCount distinct sites of [0, siteCount), sorted (Floyd's algorithm). */
export function sampleSites(rand: () => number, siteCount: number, maxCount: number, offset = 0): Int32Array {
  const count = Math.min(siteCount, 1 + Math.floor(rand() * Math.max(1, maxCount)));
  const chosen = new Set<number>();
  for (let j = siteCount - count; j < siteCount; j++) {
    const t = Math.floor(rand() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen, (s) => s + offset).sort();
}

/** About how many devices tile the cells with the table's mean disk, times three (the sampler's cap). */
export function samplingCap(table: CsrTable, siteCount: number, cellCount: number): number {
  return samplingCapFromMean(siteCount > 0 ? table.items.length / siteCount : 1, siteCount, cellCount);
}

export function samplingCapFromMean(meanCellsPerSite: number, siteCount: number, cellCount: number): number {
  return Math.max(1, Math.min(siteCount, Math.ceil((3 * cellCount) / Math.max(1, meanCellsPerSite))));
}

/** Mean number of cells per router site in the network tables' bit sets. */
export function meanRouterCells(net: NetworkTables): number {
  let bits = 0;
  for (let i = 0; i < net.routerCellBits.length; i++) bits += popcount32(net.routerCellBits[i]);
  return net.routerCount > 0 ? bits / net.routerCount : 1;
}
