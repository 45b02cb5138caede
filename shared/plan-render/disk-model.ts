// The thesis's models evaluated on a placement as it stands (seeds/003 §2.2, §4.6.3), for the plan's
// coverage overlay and the report's objective values:
// - cells: the floor's grid at its pitch, a cell belongs to the floor when its centre is inside the
//   outline (shared/model/sites.ts); percentages are shares of those cells (the thesis's L·l);
// - coverage % (eq. 2.12): cells detected by at least one sensor — with the binary disk (eq. 2.11) a
//   sensor detects a cell when the distance between the sensor and the cell's centre is ≤ R_d; other
//   detection models count a sensor when its probability reaches `detectionThreshold`;
// - over-coverage % (eq. 2.5): cells detected by two sensors or more;
// - connectivity % (the thesis's area measure, §4.6.3): cells within the communication radius of a
//   sensor (the sensors problem) and of a router (the routers problem);
// - cost (eq. 2.1, DESIGN §3.2): sensors × unit cost + routers × unit cost.
// The same ≤ convention as the optimiser's tables (shared/optimize/problems/site-tables.ts), so a
// placement on cell centres reads exactly as the optimiser scored it.
// Links for the drawing (binary communication disks): a sensor links to a router or the gateway when
// they are within both ends' radii (a gateway without a radius hears whatever reaches it); routers and
// the gateway link among themselves the same way; sensors never relay (shared/radio/network.ts).
import type { Point } from '../model/building';
import { floorCells, type GridPoints } from '../model/sites';
import { cellCoverage, detectionProbability } from '../radio/detection';
import { adjacencyFromEdges, connectivitySummary, ROLE_GATEWAY, ROLE_ROUTER, ROLE_SENSOR } from '../radio/network';
import type { FloorScene, PlacedDevice } from './floor-scene';

/** Detection probability a sensor must reach to count for a cell (probabilistic models only). */
export const DEFAULT_DETECTION_THRESHOLD = 0.9;
/** A distance within this of a radius counts as on it (same tolerance as site-tables.ts, relative). */
const RADIUS_TOLERANCE = 1e-9;

export interface CoverageCells {
  readonly cells: GridPoints;
  /** Per cell: sensors detecting it on their own (the k of k-coverage). */
  readonly degree: Uint16Array;
  /** Per cell: detected by the sensors jointly (= degree ≥ 1 for binary disks). */
  readonly covered: Uint8Array;
}

const within = (d: number, r: number): boolean => d <= r * (1 + RADIUS_TOLERANCE);
const dist = (p: Point, x: number, y: number): number => Math.hypot(p.x - x, p.y - y);

export function coverageCells(scene: FloorScene, detectionThreshold = DEFAULT_DETECTION_THRESHOLD): CoverageCells {
  const cells = floorCells(scene.floor, scene.floor.gridPitchM);
  const sensors = scene.devices.filter((d) => d.kind === 'sensor' && d.view.detection !== null);
  const degree = new Uint16Array(cells.count);
  const covered = new Uint8Array(cells.count);
  const probabilities: number[] = [];
  for (let c = 0; c < cells.count; c++) {
    probabilities.length = 0;
    for (const s of sensors) {
      const model = s.view.detection!;
      const d = dist(s.placement, cells.xs[c], cells.ys[c]);
      // The disk is tested with the optimiser's relative tolerance so that exact-radius cells count.
      probabilities.push(model.kind === 'disk' ? (within(d, model.radiusM) ? 1 : 0) : detectionProbability(model, d));
    }
    const cov = cellCoverage(probabilities, detectionThreshold);
    degree[c] = Math.min(cov.degree, 0xffff);
    covered[c] = cov.covered ? 1 : 0;
  }
  return { cells, degree, covered };
}

export interface DeviceLink {
  readonly a: PlacedDevice;
  readonly b: PlacedDevice;
  readonly distanceM: number;
  /** true between routers / the gateway (the backbone), false from a sensor to its parent. */
  readonly backbone: boolean;
}

function linkRange(a: PlacedDevice, b: PlacedDevice): number | null {
  const ra = a.view.commRadiusM;
  const rb = b.view.commRadiusM;
  if (ra !== null && rb !== null) return Math.min(ra, rb);
  if (ra !== null && b.kind === 'gateway') return ra;
  if (rb !== null && a.kind === 'gateway') return rb;
  return null;
}

