// The thesis's case study as a project floor (seed 003 §4.7.1): an office of 10 m × 8 m, 1 m grid,
// sensors with a 1.5 m detection disk and a 3 m communication disk, routers with a 5 m disk, unit
// costs. The same device types are the 'thesis-sensor' and 'thesis-router' entries of
// resources/catalogue/devices.json (tested). Walls, installable zone and gateway are those of the
// built-in example project (electron/services/project/examples/thesis-office.ts): brick outer walls,
// a window band on the south side, the door on the west side, the gateway in the free corner cell at (0.5 m, 0.5 m). The
// thesis's models ignore walls; the real radios of the catalogue see them.
import type { Floor, Material, Wall, Zone } from '../building';
import type { DeviceSpec } from '../catalogue';
import { defaultMaterialsFor } from '../materials';

export const THESIS_SENSOR_SPEC: DeviceSpec = {
  key: 'thesis-sensor',
  kind: 'sensor',
  name: 'Thesis sensor (binary disk)',
  cost: 1,
  detection: { kind: 'disk', radiusM: 1.5, blockedByWalls: false },
  radio: { technology: 'ideal-disk', rangeM: 3 },
  power: { source: 'mains' },
  source: 'Thesis (seed 003) §4.7.1: coverage radius 1.5 m, connectivity radius 3 m, unit cost',
};

export const THESIS_ROUTER_SPEC: DeviceSpec = {
  key: 'thesis-router',
  kind: 'router',
  name: 'Thesis router (binary disk)',
  cost: 1,
  radio: { technology: 'ideal-disk', rangeM: 5 },
  power: { source: 'mains' },
  source: 'Thesis (seed 003) §4.7.1: router radius 5 m, unit cost',
};

export interface ExampleFloor {
  readonly floor: Floor;
  readonly walls: readonly Wall[];
  readonly zones: readonly Zone[];
  readonly materials: readonly Material[];
  readonly sensor: DeviceSpec;
  readonly router: DeviceSpec;
}

const L = 10;
const W = 8;
// Ids of the default materials in table order (materials.ts): Brick, Glass, Wooden door.
const BRICK = 2;
const GLASS = 4;
const DOOR = 5;
const wall = (id: number, ax: number, ay: number, bx: number, by: number, materialId: number, thicknessM: number): Wall => ({
  id,
  floorId: 1,
  a: { x: ax, y: ay },
  b: { x: bx, y: by },
  materialId,
  thicknessM,
});

export function thesisOfficeFloor(): ExampleFloor {
  return {
    floor: { id: 1, name: 'Office', level: 0, widthM: L, heightM: W, outline: [], gridPitchM: 1, plan: null },
    walls: [
      wall(1, 0, 0, L, 0, BRICK, 0.2),
      wall(2, L, 0, L, W, BRICK, 0.2),
      wall(3, L, W, 6, W, BRICK, 0.2),
      wall(4, 6, W, 2, W, GLASS, 0.05),
      wall(5, 2, W, 0, W, BRICK, 0.2),
      wall(6, 0, W, 0, 2, BRICK, 0.2),
      wall(7, 0, 2, 0, 1, DOOR, 0.05),
      wall(8, 0, 1, 0, 0, BRICK, 0.2),
    ],
    zones: [
      { id: 1, floorId: 1, kind: 'installable', name: 'Ceiling', polygon: [{ x: 0, y: 0 }, { x: L, y: 0 }, { x: L, y: W }, { x: 0, y: W }] },
      { id: 2, floorId: 1, kind: 'gateway', name: 'Gateway', polygon: [{ x: 0.5, y: 0.5 }] },
    ],
    materials: defaultMaterialsFor(2.44e9).map((m, i) => ({ id: i + 1, ...m })),
    sensor: THESIS_SENSOR_SPEC,
    router: THESIS_ROUTER_SPEC,
  };
}

/**
 * The thesis's NSGA-II plan (Table 4.5 routers, Table 4.7 sensors) in metres: its (x, y) is (row,
 * column) of the 8 × 10 grid, i.e. the cell centre (y + 0.5, x + 0.5).
 */
export function thesisNsga2Placement(): { sensors: Array<{ x: number; y: number }>; routers: Array<{ x: number; y: number }> } {
  const cell = (row: number, column: number) => ({ x: column + 0.5, y: row + 0.5 });
  const sx = [0, 1, 1, 1, 3, 4, 4, 4, 6, 6, 7, 7];
  const sy = [5, 0, 2, 8, 0, 2, 6, 9, 0, 5, 3, 8];
  return {
    routers: [cell(3, 9), cell(4, 3)],
    sensors: sx.map((x, i) => cell(x, sy[i])),
  };
}
