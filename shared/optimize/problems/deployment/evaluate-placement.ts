// Evaluates one placement of devices at arbitrary positions (not only candidate sites): the numbers the
// optimiser's objectives give for the same devices, plus what an engineer checks device by device —
// the power received from its best neighbour, its hop count to the gateway, its battery life. Computed
// directly from the geometry (the wall grid index, no site tables): this is for one plan, not for the
// millions of evaluations of a search.
import type { Point } from '../../../model/building';
import type { RealRadioSpec } from '../../../model/catalogue';
import { detectionModelOf } from '../../../model/catalogue';
import { detectionProbability, detectionReachM } from '../../../radio/detection';
import type { Network } from '../../../radio/network';
import { ROLE_GATEWAY, ROLE_ROUTER, ROLE_SENSOR, adjacencyFromEdges, connectivitySummary } from '../../../radio/network';
import type { DeploymentFloor } from './floor-model';
import { levelFor } from './kernels';
import { levelMaxPathLoss, pairPathLossDb } from './link-tables';

export interface Placement {
  readonly sensors: readonly Point[];
  readonly routers: readonly Point[];
}

export type DeviceRole = 'gateway' | 'router' | 'sensor';

export interface DeviceReport {
  readonly role: DeviceRole;
  /** Index within its role (the gateway is 0). */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  /** Network mode: power received from the best linked neighbour (parents first), dBm; null if none. */
  readonly rxPowerDbm: number | null;
  readonly bestNeighbour: { readonly role: DeviceRole; readonly index: number } | null;
  /** Hops to the gateway over routers; null when not connected (or in area mode). */
  readonly hops: number | null;
  /** Connected parents in reach (gateway or routers that reach it). */
  readonly parents: number;
  /** Transmit level the device needs for its link, dBm (its highest when it has none). */
  readonly txPowerDbm: number | null;
  /** Battery life in years; null on mains power. */
  readonly lifetimeYears: number | null;
}

export interface PlacementReport {
  readonly mode: 'area' | 'network';
  readonly objectives: {
    readonly cost: number;
    readonly coverage: number;
    readonly connectivity: number;
    readonly overCoverage: number;
    /** Worst battery life (years) of battery devices; null when all run on mains. */
    readonly lifetime: number | null;
  };
  /** Shares of sensors (%), network mode. */
  readonly starConnectivity: number | null;
  readonly meshConnectivity: number | null;
  readonly devices: readonly DeviceReport[];
}

export function evaluatePlacement(model: DeploymentFloor, placement: Placement): PlacementReport {
  const { cells, options } = model;
  const sensors = placement.sensors;
  const routers = placement.routers;
  const cost = sensors.length * model.sensor.cost + routers.length * model.router.cost;

  // Coverage, cell by cell.
  const detection = detectionModelOf(model.sensor);
  const reachM = detection ? detectionReachM(detection) : 0;
  const blocked = model.sensor.detection?.blockedByWalls ?? false;
  let covered = 0;
  let over = 0;
  for (let c = 0; c < cells.count; c++) {
    let degree = 0;
    let miss = 1;
    for (const s of sensors) {
      const d = Math.hypot(cells.xs[c] - s.x, cells.ys[c] - s.y);
      if (!detection || d > reachM + 1e-6) continue;
      const p = detectionProbability(detection, d);
      if (p <= 0 || (blocked && model.wallIndex.crossing(s.x, s.y, cells.xs[c], cells.ys[c]).count > 0)) continue;
      if (p >= options.detectionThreshold) degree++;
      miss *= 1 - p;
    }
    if (options.coverageK >= 2 ? degree >= options.coverageK : 1 - miss >= options.detectionThreshold) covered++;
    if (degree >= 2) over++;
  }
  const percent = 100 / cells.count;

  if (model.mode === 'area') {
    const sensorRange = model.sensor.radio.technology === 'ideal-disk' ? model.sensor.radio.rangeM : 0;
    const routerRange = model.router.radio.technology === 'ideal-disk' ? model.router.radio.rangeM : 0;
    const disk = (r: number) => ({ kind: 'disk', radiusM: r }) as const;
    let reached = 0;
    for (let c = 0; c < cells.count; c++) {
      const within = (p: Point, r: number) => detectionProbability(disk(r), Math.hypot(cells.xs[c] - p.x, cells.ys[c] - p.y)) > 0;
      if (sensors.some((s) => within(s, sensorRange)) || routers.some((r) => within(r, routerRange))) reached++;
    }
    const devices: DeviceReport[] = [
      ...routers.map((p, index) => areaDevice('router', index, p)),
      ...sensors.map((p, index) => areaDevice('sensor', index, p)),
    ];
    return {
      mode: 'area',
      objectives: { cost, coverage: covered * percent, connectivity: reached * percent, overCoverage: over * percent, lifetime: null },
      starConnectivity: null,
      meshConnectivity: null,
      devices,
    };
  }
  return networkReport(model, placement, { cost, coverage: covered * percent, overCoverage: over * percent });
}

function areaDevice(role: DeviceRole, index: number, p: Point): DeviceReport {
  return { role, index, x: p.x, y: p.y, rxPowerDbm: null, bestNeighbour: null, hops: null, parents: 0, txPowerDbm: null, lifetimeYears: null };
}

