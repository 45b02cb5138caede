// The thesis's deployment model (§2.2, §4.5, §4.6.3) on its office (§4.7): site tables, the distance
// convention checked against the published tables, and the two encodings agreeing.
import { describe, expect, it } from 'vitest';
import { deploymentProblem } from '../../../shared/optimize/problems/deployment';
import { gridGeometry } from '../../../shared/optimize/problems/grid-floor';
import { cellsWithinRadius } from '../../../shared/optimize/problems/site-tables';
import { THESIS_OFFICE_FLOOR, thesisCellToSite, thesisOfficeSpec } from '../../../shared/optimize/problems/thesis-office';
import type { BinaryEncoding, PlacementSetEncoding, Problem } from '../../../shared/optimize/problem';
import { Random } from '../../../shared/optimize/random';

/** Objectives of a placement given as the thesis's (x, y) = (row, column) pairs. */
function evaluateThesis(kind: 'sensors' | 'routers', cells: Array<[number, number]>, radiusScale = 1): number[] {
  const spec = thesisOfficeSpec(kind, 'sites');
  const scaled =
    spec.kind === 'routers'
      ? { ...spec, router: { ...spec.router, commRadiusM: spec.router.commRadiusM * radiusScale } }
      : { ...spec, sensor: { ...spec.sensor, detectionRadiusM: spec.sensor.detectionRadiusM * radiusScale } };
  const problem = deploymentProblem(scaled) as Problem<PlacementSetEncoding>;
  const x = Int32Array.from(cells.map(([r, c]) => thesisCellToSite(r, c))).sort();
  const out = new Float64Array(problem.objectives.length);
  problem.evaluate(x, out, new Float64Array(0));
  return Array.from(out, (v) => Math.round(v * 1e9) / 1e9);
}

// Table 4.5 (routers) and Table 4.7 (sensors), thesis (x, y) = (row, column).
const ROUTERS = {
  spea2: [[1, 1], [1, 7], [7, 7]] as Array<[number, number]>,
  nsga2: [[3, 9], [4, 3]] as Array<[number, number]>,
  nsga3: [[1, 9], [4, 1]] as Array<[number, number]>,
};
const SENSORS = {
  spea2: [[0, 2], [0, 6], [0, 9], [1, 5], [3, 0], [3, 3], [3, 8], [5, 5], [6, 1], [6, 4], [6, 6], [6, 9]] as Array<[number, number]>,
  nsga2: [[0, 5], [1, 0], [1, 2], [1, 8], [3, 0], [4, 2], [4, 6], [4, 9], [6, 0], [6, 5], [7, 3], [7, 8]] as Array<[number, number]>,
  nsga3: [[0, 5], [0, 8], [1, 0], [1, 2], [2, 9], [3, 6], [4, 0], [4, 3], [6, 3], [6, 6], [6, 9], [7, 1]] as Array<[number, number]>,
};

describe('site → cells tables', () => {
  const g = gridGeometry(THESIS_OFFICE_FLOOR);
  const size = (radius: number, site: number): number => {
    const t = cellsWithinRadius(g, radius);
    return t.offsets[site + 1] - t.offsets[site];
  };
  it('hold the lattice points of each disk (distance ≤ radius)', () => {
    const centre = thesisCellToSite(4, 4);
    // Integer points with dx² + dy² ≤ R²: 9 for R = 1.5, 29 for R = 3, 81 for R = 5 (Gauss circle counts).
    expect(size(1.5, centre)).toBe(9);
    expect(size(3, centre)).toBe(29);
    // R = 5 from row 4, column 4 loses the points on row −1 (1), row 8 (dy = 4: 7), row 9 (1) and
    // column −1 (1): 81 − 10 = 71.
    expect(size(5, centre)).toBe(71);
    expect(size(1.5, thesisCellToSite(0, 0))).toBe(4); // a corner keeps a quarter of its 3 × 3 block
  });
});

