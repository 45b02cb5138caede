import { describe, expect, it } from 'vitest';
import { floorScene } from '../../../shared/plan-render/floor-scene';
import { thesisDiskMetrics } from '../../../shared/plan-render/disk-model';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { coverageField } from '../../../renderer/src/features/planner/overlays/coverage-field';
import { analyseLinks, linkMarginDb } from '../../../renderer/src/features/planner/overlays/device-links';
import { computeOverlays, NO_OVERLAYS } from '../../../renderer/src/features/planner/overlays/overlay-engine';
import { overlayStaticsFor, type LiveDevice } from '../../../renderer/src/features/planner/overlays/overlay-statics';
import { powerField, transmitterMap } from '../../../renderer/src/features/planner/overlays/power-field';
import { placementDevices } from '../../../renderer/src/features/planner/live/live-devices';
import { countRgb, marginColour, powerRgb, rasterise } from '../../../renderer/src/features/planner/overlays/colour-scales';
import { floor, plan, wall } from './plan-fixture';

let nextId = 1;
const device = (kind: LiveDevice['kind'], typeId: number, x: number, y: number): LiveDevice => ({ id: nextId++, kind, typeId, x, y, label: `${kind}${nextId}`, ghost: false });
const cellIndex = (s: ReturnType<typeof overlayStaticsFor>, x: number, y: number) => {
  for (let c = 0; c < s!.cells.count; c++) if (Math.abs(s!.cells.xs[c]! - x) < 1e-9 && Math.abs(s!.cells.ys[c]! - y) < 1e-9) return c;
  throw new Error(`no cell at ${x}, ${y}`);
};

/** Free-space loss at 2.44 GHz (Friis): 20·log10(4π·d·f/c). */
const fspl = (d: number) => 20 * Math.log10((4 * Math.PI * d * 2.44e9) / 299_792_458);

describe('coverage field', () => {
  it('counts binary disks cell by cell (R_d = 1 m on a 4 m × 3 m floor of 1 m cells)', () => {
    const s = overlayStaticsFor(plan(floor(4, 3)), 1)!;
    expect(s.cells.count).toBe(12);
    const f = coverageField(s, [device('sensor', 1, 1.5, 1.5), device('sensor', 1, 2.5, 1.5)]);
    // Each sensor: its cell and the four at 1 m; the two share their own two cells.
    expect(f.coveredCount).toBe(8);
    expect(f.overCount).toBe(2);
    expect(f.degree[cellIndex(s, 1.5, 1.5)]).toBe(2);
    expect(f.degree[cellIndex(s, 0.5, 0.5)]).toBe(0);
    expect(f.probabilistic).toBe(false);
  });

  it('combines probabilistic detections as 1 − Π(1 − p) and lets walls block them', () => {
    const s = overlayStaticsFor(plan(floor(5, 1)), 1)!;
    // exponential, R_min 1 m, α 0.5 /m: at 2 m, p = e^(−0.5·(2 − 1)) = 0.6065
    const one = coverageField(s, [device('sensor', 4, 0.5, 0.5)]);
    expect(one.probability[cellIndex(s, 2.5, 0.5)]).toBeCloseTo(Math.exp(-0.5), 6);
    expect(one.probabilistic).toBe(true);
    const two = coverageField(s, [device('sensor', 4, 0.5, 0.5), device('sensor', 4, 4.5, 0.5)]);
    expect(two.probability[cellIndex(s, 2.5, 0.5)]).toBeCloseTo(1 - (1 - Math.exp(-0.5)) ** 2, 6);
    expect(two.degree[cellIndex(s, 2.5, 0.5)]).toBe(0); // 0.85 < 0.9 on its own and jointly
    const walled = overlayStaticsFor(plan(floor(5, 1), [wall(2, -1, 2, 2)]), 1)!;
    const blocked = coverageField(walled, [device('sensor', 4, 0.5, 0.5)]);
    expect(blocked.probability[cellIndex(walled, 1.5, 0.5)]).toBe(1);
    expect(blocked.probability[cellIndex(walled, 2.5, 0.5)]).toBe(0);
  });
});

