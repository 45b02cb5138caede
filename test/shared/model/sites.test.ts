import { describe, expect, it } from 'vitest';
import type { Zone } from '../../../shared/model/building';
import { candidateSites, floorCells, latticeNeighbours, monitoredCells } from '../../../shared/model/sites';
import { gatewayPosition, zonesOfFloor } from '../../../shared/model/zones';

const office = { outline: [], widthM: 10, heightM: 8 };
const P = (x: number, y: number) => ({ x, y });
const rect = (x0: number, y0: number, x1: number, y1: number) => [P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1)];
let nextId = 1;
const zone = (kind: Zone['kind'], polygon: Zone['polygon']): Zone => ({ id: nextId++, floorId: 1, kind, name: kind, polygon });

describe('grid cells and candidate sites', () => {
  it('lays the thesis office as 8 rows of 10 cells, numbered row by row', () => {
    const cells = floorCells(office, 1);
    expect(cells.count).toBe(80);
    expect([cells.xs[0], cells.ys[0]]).toEqual([0.5, 0.5]);
    expect([cells.xs[9], cells.ys[9]]).toEqual([9.5, 0.5]);
    expect([cells.xs[10], cells.ys[10]]).toEqual([0.5, 1.5]);
    expect([cells.col[79], cells.row[79]]).toEqual([9, 7]);
    expect(floorCells(office, 0.5).count).toBe(320);
  });

  it('keeps only cells whose centre is inside an L-shaped outline', () => {
    const L = { outline: [P(0, 0), P(5, 0), P(5, 4), P(10, 4), P(10, 8), P(0, 8)], widthM: 10, heightM: 8 };
    expect(floorCells(L, 1).count).toBe(60);
  });

  it('places candidate sites inside installable zones and outside exclusions', () => {
    const all = zonesOfFloor([], 1);
    expect(candidateSites(office, all, 1).count).toBe(80); // no installable zone: the whole floor
    const fz = zonesOfFloor([zone('installable', rect(0, 0, 4, 8)), zone('exclusion', rect(1, 1, 3, 3))], 1);
    // 4 × 8 = 32 cells, minus the 2 × 2 excluded block
    expect(candidateSites(office, fz, 1).count).toBe(28);
    // An exclusion's edge excludes: the cell centre (0.5, 0.5) lies on the edge of this one
    const edge = zonesOfFloor([zone('exclusion', rect(0, 0, 0.5, 0.5))], 1);
    expect(candidateSites(office, edge, 1).count).toBe(79);
  });

  it('watches points of interest and their areas when asked to', () => {
    const fz = zonesOfFloor([zone('poi', rect(0, 0, 2, 2)), zone('poi', [P(7.3, 6.1)]), zone('gateway', [P(5, 4)])], 1);
    const m = monitoredCells(office, fz, 1, 'points-of-interest');
    expect(m.count).toBe(5);
    expect([m.xs[4], m.ys[4], m.col[4]]).toEqual([7.3, 6.1, -1]);
    expect(monitoredCells(office, fz, 1, 'floor').count).toBe(80);
    expect(gatewayPosition(fz)).toEqual(P(5, 4));
  });

  it('links each site to the sites of its 8 surrounding cells', () => {
    const n = latticeNeighbours(floorCells(office, 1));
    const row = (i: number) => Array.from(n.items.subarray(n.offsets[i], n.offsets[i + 1]));
    expect(row(0)).toEqual([1, 10, 11]);
    expect(row(11)).toEqual([0, 1, 2, 10, 12, 20, 21, 22]);
  });
});
