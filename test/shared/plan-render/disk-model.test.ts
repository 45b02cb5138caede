import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { deploymentProblem } from '../../../shared/optimize/problems/deployment';
import { thesisCellToSite, thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import { coverageCells, diskLinks, thesisDiskMetrics } from '../../../shared/plan-render/disk-model';
import { floorScene } from '../../../shared/plan-render/floor-scene';
import { SENSORS_ROW_COL, THESIS_TYPES, thesisOfficeSnapshot } from './fixtures';

function scene(s: ProjectSnapshot) {
  const r = floorScene(s, undefined);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** A strip floor of `columns` × 1 cells of 1 m with sensors at the given x (y = 0.5). */
function strip(columns: number, sensorXs: number[], radiusM = 1.5): ProjectSnapshot {
  return {
    building: { name: 'strip', address: '', notes: '' },
    materials: [],
    floors: [{ id: 1, name: 'F', level: 0, widthM: columns, heightM: 1, outline: [], gridPitchM: 1, plan: null }],
    walls: [],
    zones: [],
    deviceTypes: [{ id: 1, kind: 'sensor', name: 'S', spec: { cost: 2.5, detection: { kind: 'disk', radiusM }, radio: { technology: 'ideal-disk', rangeM: 1 } } }],
    placements: sensorXs.map((x, i) => ({ id: i + 1, floorId: 1, deviceTypeId: 1, x, y: 0.5, label: '' })),
  };
}

describe('thesis disk model on a placement', () => {
  it('counts cells by hand on a strip: distance to the cell centre ≤ R_d', () => {
    // Cells centred at 0.5 … 5.5; a sensor at 0.5 with R_d = 1.5 reaches 0.5 and 1.5 (d = 0, 1), not 2.5 (d = 2).
    const m = thesisDiskMetrics(scene(strip(6, [0.5])));
    expect(m.cellCount).toBe(6);
    expect(m.coveragePct).toBeCloseTo((100 * 2) / 6, 12);
    expect(m.overCoveragePct).toBe(0);
    // Two sensors at 1.5 and 2.5 (R_d 1.5): cells 0.5..3.5 for the first is 0.5,1.5,2.5; the second 1.5,2.5,3.5.
    const two = thesisDiskMetrics(scene(strip(6, [1.5, 2.5])));
    expect(two.coveragePct).toBeCloseTo((100 * 4) / 6, 12);
    expect(two.overCoveragePct).toBeCloseTo((100 * 2) / 6, 12);
    // The catalogue's spec shape: cost and an ideal-disk radio.
    expect(two.cost).toBe(5);
    expect(two.connectivityPct).toBeCloseTo((100 * 4) / 6, 12); // range 1 m: 0.5..3.5
  });

  it('counts a cell exactly on the radius as covered (the thesis code tests d ≤ R)', () => {
    // R_d = 2 from x = 0.5: the cell at 2.5 is at exactly 2 m.
    expect(thesisDiskMetrics(scene(strip(4, [0.5], 2))).coveragePct).toBe(75);
  });

  it('gives the thesis office the values the optimiser gives the same sites', () => {
    const s = scene(thesisOfficeSnapshot());
    const m = thesisDiskMetrics(s);
    // Hand count on Figure 4.13: 5 cells uncovered (row 2 columns 4–6, rows 3–4 column 4), 11 covered twice or more.
    expect(m.coveragePct).toBe(93.75);
    expect(m.overCoveragePct).toBe(13.75);
    expect(m.connectivityPct).toBe(100);
    expect(m.routerConnectivityPct).toBe(100);
    expect(m.cost).toBe(14);
    expect([m.sensorCount, m.routerCount, m.gatewayCount]).toEqual([12, 2, 1]);

    const problem = deploymentProblem(thesisOfficeSpec('sensors', 'sites'));
    const sites = Int32Array.from(SENSORS_ROW_COL.map(([r, c]) => thesisCellToSite(r, c))).sort();
    const out = new Float64Array(4);
    (problem.evaluate as (x: Int32Array, o: Float64Array, v: Float64Array) => void)(sites, out, new Float64Array(0));
    // [cost, coverage, connectivity, overCoverage] of the sensors problem.
    expect(out[1]).toBe(m.coveragePct);
    expect(out[2]).toBe(m.connectivityPct);
    expect(out[3]).toBe(m.overCoveragePct);
  });

  it('marks the detection degree per cell (k of k-coverage)', () => {
    const cov = coverageCells(scene(thesisOfficeSnapshot()));
    const at = (x: number, y: number) => {
      for (let c = 0; c < cov.cells.count; c++) if (cov.cells.xs[c] === x && cov.cells.ys[c] === y) return cov.degree[c];
      throw new Error('no cell');
    };
    // Cell (1.5, 2.5): S2 (0.5,1.5) d=√2, S3 (2.5,1.5) d=√2, S5 (0.5,3.5) d=√2, S6 (2.5,4.5) d=√5 > 1.5 → 3.
    expect(at(1.5, 2.5)).toBe(3);
    expect(at(4.5, 2.5)).toBe(0);
  });

  it('links sensors to routers / the gateway within both radii, and measures star and mesh reach', () => {
    const s = scene(thesisOfficeSnapshot());
    const links = diskLinks(s).map((l) => [l.a.label, l.b.label].sort().join('-')).sort();
    // Gateway (0.5,1.5): S2 (0 m), S3 (2 m), S5 (2 m) within the sensors' 3 m; R2 (3.5,4.5) at 4.24 m ≤ 5 m.
    // R1 (9.5,3.5): S4 (2.24 m), S8 (1 m). R2: S6 (1 m), S7 (3 m), S10 (2.83 m), S11 (3 m). R1–R2 6.08 m > 5 m.
    expect(links).toEqual(['GW-R2', 'GW-S2', 'GW-S3', 'GW-S5', 'R1-S4', 'R1-S8', 'R2-S10', 'R2-S11', 'R2-S6', 'R2-S7'].sort());
    const m = thesisDiskMetrics(s);
    expect(m.sensorsLinkedPct).toBe(75); // 9 of 12 (S1, S9, S12 out of reach)
    expect(m.sensorsReachingGatewayPct).toBeCloseTo((100 * 7) / 12, 12); // R1's two sensors cannot reach the gateway
  });

  it('reports what it cannot compute instead of a wrong number', () => {
    const s = thesisOfficeSnapshot();
    const noCost = { ...s, deviceTypes: [{ ...THESIS_TYPES[0], spec: { detection: { model: 'disk', radiusM: 1.5 } } }, THESIS_TYPES[1], THESIS_TYPES[2]] };
    const m = thesisDiskMetrics(scene(noCost));
    expect(m.cost).toBeNull();
    expect(m.connectivityPct).toBeNull(); // the sensor type lost its communication radius
    expect(m.coveragePct).toBe(93.75);
    const realRadio = { ...s, deviceTypes: [{ ...THESIS_TYPES[0], spec: { cost: 1, detection: { kind: 'disk', radiusM: 1.5 }, radio: { technology: 'ble' } } }, THESIS_TYPES[1], THESIS_TYPES[2]] };
    expect(thesisDiskMetrics(scene(realRadio)).sensorsLinkedPct).toBeNull();
  });
});
