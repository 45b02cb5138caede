// Checks and row shapes shared by the project store's edits: refusals with messages an engineer can act
// on, and the column names of a wall row.
import { err, type Err } from '../../../shared/api/result';
import type { DeviceKind, Point, Wall, ZoneKind } from '../../../shared/model/building';

type Row = Record<string, unknown>;

/** Below this a wall is a click, not a wall (1 mm). */
export const MIN_WALL_LENGTH_M = 0.001;

/** The label prefix of a generated device label: S1, R2, G1. */
export const LABEL_PREFIX: Readonly<Record<DeviceKind, string>> = { sensor: 'S', router: 'R', gateway: 'G' };

export function wallRow(w: Omit<Wall, 'id'>): Row {
  return { floor_id: w.floorId, ax: w.a.x, ay: w.a.y, bx: w.b.x, by: w.b.y, material_id: w.materialId, thickness_m: w.thicknessM };
}

/** A clear refusal for a wall shorter than MIN_WALL_LENGTH_M, or null. */
export function checkWallLength(a: Point, b: Point): Err | null {
  const lengthM = Math.hypot(b.x - a.x, b.y - a.y);
  if (lengthM >= MIN_WALL_LENGTH_M) return null;
  return err('invalid-wall', `A wall must be at least ${MIN_WALL_LENGTH_M * 1000} mm long (this one is ${(lengthM * 1000).toFixed(1)} mm).`);
}

/** Areas need 3 corners; points of interest and the gateway may be one point. */
export function checkZonePolygon(kind: ZoneKind, polygon: readonly Point[]): Err | null {
  if (kind !== 'poi' && kind !== 'gateway' && polygon.length < 3) {
    return err('invalid-zone', `An ${kind} zone needs at least 3 corners (it has ${polygon.length}).`);
  }
  if ((kind === 'poi' || kind === 'gateway') && polygon.length === 2) {
    return err('invalid-zone', `A ${kind === 'poi' ? 'point of interest' : 'gateway position'} is one point or an area of at least 3 corners (it has 2).`);
  }
  return null;
}