/** Links of the binary communication disk model, in device order (deterministic). */
export function diskLinks(scene: FloorScene): DeviceLink[] {
  const out: DeviceLink[] = [];
  const devices = scene.devices;
  for (let i = 0; i < devices.length; i++) {
    for (let j = i + 1; j < devices.length; j++) {
      const a = devices[i];
      const b = devices[j];
      if (a.kind === 'sensor' && b.kind === 'sensor') continue;
      const range = linkRange(a, b);
      const d = Math.hypot(a.placement.x - b.placement.x, a.placement.y - b.placement.y);
      if (range !== null && within(d, range)) out.push({ a, b, distanceM: d, backbone: a.kind !== 'sensor' && b.kind !== 'sensor' });
    }
  }
  return out;
}

export interface ThesisDiskMetrics {
  readonly cellCount: number;
  readonly pitchM: number;
  readonly sensorCount: number;
  readonly routerCount: number;
  readonly gatewayCount: number;
  /** Sensors × unit cost + routers × unit cost; null when a unit cost is unknown. */
  readonly cost: number | null;
  readonly coveragePct: number | null;
  readonly overCoveragePct: number | null;
  /** Area within a sensor's communication disk; null when a sensor has no disk radius (real radio). */
  readonly connectivityPct: number | null;
  /** Area within a router's communication disk; null without routers or when one has no disk radius. */
  readonly routerConnectivityPct: number | null;
  /** Sensors with a direct disk link to a router or the gateway (star), % of sensors. */
  readonly sensorsLinkedPct: number | null;
  /** Sensors reaching the gateway over routers (mesh), % of sensors; null without a gateway. */
  readonly sensorsReachingGatewayPct: number | null;
}

function areaWithin(cells: GridPoints, nodes: readonly PlacedDevice[]): number | null {
  if (nodes.length === 0 || nodes.some((n) => n.view.commRadiusM === null)) return null;
  let reached = 0;
  for (let c = 0; c < cells.count; c++) {
    if (nodes.some((n) => within(dist(n.placement, cells.xs[c], cells.ys[c]), n.view.commRadiusM!))) reached++;
  }
  return cells.count === 0 ? null : (100 * reached) / cells.count;
}

export function thesisDiskMetrics(scene: FloorScene, coverage: CoverageCells = coverageCells(scene)): ThesisDiskMetrics {
  const sensors = scene.devices.filter((d) => d.kind === 'sensor');
  const routers = scene.devices.filter((d) => d.kind === 'router');
  const gateways = scene.devices.filter((d) => d.kind === 'gateway');
  const n = coverage.cells.count;
  let cost: number | null = 0;
  for (const d of [...sensors, ...routers]) cost = cost === null || d.view.unitCost === null ? null : cost + d.view.unitCost;

  const detecting = sensors.length > 0 && sensors.every((s) => s.view.detection !== null);
  let coveredCount = 0;
  let overCount = 0;
  for (let c = 0; c < n; c++) {
    if (coverage.covered[c]) coveredCount++;
    if (coverage.degree[c] >= 2) overCount++;
  }
  const pct = (k: number): number | null => (detecting && n > 0 ? (100 * k) / n : null);

  // Disk-link network over the devices of this floor (roles as shared/radio/network.ts defines them).
  const links = diskLinks(scene);
  const index = new Map(scene.devices.map((d, i) => [d, i]));
  const roles = Uint8Array.from(scene.devices, (d) => (d.kind === 'gateway' ? ROLE_GATEWAY : d.kind === 'router' ? ROLE_ROUTER : ROLE_SENSOR));
  const net = { roles, adjacency: adjacencyFromEdges(scene.devices.length, links.map((l) => [index.get(l.a)!, index.get(l.b)!] as const)) };
  const summary = connectivitySummary(net, 1);
  const radiiKnown = scene.devices.every((d) => d.view.commRadiusM !== null || d.kind === 'gateway');
  return {
    cellCount: n,
    pitchM: scene.floor.gridPitchM,
    sensorCount: sensors.length,
    routerCount: routers.length,
    gatewayCount: gateways.length,
    cost,
    coveragePct: pct(coveredCount),
    overCoveragePct: pct(overCount),
    connectivityPct: areaWithin(coverage.cells, sensors),
    routerConnectivityPct: areaWithin(coverage.cells, routers),
    sensorsLinkedPct: sensors.length > 0 && radiiKnown ? 100 * summary.starShare : null,
    sensorsReachingGatewayPct: sensors.length > 0 && radiiKnown && gateways.length > 0 ? 100 * summary.meshShare : null,
  };
}