describe('received power', () => {
  it('is the free-space loss from a 0 dBm reference transmitter, minus the walls crossed', () => {
    const open = overlayStaticsFor(plan(floor(20, 1)), 1)!;
    const router = device('router', 2, 0.5, 0.5);
    const map = powerField(open, [router]);
    expect(map.assumed).toBe(true);
    expect(map.dbm[cellIndex(open, 10.5, 0.5)]).toBeCloseTo(-fspl(10), 4); // −60.2 dBm
    const walled = overlayStaticsFor(plan(floor(20, 1), [wall(5, -1, 5, 2)]), 1)!;
    const through = powerField(walled, [router]);
    expect(through.dbm[cellIndex(walled, 10.5, 0.5)]).toBeCloseTo(-fspl(10) - 12, 4);
    expect(through.dbm[cellIndex(walled, 3.5, 0.5)]).toBeCloseTo(-fspl(3), 4);
    // A real radio transmits its highest level: 4.5 dBm.
    const zigbee = powerField(walled, [device('router', 5, 0.5, 0.5)]);
    expect(zigbee.assumed).toBe(false);
    expect(zigbee.dbm[cellIndex(walled, 10.5, 0.5)]).toBeCloseTo(4.5 - fspl(10) - 12, 4);
  });

  it('keeps the strongest transmitter per cell and recomputes only the transmitter that moved', () => {
    const s = overlayStaticsFor(plan(floor(20, 1), [wall(7, -1, 7, 2, 2)]), 1)!;
    const a = device('router', 2, 0.5, 0.5);
    const b = device('gateway', 3, 19.5, 0.5);
    const both = powerField(s, [a, b]);
    expect(both.dbm[cellIndex(s, 3.5, 0.5)]).toBeCloseTo(-fspl(3), 4);
    expect(both.dbm[cellIndex(s, 15.5, 0.5)]).toBeCloseTo(-fspl(4), 4);
    const mapA = transmitterMap(s, a);
    const mapB = transmitterMap(s, b);
    const moved = { ...a, x: 2.5 };
    powerField(s, [moved, b]);
    expect(transmitterMap(s, b)).toBe(mapB); // cached: untouched
    expect(transmitterMap(s, moved)).not.toBe(mapA);
    expect(s.caches.power.size).toBe(2); // the old position is forgotten
  });
});

describe('links', () => {
  it('gives disk links the free-space equivalent margin 20·log10(R/d)', () => {
    const s = overlayStaticsFor(plan(floor(10, 10)), 1)!;
    const sensor = device('sensor', 1, 1, 1);
    // Sensor disk 2 m, router 5 m: the link holds within 2 m; at 1 m the margin is 20·log10(2) = 6.02 dB.
    expect(linkMarginDb(s, sensor, device('router', 2, 2, 1))).toBeCloseTo(20 * Math.log10(2), 6);
    expect(linkMarginDb(s, sensor, device('router', 2, 4, 1))!).toBeLessThan(0);
    // A gateway without a radius hears whatever reaches it: the router's 5 m.
    expect(linkMarginDb(s, device('router', 2, 1, 1), device('gateway', 3, 3.5, 1))).toBeCloseTo(20 * Math.log10(5 / 2.5), 6);
  });

  it('gives real radios the budget margin through the walls: P_tx − PL − (sensitivity + 10 dB fade)', () => {
    const s = overlayStaticsFor(plan(floor(20, 5), [wall(5, 0, 5, 5, 2)]), 1)!;
    const r1 = device('router', 5, 0.5, 2.5);
    const r2 = device('router', 5, 10.5, 2.5);
    // 4.5 dBm − 60.2 dB − 30 dB (metal) − (−97 + 10) = 1.3 dB
    expect(linkMarginDb(s, r1, r2)).toBeCloseTo(4.5 - fspl(10) - 30 + 87, 4);
    // The gateway without a radio speaks its partner's.
    expect(linkMarginDb(s, r1, device('gateway', 3, 3.5, 2.5))).toBeCloseTo(4.5 - fspl(3) + 87, 4);
  });

  it('measures mesh connectivity: sensors reaching the gateway over routers', () => {
    const s = overlayStaticsFor(plan(floor(20, 5)), 1)!;
    const gw = device('gateway', 3, 0.5, 0.5);
    const router = device('router', 2, 4.5, 0.5); // 4 m from the gateway, inside its 5 m
    const linked = device('sensor', 1, 6, 0.5); // 1.5 m from the router
    const lost = device('sensor', 1, 15, 4); // far from everything
    const a = analyseLinks(s, [gw, router, linked, lost]);
    expect(a.meshShare).toBe(0.5);
    expect(a.starShare).toBe(0.5);
    expect(a.links.filter((l) => l.backbone)).toHaveLength(1);
    // Each sensor shows its best attempt: the lost one's is failing.
    const lostLink = a.links.find((l) => l.a === lost || l.b === lost)!;
    expect(lostLink.marginDb).toBeLessThan(0);
    expect(marginColour(lostLink.marginDb)).toBe('#d64545');
  });
});

