// Joint problem: routers and sensors placed together. One genome over [router sites | sensor sites]
// (index r < R is router site r, index R + s is sensor site s), so the engine's operators move, add
// and remove both kinds. Objectives as the sensors problem, the cost counting both kinds; in network
// mode a sensor is connected when it has at least k parents among the gateway and the chosen routers
// that reach the gateway (mesh) — the routers' own connections being part of the search.
import type { CsrTable, BinaryEncoding, ObjectiveSpec, PlacementSetEncoding, Problem } from '../../problem';
import { latticeNeighbours } from '../../../model/sites';
import type { DeploymentFloor } from './floor-model';
import type { SensorLink } from './kernels';
import { CoverageCounter, ReachCounter, RouterNetwork, levelFor, linkSensor, meanRouterCells, sampleSites, samplingCap, samplingCapFromMean } from './kernels';
import { CONNECTIVITY, COST, COVERAGE, OVER_COVERAGE, chosenOf, lifetimeObjective, type DeploymentEncodingKind } from './objectives';

export function jointProblem(model: DeploymentFloor, encoding: DeploymentEncodingKind = 'sites'): Problem<PlacementSetEncoding> | Problem<BinaryEncoding> {
  const R = model.routerSites.count;
  const S = model.sensorSites.count;
  const cellCount = model.cells.count;
  const percent = 100 / cellCount;
  const net = model.network;
  const coverage = new CoverageCounter(cellCount, model.sensorCover, model.options.detectionThreshold, model.options.coverageK);
  const reach = new ReachCounter(cellCount);
  const routers = net ? new RouterNetwork(net, model.options.topology === 'star') : null;
  const k = model.options.connectivityK;
  const sensorYears = model.sensorLifetime.yearsByLevel;
  const routerYears = model.routerLifetime.yearsByLevel;
  const batteryRouters = Number.isFinite(routerYears[0]);
  const lifetime = lifetimeObjective(model);
  const link: SensorLink = { parents: 0, level: -1, pathLossDb: Infinity, parent: -1 };

  const objectives: ObjectiveSpec[] = [COST(R * model.router.cost + S * model.sensor.cost), COVERAGE, CONNECTIVITY, OVER_COVERAGE];
  if (lifetime) objectives.push(lifetime);

  /** `chosen` sorted ascending: routers first, then sensors (offset by R). */
  const evaluateChosen = (chosen: ArrayLike<number>, count: number, out: Float64Array): void => {
    let split = 0;
    while (split < count && chosen[split] < R) split++;
    const sensors = count - split;
    coverage.reset();
    for (let i = split; i < count; i++) coverage.add(chosen[i] - R);
    coverage.finish();
    out[0] = split * model.router.cost + sensors * model.sensor.cost;
    out[1] = coverage.covered * percent;
    out[3] = coverage.overCovered * percent;
    if (net && routers) {
      routers.set(chosen, 0, split);
      let connected = 0;
      let worst = sensors > 0 ? Infinity : 0;
      for (let i = split; i < count; i++) {
        linkSensor(net, routers, net.sensorPoint[chosen[i] - R], link);
        if (link.parents >= k) connected++;
        const y = sensorYears[link.level >= 0 ? link.level : sensorYears.length - 1];
        if (y < worst) worst = y;
      }
      if (batteryRouters && sensors > 0) worst = Math.min(worst, worstRouterYears());
      out[2] = sensors > 0 ? (100 * connected) / sensors : 0;
      if (lifetime) out[4] = worst;
    } else {
      reach.reset();
      for (let i = 0; i < split; i++) reach.add(model.routerReach as CsrTable, chosen[i]);
      for (let i = split; i < count; i++) reach.add(model.sensorReach as CsrTable, chosen[i] - R);
      out[2] = reach.reached * percent;
    }
  };

  /** Battery routers transmit at the level their link towards the gateway needs (one hop closer). */
  const worstRouterYears = (): number => {
    if (!net || !routers) return Infinity;
    let worst = Infinity;
    for (let i = 0; i < routers.connectedCount; i++) {
      const r = routers.connected(i);
      const hops = routers.hops[r];
      let level = -1;
      if (hops === 1) level = levelFor(net.routerLevelMaxPl.gateway, net.routerGatewayPl[r]);
      else {
        for (let j = 0; j < routers.connectedCount; j++) {
          const v = routers.connected(j);
          if (routers.hops[v] !== hops - 1) continue;
          const l = levelFor(net.routerLevelMaxPl.router, net.routerRouterPl[r * R + v]);
          if (l >= 0 && (level < 0 || l < level)) level = l;
        }
      }
      const y = routerYears[level >= 0 ? level : routerYears.length - 1];
      if (y < worst) worst = y;
    }
    return worst;
  };

  const routerCap = net ? samplingCapFromMean(meanRouterCells(net), R, cellCount) : samplingCap(model.routerReach as CsrTable, R, cellCount);
  const sensorCap = samplingCap(model.sensorCover, S, cellCount);
  const sample = (rand: () => number): Int32Array => {
    const r = sampleSites(rand, R, routerCap);
    const s = sampleSites(rand, S, sensorCap, R);
    const out = new Int32Array(r.length + s.length);
    out.set(r);
    out.set(s, r.length);
    return out;
  };
  const sitesOf = (chosen: ArrayLike<number>): Array<[number, number]> =>
    Array.from(chosen, (i) => (i < R ? [model.routerSites.xs[i], model.routerSites.ys[i]] : [model.sensorSites.xs[i - R], model.sensorSites.ys[i - R]]));
  const kindsOf = (chosen: ArrayLike<number>): Array<'sensor' | 'router'> => Array.from(chosen, (i) => (i < R ? 'router' : 'sensor'));
  const base = { name: 'joint-mw', objectives, constraints: [] };
  if (encoding === 'grid') {
    const scratch = new Int32Array(R + S);
    const problem: Problem<BinaryEncoding> = {
      ...base,
      encoding: { kind: 'binary', length: R + S },
      evaluate(x, out) {
        let count = 0;
        for (let i = 0; i < x.length; i++) if (x[i]) scratch[count++] = i;
        evaluateChosen(scratch, count, out);
      },
      sample(rand) {
        const x = new Uint8Array(R + S);
        for (const i of sample(rand)) x[i] = 1;
        return x;
      },
      sitesOf: (x) => sitesOf(chosenOf(x)),
      siteKindsOf: (x) => kindsOf(chosenOf(x)),
    };
    return problem;
  }
  const problem: Problem<PlacementSetEncoding> = {
    ...base,
    encoding: { kind: 'placement-set', siteCount: R + S, neighbours: jointNeighbours(model), minSites: 0, maxSites: R + S },
    evaluate: (x, out) => evaluateChosen(x, x.length, out),
    sample,
    sitesOf: (x) => sitesOf(x),
    siteKindsOf: (x) => kindsOf(x),
  };
  return problem;
}

/** Moves stay within a kind: router sites neighbour router sites, sensor sites sensor sites. */
function jointNeighbours(model: DeploymentFloor): CsrTable {
  const r = latticeNeighbours(model.routerSites);
  const s = latticeNeighbours(model.sensorSites);
  const R = model.routerSites.count;
  const offsets = new Int32Array(R + model.sensorSites.count + 1);
  offsets.set(r.offsets);
  for (let i = 1; i < s.offsets.length; i++) offsets[R + i] = r.items.length + s.offsets[i];
  const items = new Int32Array(r.items.length + s.items.length);
  items.set(r.items);
  for (let i = 0; i < s.items.length; i++) items[r.items.length + i] = s.items[i] + R;
  return { offsets, items };
}
