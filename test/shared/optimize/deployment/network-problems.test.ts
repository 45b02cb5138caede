import { describe, expect, it } from 'vitest';
import type { PlacementSetEncoding, Problem } from '../../../../shared/optimize/problem';
import { evaluatePlacement } from '../../../../shared/optimize/problems/deployment/evaluate-placement';
import { buildDeploymentFloor } from '../../../../shared/optimize/problems/deployment/floor-model';
import { jointProblem } from '../../../../shared/optimize/problems/deployment/joint-problem';
import { pairPathLossDb } from '../../../../shared/optimize/problems/deployment/link-tables';
import { routersProblem } from '../../../../shared/optimize/problems/deployment/routers-problem';
import { sensorsProblem } from '../../../../shared/optimize/problems/deployment/sensors-problem';
import { Random } from '../../../../shared/optimize/random';
import { averageCurrentMa, lifetimeYears } from '../../../../shared/radio/lifetime';
import { crossedWalls } from '../../../../shared/radio/multi-wall';
import { distanceLossDb, friisPathLossDb } from '../../../../shared/radio/path-loss';
import { catalogueDevice, labInput } from './fixtures';

function lab(overrides = {}) {
  const r = buildDeploymentFloor(labInput(overrides));
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const evalSet = (p: Problem<PlacementSetEncoding>, x: Int32Array) => {
  const out = new Float64Array(p.objectives.length);
  p.evaluate(x, out, new Float64Array(0));
  return Array.from(out);
};

describe('link tables of a floor with walls', () => {
  const model = lab();
  const net = model.network;
  if (!net || !model.propagation) throw new Error('network mode expected');

  it('derives the two-way budgets from the catalogue radios', () => {
    // CC2530: 4.5 dBm, −97 dBm, 10 dB margin; the coordinator adds a 2 dBi antenna.
    expect(net.budgets).toEqual({ sensorRouter: 91.5, sensorGateway: 93.5, routerRouter: 91.5, routerGateway: 93.5 });
  });

  it('computes a link by hand: through the opening and one plasterboard wall', () => {
    // gateway (2.5, 2.5) → router site (12.5, 8.5): 11.66 m, passes x = 10 at y = 7 (the opening),
    // crosses the plasterboard at y = 5: PL = FSPL(1 m) + 30·log10(11.66) + 2.2 dB.
    const r = model.routerSites.xs.findIndex((x, i) => x === 12.5 && model.routerSites.ys[i] === 8.5);
    const expected = friisPathLossDb(1, 2.44e9) + 30 * Math.log10(Math.hypot(10, 6)) + 2.2;
    expect(expected).toBeCloseTo(74.40, 2); // 40.196 + 32.003 + 2.2
    expect(net.routerGatewayPl[r]).toBeCloseTo(expected, 4);
    // … and (12.5, 2.5) is behind the metal: 40.19 + 30 + 30 = 100.2 dB > 93.5 dB, no link.
    const behind = model.routerSites.xs.findIndex((x, i) => x === 12.5 && model.routerSites.ys[i] === 2.5);
    expect(net.routerGatewayPl[behind]).toBe(Infinity);
  });

  it('stores every pair within budget with the reference multi-wall loss, and no other', () => {
    const walls = model.walls;
    const R = net.routerCount;
    const rng = new Random(5);
    let links = 0;
    for (let trial = 0; trial < 25; trial++) {
      const p = rng.int(net.pointCount);
      for (let r = 0; r < R; r++) {
        const a = { x: net.pointXs[p], y: net.pointYs[p] };
        const b = { x: model.routerSites.xs[r], y: model.routerSites.ys[r] };
        const pl = distanceLossDb(model.propagation!, Math.hypot(b.x - a.x, b.y - a.y)) + crossedWalls(a, b, walls).lossDb;
        const stored = net.pointRouterPl[p * R + r];
        if (pl <= net.budgets.sensorRouter) {
          links++;
          expect(stored).toBeCloseTo(pl, 4);
        } else expect(stored).toBe(Infinity);
        const bit = (net.routerCellBits[r * net.cellWords + (p >>> 5)] >>> (p & 31)) & 1;
        if (p < model.cells.count) expect(bit).toBe(stored === Infinity ? 0 : 1);
      }
    }
    expect(links).toBeGreaterThan(400);
    // the router matrix is symmetric and agrees with the point matrix where sites and cells coincide
    for (let i = 0; i < R; i += 7) {
      for (let j = 0; j < R; j++) {
        expect(net.routerRouterPl[i * R + j]).toBe(net.routerRouterPl[j * R + i]);
        if (i !== j) expect(net.routerRouterPl[i * R + j]).toBe(net.pointRouterPl[net.sensorPoint[i] * R + j]);
      }
    }
  });

  it('keeps cells behind a wall out of a wall-blocked sensor\'s detection', () => {
    // Site (9.5, 2.5) next to the metal: cell (10.5, 2.5) is 1 m away but behind it.
    const s = model.sensorSites.xs.findIndex((x, i) => x === 9.5 && model.sensorSites.ys[i] === 2.5);
    const c = model.cells.xs.findIndex((x, i) => x === 10.5 && model.cells.ys[i] === 2.5);
    const row = Array.from(model.sensorCover.items.subarray(model.sensorCover.offsets[s], model.sensorCover.offsets[s + 1]));
    expect(row).not.toContain(c);
    expect(row).toContain(c - 2); // (8.5, 2.5), same side
  });
});

describe('deployment problems on real radios', () => {
  it('routers: connectivity of the floor counts cells reaching the gateway directly or over routers', () => {
    const model = lab();
    const net = model.network!;
    const p = routersProblem(model) as Problem<PlacementSetEncoding>;
    expect(p.objectives.map((o) => o.name)).toEqual(['cost', 'connectivity']);
    const brute = (routerSites: number[]) => {
      // Routers connected to the gateway over routers (BFS with direct path losses), then cells.
      const pos = (r: number) => ({ x: model.routerSites.xs[r], y: model.routerSites.ys[r] });
      const pl = (a: { x: number; y: number }, b: { x: number; y: number }, max: number) =>
        pairPathLossDb(model.propagation!, model.wallIndex, a.x, a.y, b.x, b.y, max);
      const connected = new Set<number>(routerSites.filter((r) => pl(pos(r), model.gateway!, net.budgets.routerGateway) !== Infinity));
      for (let grew = true; grew; ) {
        grew = false;
        for (const r of routerSites) {
          if (connected.has(r)) continue;
          if ([...connected].some((c) => pl(pos(r), pos(c), net.budgets.routerRouter) !== Infinity)) {
            connected.add(r);
            grew = true;
          }
        }
      }
      let cells = 0;
      for (let c = 0; c < model.cells.count; c++) {
        const here = { x: model.cells.xs[c], y: model.cells.ys[c] };
        if (pl(here, model.gateway!, net.budgets.sensorGateway) !== Infinity || [...connected].some((r) => pl(here, pos(r), net.budgets.sensorRouter) !== Infinity)) cells++;
      }
      return (cells * 100) / model.cells.count;
    };
    expect(evalSet(p, new Int32Array(0))).toEqual([0, brute([])]);
    expect(brute([])).toBeLessThan(100); // behind the metal, far right, is out of reach
    const rng = new Random(3);
    for (let trial = 0; trial < 20; trial++) {
      const x = p.sample!(() => rng.random());
      const [cost, connectivity] = evalSet(p, x);
      expect(cost).toBe(45 * x.length);
      expect(connectivity).toBeCloseTo(brute(Array.from(x)), 9);
    }
  });

  it('sensors and joint: the precomputed objectives equal the direct evaluation of the same plan', () => {
    const model = lab();
    const joint = jointProblem(model) as Problem<PlacementSetEncoding>;
    expect(joint.objectives.map((o) => o.name)).toEqual(['cost', 'coverage', 'connectivity', 'overCoverage', 'lifetime']);
    const R = model.routerSites.count;
    const rng = new Random(9);
    for (let trial = 0; trial < 25; trial++) {
      const x = joint.sample!(() => rng.random());
      const routers = Array.from(x.filter((i) => i < R), (r) => ({ x: model.routerSites.xs[r], y: model.routerSites.ys[r] }));
      const sensorSites = Int32Array.from(x.filter((i) => i >= R), (i) => i - R);
      const sensors = Array.from(sensorSites, (s) => ({ x: model.sensorSites.xs[s], y: model.sensorSites.ys[s] }));
      const direct = evaluatePlacement(model, { routers, sensors }).objectives;
      const expected = [direct.cost, direct.coverage, direct.connectivity, direct.overCoverage, direct.lifetime];
      const got = evalSet(joint, x);
      for (let i = 0; i < 5; i++) expect(got[i]).toBeCloseTo(expected[i] as number, 6);
      // the sensors problem around the same (fixed) routers agrees, cost aside
      const sensorsOnly = sensorsProblem(model, { routers }) as Problem<PlacementSetEncoding>;
      const s = evalSet(sensorsOnly, sensorSites);
      expect(s[0]).toBe(35 * sensors.length);
      for (let i = 1; i < 5; i++) expect(s[i]).toBeCloseTo(expected[i] as number, 6);
    }
  });

  it('gives a sensor beside the gateway the lowest transmit level and its lifetime', () => {
    const model = lab();
    const report = evaluatePlacement(model, { routers: [], sensors: [{ x: 3.5, y: 2.5 }] });
    const sensor = report.devices.find((d) => d.role === 'sensor')!;
    expect(sensor.hops).toBe(1);
    expect(sensor.txPowerDbm).toBe(-22);
    // rx from the coordinator: 4.5 dBm + 2 dBi − FSPL(1 m) = −33.69 dBm
    expect(sensor.rxPowerDbm).toBeCloseTo(4.5 + 2 - friisPathLossDb(1, 2.44e9), 9);
    const s = catalogueDevice('zigbee-sensor-cc2530');
    const c = s.power.source === 'battery' ? s.power.cycle : null;
    const avg = averageCurrentMa({
      periodS: c!.periodS,
      sleepCurrentMa: c!.sleepCurrentMa,
      phases: [
        { currentMa: 6.5, durationS: 0.02 },
        { currentMa: 23, durationS: 0.004 },
        { currentMa: 24, durationS: 0.002 },
      ],
    });
    if (!avg.ok) throw new Error(avg.message);
    expect(sensor.lifetimeYears).toBeCloseTo(lifetimeYears(2400, avg.currentMa), 9);
    expect(report.objectives.lifetime).toBe(sensor.lifetimeYears);
    // Far behind the metal with no router it is cut off and transmits at full power.
    const far = evaluatePlacement(model, { routers: [], sensors: [{ x: 18.5, y: 0.5 }] });
    expect(far.objectives.connectivity).toBe(0);
    expect(far.devices[1].hops).toBe(null);
    expect(far.devices[1].txPowerDbm).toBe(4.5);
  });

  it('star topology counts any router in reach, mesh only routers connected to the gateway', () => {
    // A router behind the metal, out of the gateway's reach, with a sensor beside it.
    const placement = { routers: [{ x: 17.5, y: 1.5 }], sensors: [{ x: 18.5, y: 1.5 }] };
    expect(evaluatePlacement(lab(), placement).objectives.connectivity).toBe(0);
    expect(evaluatePlacement(lab({ topology: 'star' }), placement).objectives.connectivity).toBe(100);
  });
});

describe('building a deployment floor', () => {
  it('refuses radios that cannot talk to each other', () => {
    const mixed = buildDeploymentFloor(labInput({ sensor: catalogueDevice('thesis-sensor') }));
    expect(!mixed.ok && mixed.code).toBe('radio-mismatch');
    const ble = buildDeploymentFloor(labInput({ sensor: catalogueDevice('ble-sensor-nrf52840') }));
    expect(!ble.ok && ble.message).toMatch(/do not share one radio technology and band/);
  });

  it('needs a gateway for the network models, and passes validation errors on', () => {
    const noGateway = buildDeploymentFloor(labInput({ zones: [] }));
    expect(!noGateway.ok && noGateway.code).toBe('no-gateway');
    const badWall = buildDeploymentFloor(labInput({ walls: [{ id: 9, floorId: 1, a: { x: 3, y: 3 }, b: { x: 3, y: 3 }, materialId: 1, thicknessM: 0.1 }] }));
    expect(badWall.ok).toBe(false);
    if (!badWall.ok) {
      expect(badWall.code).toBe('zero-length-wall');
      expect(badWall.problems.map((p) => p.code)).toEqual(['zero-length-wall']);
    }
  });
});