describe('placement metrics', () => {
  it('match the report model of shared/plan-render on the same placement (thesis disks)', () => {
    const snapshot: ProjectSnapshot = {
      ...plan(floor(10, 8)),
      placements: [
        { id: 1, floorId: 1, deviceTypeId: 1, x: 1.5, y: 1.5, label: 'S1' },
        { id: 2, floorId: 1, deviceTypeId: 1, x: 2.5, y: 1.5, label: 'S2' },
        { id: 3, floorId: 1, deviceTypeId: 1, x: 7.5, y: 5.5, label: 'S3' },
        { id: 4, floorId: 1, deviceTypeId: 2, x: 5.5, y: 3.5, label: 'R1' },
        { id: 5, floorId: 1, deviceTypeId: 3, x: 0.5, y: 0.5, label: 'GW' },
      ],
    };
    const s = overlayStaticsFor(snapshot, 1)!;
    const r = computeOverlays(s, placementDevices(snapshot, 1), NO_OVERLAYS);
    const reference = thesisDiskMetrics((floorScene(snapshot, 1) as { ok: true; value: Parameters<typeof thesisDiskMetrics>[0] }).value);
    expect(r.metrics.cost).toBe(6); // 3 sensors × 1 + 1 router × 3
    expect(r.metrics.cost).toBe(reference.cost);
    expect(r.metrics.coveragePct).toBeCloseTo(reference.coveragePct!, 9);
    expect(r.metrics.overCoveragePct).toBeCloseTo(reference.overCoveragePct!, 9);
    expect(r.metrics.connectivityPct).toBeCloseTo(reference.connectivityPct!, 9);
    expect(r.metrics.connectivityMeasure).toBe('area');
    // 3 disks of 5 cells, two sharing 2 cells: 13 of 80 cells; 2 twice.
    expect(r.metrics.coveragePct).toBeCloseTo((100 * 13) / 80, 9);
    expect(r.metrics.overCoveragePct).toBeCloseTo((100 * 2) / 80, 9);
    expect(r.power).toBeNull();
  });

  it('flags points of interest left uncovered, and the share of a watched area that is covered', () => {
    const zones = [
      { id: 1, floorId: 1, kind: 'poi' as const, name: 'Door', polygon: [{ x: 1.5, y: 1.5 }] },
      { id: 2, floorId: 1, kind: 'poi' as const, name: 'Far', polygon: [{ x: 8.5, y: 1.5 }] },
      { id: 3, floorId: 1, kind: 'poi' as const, name: 'Room', polygon: [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 1 }, { x: 0, y: 1 }] },
    ];
    const s = overlayStaticsFor(plan(floor(10, 3), [], zones), 1)!;
    const r = computeOverlays(s, [device('sensor', 1, 1.5, 1.5)], NO_OVERLAYS);
    expect(r.pois.map((p) => [p.name, p.coveredShare])).toEqual([
      ['Door', 1],
      ['Far', 0],
      // The area's cells are the row y = 0.5 m (x = 0.5 … 3.5 m); the disk reaches (1.5, 0.5) only.
      ['Room', 1 / 4],
    ]);
  });
});

describe('heatmap pixels', () => {
  it('paints one RGBA pixel per cell, transparent outside the floor outline', () => {
    const triangle = { ...floor(3, 3), outline: [{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 0, y: 3 }] };
    const s = overlayStaticsFor(plan(triangle), 1)!;
    const px = rasterise(s, () => countRgb(1), 0.5);
    expect(px.length).toBe(3 * 3 * 4);
    expect([...px.subarray(0, 4)]).toEqual([...countRgb(1), 128]); // (0.5, 0.5) inside
    expect(px[(2 * 3 + 2) * 4 + 3]).toBe(0); // (2.5, 2.5) outside the triangle
    expect(powerRgb(-100)).toEqual([68, 1, 84]);
    expect(powerRgb(-30)).toEqual([253, 231, 37]);
  });
});
