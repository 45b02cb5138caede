// The plan as the canvas draws it, built from a project snapshot by pure functions (no Konva, no React):
// the planner editor of a later issue edits the snapshot and rebuilds this, and tests check it directly.
// Units are metres in floor coordinates (origin top-left, y down), as in shared/model/building.ts.
import type { DeviceKind, Floor, Point, ProjectSnapshot, ZoneKind } from '../../../../../shared/model/building';

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface SceneWall {
  readonly id: number;
  /** [ax, ay, bx, by] */
  readonly points: readonly [number, number, number, number];
  readonly thicknessM: number;
  readonly colour: string;
  readonly materialName: string;
}

export interface SceneZone {
  readonly id: number;
  readonly kind: ZoneKind;
  readonly name: string;
  /** Flat [x0, y0, x1, y1, …] of a polygon, or null for a single point. */
  readonly polygon: readonly number[] | null;
  readonly point: Point | null;
}

export interface SceneDevice {
  readonly id: number;
  readonly kind: DeviceKind;
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface GridLines {
  /** The pitch drawn: the floor's, or a multiple of it when the floor has too many cells to draw. */
  readonly pitchM: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

export interface PlanScene {
  readonly floor: Floor;
  readonly bounds: Bounds;
  /** Flat closed outline. */
  readonly outline: readonly number[];
  readonly grid: GridLines;
  readonly walls: readonly SceneWall[];
  readonly zones: readonly SceneZone[];
  readonly devices: readonly SceneDevice[];
}

/** More grid lines than this per axis is noise on screen and slow to draw; coarser multiples are used. */
export const MAX_GRID_LINES = 200;
const FALLBACK_WALL_COLOUR = '#888888';

export function floorOutline(floor: Floor): Point[] {
  if (floor.outline.length >= 3) return floor.outline;
  return [
    { x: 0, y: 0 },
    { x: floor.widthM, y: 0 },
    { x: floor.widthM, y: floor.heightM },
    { x: 0, y: floor.heightM },
  ];
}

export function boundsOf(points: readonly Point[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}

/** Lines at multiples of the pitch across the bounds, coarsened ×2, ×5, ×10, … past MAX_GRID_LINES. */
export function gridLines(bounds: Bounds, pitchM: number): GridLines {
  const span = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
  let pitch = pitchM;
  const steps = [2, 2.5, 2];
  for (let i = 0; span / pitch > MAX_GRID_LINES; i++) pitch *= steps[i % steps.length]!;
  const along = (min: number, max: number) => {
    const out: number[] = [];
    // The tolerances keep 0.1 + 0.2 from creeping past the last line; `+ 0` turns -0 into 0.
    for (let k = Math.ceil(min / pitch - 1e-9); k * pitch <= max + 1e-9; k++) {
      out.push(Math.round(k * pitch * 1e9) / 1e9 + 0);
    }
    return out;
  };
  return { pitchM: pitch, xs: along(bounds.minX, bounds.maxX), ys: along(bounds.minY, bounds.maxY) };
}

export function buildPlanScene(snapshot: ProjectSnapshot, floorId: number): PlanScene | null {
  const floor = snapshot.floors.find((f) => f.id === floorId);
  if (!floor) return null;
  const outlinePoints = floorOutline(floor);
  const onFloor = <T extends { floorId: number }>(items: readonly T[]) => items.filter((i) => i.floorId === floorId);
  const materials = new Map(snapshot.materials.map((m) => [m.id, m]));
  const kinds = new Map(snapshot.deviceTypes.map((d) => [d.id, d.kind]));

  const walls = onFloor(snapshot.walls).map((w): SceneWall => {
    const m = materials.get(w.materialId);
    return { id: w.id, points: [w.a.x, w.a.y, w.b.x, w.b.y], thicknessM: w.thicknessM, colour: m?.colour ?? FALLBACK_WALL_COLOUR, materialName: m?.name ?? '?' };
  });
  const zones = onFloor(snapshot.zones).map(
    (z): SceneZone => ({
      id: z.id,
      kind: z.kind,
      name: z.name,
      polygon: z.polygon.length >= 3 ? z.polygon.flatMap((p) => [p.x, p.y]) : null,
      point: z.polygon.length < 3 ? z.polygon[0]! : null,
    }),
  );
  const devices = onFloor(snapshot.placements).flatMap((p): SceneDevice[] => {
    const kind = kinds.get(p.deviceTypeId);
    return kind ? [{ id: p.id, kind, label: p.label, x: p.x, y: p.y }] : [];
  });

  // The view fits everything drawn, not only the outline: a device outside it must still be seen.
  const bounds = boundsOf([
    ...outlinePoints,
    ...walls.flatMap((w) => [
      { x: w.points[0], y: w.points[1] },
      { x: w.points[2], y: w.points[3] },
    ]),
    ...devices,
  ]);
  const outlineBounds = boundsOf(outlinePoints);
  return {
    floor,
    bounds,
    outline: outlinePoints.flatMap((p) => [p.x, p.y]),
    grid: gridLines(outlineBounds, floor.gridPitchM),
    walls,
    zones,
    devices,
  };
}

export interface FloorCounts {
  readonly walls: number;
  readonly zones: number;
  readonly devices: Readonly<Record<DeviceKind, number>>;
}

export function countFloor(snapshot: ProjectSnapshot, floorId: number): FloorCounts {
  const kinds = new Map(snapshot.deviceTypes.map((d) => [d.id, d.kind]));
  const devices: Record<DeviceKind, number> = { sensor: 0, router: 0, gateway: 0 };
  for (const p of snapshot.placements) {
    const kind = p.floorId === floorId ? kinds.get(p.deviceTypeId) : undefined;
    if (kind) devices[kind]++;
  }
  return {
    walls: snapshot.walls.filter((w) => w.floorId === floorId).length,
    zones: snapshot.zones.filter((z) => z.floorId === floorId).length,
    devices,
  };
}
