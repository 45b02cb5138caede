import { describe, expect, it } from 'vitest';
import type { Floor, Wall, Zone } from '../../../shared/model/building';
import { hasErrors, validateFloor } from '../../../shared/model/validate';

const P = (x: number, y: number) => ({ x, y });
const rect = (x0: number, y0: number, x1: number, y1: number) => [P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1)];
const floor: Floor = { id: 1, name: 'Ground floor', level: 0, widthM: 10, heightM: 8, outline: [], gridPitchM: 1, plan: null };
const materials = [{ id: 1, name: 'Brick', attenuationDb: 6.5, colour: '#c0392b' }];
const wall = (id: number, a: { x: number; y: number }, b: { x: number; y: number }, materialId = 1): Wall => ({ id, floorId: 1, a, b, materialId, thicknessM: 0.2 });
const zone = (id: number, kind: Zone['kind'], polygon: Zone['polygon'], name = ''): Zone => ({ id, floorId: 1, kind, name, polygon });
const gateway = zone(99, 'gateway', [P(5, 4)]);

const check = (walls: Wall[], zones: Zone[]) => validateFloor({ floor, walls, zones: [gateway, ...zones], materials });

describe('floor validation', () => {
  it('accepts a clean floor', () => {
    expect(check([wall(1, P(5, 0), P(5, 8))], [zone(2, 'installable', rect(0, 0, 10, 8))])).toEqual([]);
  });

  it('names a zero-length wall and where it is', () => {
    const problems = check([wall(7, P(2, 3), P(2, 3))], []);
    expect(problems).toEqual([
      { code: 'zero-length-wall', severity: 'error', wallId: 7, message: 'Wall #7 has zero length (both ends at (2 m, 3 m)); delete it or drag one end.' },
    ]);
    expect(hasErrors(problems)).toBe(true);
  });

  it('tells a wall outside the floor from one running partly outside', () => {
    const problems = check([wall(1, P(12, 1), P(15, 1)), wall(2, P(8, 1), P(12, 1)), wall(3, P(0, 0), P(10, 0))], []);
    expect(problems.map((p) => [p.code, p.wallId])).toEqual([
      ['wall-outside-floor', 1],
      ['wall-partly-outside-floor', 2],
    ]);
    expect(problems[0].message).toBe('Wall #1 from (12 m, 1 m) to (15 m, 1 m) lies entirely outside floor "Ground floor".');
  });

  it('reports a wall of an unknown material', () => {
    expect(check([wall(4, P(1, 1), P(2, 1), 3)], []).map((p) => p.message)).toEqual(['Wall #4 uses material #3, which the project does not have.']);
  });

  it('warns about overlapping zones of the same kind, not about exclusions inside installable areas', () => {
    const problems = check([], [zone(2, 'installable', rect(0, 0, 6, 8), 'West'), zone(3, 'installable', rect(4, 0, 10, 8), 'East'), zone(4, 'exclusion', rect(1, 1, 2, 2))]);
    expect(problems).toEqual([
      {
        code: 'zones-overlap',
        severity: 'warning',
        zoneId: 3,
        message: 'Zones "West" and "East" (installable) overlap; their common cells count once — merge them or correct an outline.',
      },
    ]);
  });

  it('reports an empty installable area', () => {
    const outside = check([], [zone(2, 'installable', rect(20, 20, 25, 25), 'Annex')]);
    expect(outside.map((p) => p.code)).toEqual(['zone-outside-floor', 'empty-installable-area']);
    expect(outside[1].message).toMatch(/^No candidate site remains on floor "Ground floor" at a 1 m pitch/);
    // an installable zone smaller than a cell and missing every cell centre
    expect(check([], [zone(2, 'installable', rect(0.1, 0.1, 0.4, 0.4))]).map((p) => p.code)).toEqual(['empty-installable-area']);
    // exclusions over the whole floor, no installable zone
    const covered = check([], [zone(2, 'exclusion', rect(0, 0, 10, 8))]);
    expect(covered.map((p) => p.message)).toEqual(['Floor "Ground floor" has no candidate site at a 1 m pitch: exclusions cover the whole floor.']);
  });

  it('checks the gateway and degenerate zones and outlines', () => {
    const two = validateFloor({ floor, walls: [], zones: [gateway, zone(5, 'gateway', [P(1, 1)])], materials });
    expect(two.map((p) => p.code)).toEqual(['multiple-gateways']);
    const none = validateFloor({ floor, walls: [], zones: [], materials });
    expect(none.map((p) => [p.code, p.severity])).toEqual([['no-gateway', 'warning']]);
    const outside = validateFloor({ floor, walls: [], zones: [zone(5, 'gateway', [P(11, 1)])], materials });
    expect(outside.map((p) => p.code)).toEqual(['gateway-outside-floor']);
    expect(check([], [zone(6, 'exclusion', [P(1, 1), P(2, 2)])]).map((p) => p.code)).toEqual(['degenerate-zone']);
    const bowtie = { ...floor, outline: [P(0, 0), P(10, 8), P(10, 0), P(0, 8)] };
    expect(validateFloor({ floor: bowtie, walls: [], zones: [gateway], materials }).map((p) => p.code)).toContain('self-intersecting-outline');
  });
});
