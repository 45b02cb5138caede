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
      const p = values[e];
      if (p >= this.threshold) this.degree[c]++;
      // log(1 − p) is −Infinity for a certain detection, which makes the joint probability exactly 1.
      this.logMiss[c] += p >= 1 ? -Infinity : Math.log1p(-p);
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

  /** Adds row `site` of `table`; items at or above `limit` are skipped (rows are sorted, so they end the row). */
  add(table: CsrTable, site: number, limit = Infinity): void {
    const { offsets, items } = table;
    const stamp = this.stamps.stamp;
    const epoch = this.stamps.epoch;
    for (let e = offsets[site], end = offsets[site + 1]; e < end; e++) {
      const c = items[e];
      if (c >= limit) break;
      if (stamp[c] !== epoch) {
        stamp[c] = epoch;
        this.reached++;
      }
    }
  }
}

/**
 * The routers chosen in one evaluation and how they connect to the gateway: breadth-first search over
 * the router ↔ router link table, from the routers that link to the gateway (hop 1). In 'star'
 * topology every chosen router is taken as connected (its backhaul is not planned here).
 */
export class RouterNetwork {
  private readonly chosen: Stamps;
  private readonly reached: Stamps;
  readonly hops: Int32Array;
  private readonly queue: Int32Array;
  connectedCount = 0;

  constructor(
    private readonly net: NetworkTables,
    private readonly star: boolean,
    routerSiteCount: number,
  ) {
    this.chosen = new Stamps(routerSiteCount);
    this.reached = new Stamps(routerSiteCount);
    this.hops = new Int32Array(routerSiteCount);
    this.queue = new Int32Array(routerSiteCount);
  }

  /** Starts an evaluation with the given router sites. */
  set(sites: ArrayLike<number>, from = 0, to = sites.length, offset = 0): void {
    const epoch = this.chosen.next();
    this.reached.next();
    for (let i = from; i < to; i++) this.chosen.stamp[sites[i] - offset] = epoch;
    this.run(sites, from, to, offset);
  }

  /** Starts an evaluation from a bit vector over the router sites (binary encoding). */
  setBits(bits: Uint8Array, from: number, count: number): void {
    const epoch = this.chosen.next();
    this.reached.next();
    const list: number[] = [];
    for (let s = 0; s < count; s++) {
      if (bits[from + s]) {
        this.chosen.stamp[s] = epoch;
        list.push(s);
      }
    }
    this.run(list, 0, list.length, 0);
  }

  isChosen(site: number): boolean {
    return this.chosen.stamp[site] === this.chosen.epoch;
  }

  /** Chosen and connected to the gateway (any chosen router in star topology). */
  isConnected(site: number): boolean {
    return this.reached.stamp[site] === this.reached.epoch;
  }

  private run(sites: ArrayLike<number>, from: number, to: number, offset: number): void {
    const reached = this.reached.stamp;
    const epoch = this.reached.epoch;
    let tail = 0;
    for (let i = from; i < to; i++) {
      const r = sites[i] - offset;
      if (this.star || this.net.routerGatewayPl[r] !== Infinity) {
        if (reached[r] === epoch) continue;
        reached[r] = epoch;
        this.hops[r] = 1;
        this.queue[tail++] = r;
      }
    }
    if (!this.star) {
      const { offsets, items } = this.net.routerRouter;
      const chosen = this.chosen.stamp;
      const chosenEpoch = this.chosen.epoch;
      for (let head = 0; head < tail; head++) {
        const u = this.queue[head];
        for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
          const v = items[e];
          if (chosen[v] !== chosenEpoch || reached[v] === epoch) continue;
          reached[v] = epoch;
          this.hops[v] = this.hops[u] + 1;
          this.queue[tail++] = v;
        }
      }
    }
    this.connectedCount = tail;
  }

  /** The connected routers found by the last search, in search order. */
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
  const { offsets, items, values } = net.pointRouter;
  const limits = net.sensorLevelMaxPl.router;
  for (let e = offsets[point], end = offsets[point + 1]; e < end; e++) {
    const r = items[e];
    if (!routers.isConnected(r)) continue;
    parents++;
    const l = levelFor(limits, values[e]);
    if (level < 0 || l < level || (l === level && values[e] < pl)) {
      level = l;
      pl = values[e];
      parent = r;
    }
  }
  out.parents = parents;
  out.level = level;
  out.pathLossDb = pl;
  out.parent = parent;
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
  const meanDisk = siteCount > 0 ? table.items.length / siteCount : 1;
  return Math.max(1, Math.min(siteCount, Math.ceil((3 * cellCount) / Math.max(1, meanDisk))));
}