function networkReport(model: DeploymentFloor, placement: Placement, partial: { cost: number; coverage: number; overCoverage: number }): PlacementReport {
  const net = model.network;
  const propagation = model.propagation;
  const gateway = model.gateway;
  if (!net || !propagation || !gateway) throw new Error('network mode without link tables');
  const radios: Record<DeviceRole, RealRadioSpec> = {
    gateway: model.gatewaySpec.radio as RealRadioSpec,
    router: model.router.radio as RealRadioSpec,
    sensor: model.sensor.radio as RealRadioSpec,
  };
  // Nodes: gateway, routers, sensors.
  const nodes: Array<{ role: DeviceRole; index: number; p: Point }> = [
    { role: 'gateway', index: 0, p: gateway },
    ...placement.routers.map((p, index) => ({ role: 'router' as const, index, p })),
    ...placement.sensors.map((p, index) => ({ role: 'sensor' as const, index, p })),
  ];
  const budget = (a: DeviceRole, b: DeviceRole): number => {
    const key = [a, b].sort().join('-');
    if (key === 'router-sensor') return net.budgets.sensorRouter;
    if (key === 'gateway-sensor') return net.budgets.sensorGateway;
    if (key === 'router-router') return net.budgets.routerRouter;
    if (key === 'gateway-router') return net.budgets.routerGateway;
    return -Infinity; // sensors do not link to sensors
  };
  const n = nodes.length;
  const pl = new Float64Array(n * n).fill(Infinity);
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const b = budget(nodes[i].role, nodes[j].role);
      if (b === -Infinity) continue;
      const loss = pairPathLossDb(propagation, model.wallIndex, nodes[i].p.x, nodes[i].p.y, nodes[j].p.x, nodes[j].p.y, b);
      if (loss === Infinity) continue;
      pl[i * n + j] = pl[j * n + i] = loss;
      edges.push([i, j]);
    }
  }
  const roles = Uint8Array.from(nodes, (d) => (d.role === 'gateway' ? ROLE_GATEWAY : d.role === 'router' ? ROLE_ROUTER : ROLE_SENSOR));
  const network: Network = { roles, adjacency: adjacencyFromEdges(n, edges) };
  const k = model.options.connectivityK;
  const star = model.options.topology === 'star';
  const summary = connectivitySummary(network, k);
  const hops = summary.hops;
  const parentOk = (j: number): boolean => nodes[j].role === 'gateway' || (nodes[j].role === 'router' && (star || hops[j] >= 0));

  const limits = (from: DeviceRole, to: DeviceRole) => levelMaxPathLoss(radios[from], radios[to], model.options.fadeMarginDb);
  const lifetimeTable = (role: DeviceRole) => (role === 'sensor' ? model.sensorLifetime : role === 'router' ? model.routerLifetime : null);

  let sensorsConnected = 0;
  let sensorsStar = 0;
  let worst = Infinity;
  let anyBattery = false;
  const devices: DeviceReport[] = [];
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    // Best neighbour by received power (from the neighbour's highest level), parents preferred.
    let best = -1;
    let bestRx = -Infinity;
    let bestIsParent = false;
    let parents = 0;
    let level = -1;
    for (let j = 0; j < n; j++) {
      const loss = pl[i * n + j];
      if (loss === Infinity) continue;
      const from = radios[nodes[j].role];
      const rx = from.txLevels[from.txLevels.length - 1].powerDbm + from.antennaGainDbi + radios[node.role].antennaGainDbi - loss;
      const isParent = parentOk(j) && (node.role === 'sensor' || node.role === 'gateway' || nodes[j].role === 'gateway' || hops[j] < hops[i] || (star && node.role === 'router'));
      if (node.role === 'sensor' && parentOk(j)) parents++;
      if ((isParent && !bestIsParent) || (isParent === bestIsParent && rx > bestRx)) {
        best = j;
        bestRx = rx;
        bestIsParent = isParent;
      }
      // The level this device needs: towards its parent (sensors: any connected parent; routers: one hop closer).
      const towards = node.role === 'sensor' ? parentOk(j) : node.role === 'router' && parentOk(j) && (nodes[j].role === 'gateway' || hops[j] === hops[i] - 1);
      if (towards) {
        const l = levelFor(limits(node.role, nodes[j].role), loss);
        if (l >= 0 && (level < 0 || l < level)) level = l;
      }
    }
    if (node.role === 'sensor') {
      if (star ? parents >= k : summary.parents[i] >= k) sensorsConnected++;
      if (parents > 0) sensorsStar++;
    }
    const table = lifetimeTable(node.role);
    const years = table ? table.yearsByLevel[level >= 0 ? level : table.yearsByLevel.length - 1] : Infinity;
    if (Number.isFinite(years)) {
      anyBattery = true;
      if (years < worst) worst = years;
    }
    const radio = radios[node.role];
    devices.push({
      role: node.role,
      index: node.index,
      x: node.p.x,
      y: node.p.y,
      rxPowerDbm: best >= 0 ? bestRx : null,
      bestNeighbour: best >= 0 ? { role: nodes[best].role, index: nodes[best].index } : null,
      hops: hops[i] >= 0 ? hops[i] : null,
      parents: node.role === 'sensor' ? (star ? parents : summary.parents[i]) : summary.parents[i],
      txPowerDbm: node.role === 'gateway' ? null : radio.txLevels[level >= 0 ? level : radio.txLevels.length - 1].powerDbm,
      lifetimeYears: Number.isFinite(years) ? years : null,
    });
  }
  const sensorCount = placement.sensors.length;
  const share = (x: number) => (sensorCount > 0 ? (100 * x) / sensorCount : 0);
  return {
    mode: 'network',
    objectives: {
      cost: partial.cost,
      coverage: partial.coverage,
      connectivity: share(sensorsConnected),
      overCoverage: partial.overCoverage,
      // As the problems: the worst battery device, 0 for a battery-sensor plan without sensors.
      lifetime: Number.isFinite(model.sensorLifetime.yearsByLevel[0]) ? (sensorCount > 0 ? worst : 0) : anyBattery ? worst : null,
    },
    starConnectivity: share(sensorsStar),
    meshConnectivity: 100 * summary.meshShare,
    devices,
  };
}
