import { describe, expect, it } from 'vitest';
import { buildPlanScene, countFloor, gridLines, MAX_GRID_LINES } from '../../renderer/src/features/planner/canvas/scene';
import { polygonAreaM2 } from '../../renderer/src/features/planner/polygon-area';
import { officeSnapshot } from './snapshots';

describe('plan scene', () => {
  const scene = buildPlanScene(officeSnapshot(), 1)!;

  it('colours walls by their material, with a visible fallback for a missing one', () => {
    expect(scene.walls.map((w) => [w.id, w.colour, w.materialName])).toEqual([
      [1, '#c0392b', 'Brick'],
      [2, '#c0392b', 'Brick'],
      [3, '#5dade2', 'Glass'],
      [4, '#888888', '?'],
    ]);
    expect(scene.walls[2]!.points).toEqual([2, 8, 6, 8]);
    expect(scene.walls[2]!.thicknessM).toBe(0.1);
  });

  it('keeps area zones as polygons and single-point zones as points', () => {
    expect(scene.zones[0]!.polygon).toEqual([0, 0, 10, 0, 10, 8, 0, 8]);
    expect(scene.zones[0]!.point).toBeNull();
    expect(scene.zones[1]!.polygon).toBeNull();
    expect(scene.zones[1]!.point).toEqual({ x: 0.5, y: 1.5 });
  });

  it('knows each device by its type, and leaves out a placement of an unknown type', () => {
    expect(scene.devices.map((d) => `${d.label}:${d.kind}`)).toEqual(['S1:sensor', 'S2:sensor', 'R1:router', 'GW:gateway', 'S-out:sensor']);
  });

  it('fits what is drawn: the outline and a device outside it', () => {
    expect(scene.bounds).toEqual({ minX: 0, minY: -1, maxX: 12, maxY: 8 });
  });

  it('draws the grid at the floor pitch over the outline: 11 × 9 lines for 10 m × 8 m at 1 m', () => {
    expect(scene.grid.pitchM).toBe(1);
    expect(scene.grid.xs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scene.grid.ys).toHaveLength(9);
  });

  it('coarsens the grid on a big floor: 1 km at 0.1 m would be 10 000 lines, 5 m pitch gives 201', () => {
    const g = gridLines({ minX: 0, minY: 0, maxX: 1000, maxY: 400 }, 0.1);
    expect(g.pitchM).toBeCloseTo(5, 12);
    expect(g.xs).toHaveLength(201);
    expect(g.ys).toHaveLength(81);
    expect(g.xs.length).toBeLessThanOrEqual(MAX_GRID_LINES + 1);
  });

  it('places grid lines on multiples of a fractional pitch without drifting', () => {
    const g = gridLines({ minX: 0.05, minY: 0, maxX: 0.35, maxY: 0.3 }, 0.1);
    expect(g.xs).toEqual([0.1, 0.2, 0.3]);
    expect(g.ys).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('counts what is on the floor', () => {
    expect(countFloor(officeSnapshot(), 1)).toEqual({ walls: 4, zones: 2, devices: { sensor: 3, router: 1, gateway: 1 } });
    expect(buildPlanScene(officeSnapshot(), 7)).toBeNull();
  });

  it('measures a floor area with the shoelace formula: 10 × 8 = 80 m², an L of 6 × 4 − 3 × 2 = 18 m²', () => {
    expect(polygonAreaM2(officeSnapshot().floors[0]!.outline)).toBe(80);
    const l = [
      { x: 0, y: 0 },
      { x: 6, y: 0 },
      { x: 6, y: 2 },
      { x: 3, y: 2 },
      { x: 3, y: 4 },
      { x: 0, y: 4 },
    ];
    expect(polygonAreaM2(l)).toBe(18);
    expect(polygonAreaM2([...l].reverse())).toBe(18);
  });
});