describe('thesis distance convention', () => {
  it('reproduces Table 4.4 from Table 4.5 with "covered when distance ≤ radius" (the thesis code), not with <', () => {
    expect(evaluateThesis('routers', ROUTERS.spea2)).toEqual([3, 95]);
    expect(evaluateThesis('routers', ROUTERS.nsga2)).toEqual([2, 100]);
    expect(evaluateThesis('routers', ROUTERS.nsga3)).toEqual([2, 91.25]);
    // Strict "<" (a radius a hair shorter) gives 92.5, 98.75 and 86.25 instead.
    expect(evaluateThesis('routers', ROUTERS.spea2, 1 - 1e-6)[1]).toBe(92.5);
    expect(evaluateThesis('routers', ROUTERS.nsga2, 1 - 1e-6)[1]).toBe(98.75);
    expect(evaluateThesis('routers', ROUTERS.nsga3, 1 - 1e-6)[1]).toBe(86.25);
  });

  it('cannot reproduce Table 4.6 from Table 4.7 under either convention', () => {
    // On a 1 m grid no centre-to-centre distance equals 1.5 m (d² is an integer, 2.25 is not), so
    // < and ≤ agree on coverage and over-coverage (the scaled radius below is the detection one).
    for (const cells of Object.values(SENSORS)) expect(evaluateThesis('sensors', cells, 1 - 1e-6)).toEqual(evaluateThesis('sensors', cells));
    // Published (cost, coverage, connectivity, over-coverage): SPEA-II 12/96.25/100/12.5,
    // NSGA-II 12/96.25/100/11.25, NSGA-III 12/91.25/100/13.75. The coordinates evaluate to:
    expect(evaluateThesis('sensors', SENSORS.spea2)).toEqual([12, 95, 100, 16.25]);
    expect(evaluateThesis('sensors', SENSORS.nsga2)).toEqual([12, 93.75, 100, 13.75]);
    // …and the NSGA-III coordinates give exactly the published SPEA-II row: the table rows look shuffled.
    expect(evaluateThesis('sensors', SENSORS.nsga3)).toEqual([12, 96.25, 100, 12.5]);
    // Figure 4.13 (NSGA-II's plan, S7 at (4, 5) instead of (4, 6)) gives 92.5 / 100 / 15.
    const figure = SENSORS.nsga2.map(([r, c]): [number, number] => (r === 4 && c === 6 ? [4, 5] : [r, c]));
    expect(evaluateThesis('sensors', figure)).toEqual([12, 92.5, 100, 15]);
  });

  it('scores a hand-made 12-sensor tiling: 100 % coverage, 10 % over-coverage', () => {
    // 3 × 3 blocks centred on rows 1, 4, 7 and columns 1, 4, 7, 9: every cell covered, column 8
    // covered twice on all 8 rows → 8 / 80 = 10 %.
    const cells: Array<[number, number]> = [];
    for (const r of [1, 4, 7]) for (const c of [1, 4, 7, 9]) cells.push([r, c]);
    expect(evaluateThesis('sensors', cells)).toEqual([12, 100, 100, 10]);
  });
});

describe('encodings', () => {
  it('grid and placement-set encodings evaluate the same placement identically', () => {
    for (const kind of ['sensors', 'routers'] as const) {
      const grid = deploymentProblem(thesisOfficeSpec(kind, 'grid')) as Problem<BinaryEncoding>;
      const sites = deploymentProblem(thesisOfficeSpec(kind, 'sites')) as Problem<PlacementSetEncoding>;
      const rng = new Random(1);
      for (let t = 0; t < 50; t++) {
        const bits = Uint8Array.from({ length: 80 }, () => (rng.random() < 0.2 ? 1 : 0));
        const set = Int32Array.from(Array.from(bits.keys()).filter((i) => bits[i]));
        const a = new Float64Array(grid.objectives.length);
        const b = new Float64Array(sites.objectives.length);
        grid.evaluate(bits, a, new Float64Array(0));
        sites.evaluate(set, b, new Float64Array(0));
        expect(Array.from(a)).toEqual(Array.from(b));
        expect(grid.sitesOf?.(bits)).toEqual(sites.sitesOf?.(set));
      }
    }
  });

  it('reports sites in metres at cell centres, x along the 10 m length', () => {
    const sites = deploymentProblem(thesisOfficeSpec('routers', 'sites')) as Problem<PlacementSetEncoding>;
    expect(sites.sitesOf?.(Int32Array.of(thesisCellToSite(3, 9), thesisCellToSite(4, 3)))).toEqual([
      [9.5, 3.5],
      [3.5, 4.5],
    ]);
  });

  it('takes percentages over floor cells only and places devices on allowed sites only', () => {
    // A 4 × 2 floor whose last column is outside the floor, sites only on the first row.
    const floorMask = [1, 1, 1, 0, 1, 1, 1, 0];
    const siteMask = [1, 1, 1, 1, 0, 0, 0, 0];
    const p = deploymentProblem({
      kind: 'sensors',
      floor: { columns: 4, rows: 2, pitchM: 1, floorMask, siteMask },
      sensor: { detectionRadiusM: 1, commRadiusM: 1, unitCost: 250 },
      encoding: 'sites',
    }) as Problem<PlacementSetEncoding>;
    expect(p.encoding.siteCount).toBe(3);
    const out = new Float64Array(4);
    // Site 1 = cell (column 1, row 0): covers (0,0) (1,0) (2,0) (1,1) → 4 of 6 floor cells.
    p.evaluate(Int32Array.of(1), out, new Float64Array(0));
    expect(out[0]).toBe(250);
    expect(out[1]).toBeCloseTo((4 / 6) * 100, 12);
    expect(out[2]).toBeCloseTo((4 / 6) * 100, 12);
    expect(out[3]).toBe(0);
  });
});
