// Everything the overlays need that does not move when a device does, prepared once per plan: the
// floor's grid cells (the thesis's cells, at the floor's pitch), the walls in shared/radio's grid index
// (ray–wall work is then a walk through a few grid cells, COST 231 multi-wall semantics), the device
// types' radio and sensing, the zones. Memoised on the content of the plan, so a new snapshot with the
// same walls, zones and types reuses it — and the per-device caches it holds.
import type { DeviceKind, Floor, Point, ProjectSnapshot } from '../../../../../shared/model/building';
import { floorCells, type GridPoints } from '../../../../../shared/model/sites';
import { floorOutline, isArea, zonesOfFloor, type FloorZones } from '../../../../../shared/model/zones';
import { latticeIndex } from '../../../../../shared/optimize/problems/deployment/coverage-tables';
import type { LossyWall } from '../../../../../shared/radio/multi-wall';
import { WallIndex } from '../../../../../shared/radio/wall-index';
import { locatePoint } from '../../../../../shared/model/geometry';
import { viewType, type TypeView } from './radio-view';

/** A device as the overlays see it: a placement, or a ghost of a previewed solution. */
export interface LiveDevice {
  /** Placement id; negative for ghosts. */
  readonly id: number;
  readonly kind: DeviceKind;
  readonly typeId: number | null;
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly ghost: boolean;
}

/** A sensor's detection of the cells around it: cell indices and probabilities. */
export interface SensorCover {
  readonly cells: Int32Array;
  readonly probability: Float32Array;
}

/** More cells than this make the overlays coarser (a multiple of the floor's pitch), not slower. */
export const MAX_OVERLAY_CELLS = 40_000;

export interface OverlayStatics {
  readonly key: string;
  readonly floor: Floor;
  readonly outline: readonly Point[];
  readonly pitchM: number;
  /** True when the overlay pitch is coarser than the floor's (too many cells). */
  readonly coarsened: boolean;
  readonly cells: GridPoints;
  /** Lattice cell (row-major) → index in `cells`, −1 outside the floor. */
  readonly cellAt: Int32Array;
  readonly wallIndex: WallIndex;
  readonly types: ReadonlyMap<number, TypeView>;
  readonly zones: FloorZones;
  /** Cells of each point-of-interest area (boundary included). */
  readonly poiAreaCells: readonly { readonly zoneId: number; readonly name: string; readonly cells: Int32Array }[];
  /** Per-device results, valid as long as the statics are: keyed by position and type. */
  readonly caches: { readonly power: Map<string, Float32Array>; readonly cover: Map<string, SensorCover> };
}

let memo: OverlayStatics | null = null;

/** The statics of a floor of a snapshot, reused while the plan's content is the same. */
export function overlayStaticsFor(snapshot: ProjectSnapshot, floorId: number): OverlayStatics | null {
  const floor = snapshot.floors.find((f) => f.id === floorId);
  if (!floor) return null;
  const loss = new Map(snapshot.materials.map((m) => [m.id, m.attenuationDb]));
  const walls = snapshot.walls.filter((w) => w.floorId === floorId).map((w): LossyWall => ({ a: w.a, b: w.b, lossDb: loss.get(w.materialId) ?? 0 }));
  const zones = snapshot.zones.filter((z) => z.floorId === floorId);
  const key = JSON.stringify([floor.id, floor.widthM, floor.heightM, floor.outline, floor.gridPitchM, walls, zones, snapshot.deviceTypes]);
  if (memo?.key === key) return memo;
  memo = buildStatics(key, floor, walls, snapshot);
  return memo;
}

function buildStatics(key: string, floor: Floor, walls: readonly LossyWall[], snapshot: ProjectSnapshot): OverlayStatics {
  const outline = floorOutline(floor);
  let pitchM = floor.gridPitchM;
  let cells = floorCells(floor, pitchM);
  while (cells.count > MAX_OVERLAY_CELLS) {
    pitchM *= 2;
    cells = floorCells(floor, pitchM);
  }
  const fz = zonesOfFloor(snapshot.zones, floor.id);
  const poiAreaCells = fz.poiAreas.filter(isArea).map((z) => {
    const inside: number[] = [];
    for (let c = 0; c < cells.count; c++) if (locatePoint({ x: cells.xs[c]!, y: cells.ys[c]! }, z.polygon) !== 'outside') inside.push(c);
    return { zoneId: z.id, name: z.name, cells: Int32Array.from(inside) };
  });
  return {
    key,
    floor,
    outline,
    pitchM,
    coarsened: pitchM !== floor.gridPitchM,
    cells,
    cellAt: latticeIndex(cells),
    wallIndex: new WallIndex(walls),
    types: new Map(snapshot.deviceTypes.map((t) => [t.id, viewType(t)])),
    zones: fz,
    poiAreaCells,
    caches: { power: new Map(), cover: new Map() },
  };
}

/** Calls visit(cellIndex, distanceM) for the cells whose centre lies within radiusM of (x, y). */
export function forEachCellNear(s: OverlayStatics, x: number, y: number, radiusM: number, visit: (c: number, d: number) => void): void {
  const l = s.cells.lattice;
  const reach = radiusM + 1e-6;
  const c0 = Math.max(0, Math.floor((x - reach - l.originX) / l.pitchM));
  const c1 = Math.min(l.cols - 1, Math.floor((x + reach - l.originX) / l.pitchM));
  const r0 = Math.max(0, Math.floor((y - reach - l.originY) / l.pitchM));
  const r1 = Math.min(l.rows - 1, Math.floor((y + reach - l.originY) / l.pitchM));
  for (let r = r0; r <= r1; r++) {
    for (let col = c0; col <= c1; col++) {
      const c = s.cellAt[r * l.cols + col]!;
      if (c < 0) continue;
      const d = Math.hypot(s.cells.xs[c]! - x, s.cells.ys[c]! - y);
      if (d <= reach) visit(c, d);
    }
  }
}
