// Edits of a floor itself: its size and grid pitch, its plan image (stored as the floor's plan_image blob
// with its placement in plan_json) and the scale calibration of that image (DESIGN §3.1: "click two
// points, type the distance"). Each is one transaction and one undo step (project-store.ts).
import { err, ok, type Result } from '../../../shared/api/result';
import type { Floor, PlanImage, Point } from '../../../shared/model/building';
import { inspectImage } from './plan-image';
import type { ProjectStore } from './project-store';

/** A floor from a few decimetres (a plant room) to a campus, in metres. */
export const MIN_FLOOR_SIDE_M = 0.5;
export const MAX_FLOOR_SIDE_M = 5000;
/** Grid pitches from a 5 cm fine grid to 10 m cells. */
export const MIN_PITCH_M = 0.05;
export const MAX_PITCH_M = 10;
/** The two calibration points must be this far apart on the image to give a usable scale. */
export const MIN_CALIBRATION_PX = 2;

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

function floorOf(store: ProjectStore, id: number): Floor | undefined {
  return store.listFloors().find((f) => f.id === id);
}

export interface FloorPatch {
  readonly id: number;
  readonly name?: string;
  readonly widthM?: number;
  readonly heightM?: number;
  readonly gridPitchM?: number;
}

export function updateFloor(store: ProjectStore, patch: FloorPatch): Result<Floor> {
  for (const [what, v] of [
    ['width', patch.widthM],
    ['height', patch.heightM],
  ] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= MIN_FLOOR_SIDE_M && v <= MAX_FLOOR_SIDE_M)) {
      return err('invalid-floor', `The floor's ${what} must be a number of metres between ${MIN_FLOOR_SIDE_M} and ${MAX_FLOOR_SIDE_M} (got ${v}).`);
    }
  }
  const pitch = patch.gridPitchM;
  if (pitch !== undefined && !(Number.isFinite(pitch) && pitch >= MIN_PITCH_M && pitch <= MAX_PITCH_M)) {
    return err('invalid-pitch', `The grid pitch must be a number of metres between ${MIN_PITCH_M} and ${MAX_PITCH_M} (got ${pitch}).`);
  }
  if (patch.name !== undefined && patch.name.trim() === '') return err('invalid-floor', 'A floor needs a name.');
  return store.edit(() => {
    const floor = floorOf(store, patch.id);
    if (!floor) return err('not-found', `There is no floor ${patch.id}.`);
    const values: Record<string, unknown> = {};
    if (patch.name !== undefined) values.name = patch.name.trim();
    if (patch.widthM !== undefined) values.width_m = patch.widthM;
    if (patch.heightM !== undefined) values.height_m = patch.heightM;
    if (patch.gridPitchM !== undefined) values.grid_pitch_m = patch.gridPitchM;
    store.updateRow('floors', patch.id, values);
    return ok(floorOf(store, patch.id)!);
  }, 'updateFloor');
}

/**
 * Stores an image as the floor's plan. It is placed at the floor's origin, spanning the floor's width,
 * until its scale is calibrated. Refused (and nothing changed) unless its bytes are a PNG or JPEG.
 */
export function setPlanImage(store: ProjectStore, floorId: number, bytes: Uint8Array, name?: string): Result<PlanImage> {
  const info = inspectImage(bytes, name ? `"${name}"` : 'The file');
  if (!info.ok) return info;
  return store.edit(() => {
    const floor = floorOf(store, floorId);
    if (!floor) return err('not-found', `There is no floor ${floorId}.`);
    const plan: PlanImage = { ...info.value, metresPerPx: floor.widthM / info.value.widthPx, originX: 0, originY: 0 };
    store.updateRow('floors', floorId, { plan_json: JSON.stringify(plan), plan_image: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return ok(plan);
  }, 'setPlanImage');
}

export function getPlanImage(store: ProjectStore, floorId: number): Result<{ mime: PlanImage['mime']; dataBase64: string } | null> {
  const row = store.db.prepare('SELECT plan_json, plan_image FROM floors WHERE id = ?').get(floorId) as { plan_json: string | null; plan_image: Buffer | null } | undefined;
  if (!row) return err('not-found', `There is no floor ${floorId}.`);
  if (!row.plan_json || !row.plan_image) return ok(null);
  const plan = JSON.parse(row.plan_json) as PlanImage;
  return ok({ mime: plan.mime, dataBase64: row.plan_image.toString('base64') });
}

export function removePlanImage(store: ProjectStore, floorId: number): Result<null> {
  return store.edit(() => {
    if (!floorOf(store, floorId)) return err('not-found', `There is no floor ${floorId}.`);
    store.updateRow('floors', floorId, { plan_json: null, plan_image: null });
    return ok(null);
  }, 'removePlanImage');
}

export interface Calibration {
  readonly floorId: number;
  /** Two points on the image, in image pixels. */
  readonly aPx: Point;
  readonly bPx: Point;
  /** Their real distance. */
  readonly distanceM: number;
}

/**
 * Sets the plan's scale from two points and their distance: metres per pixel = distance / pixels
 * between them. The floor takes the image's size in metres, and everything already drawn on the floor
 * (walls, zones, devices, outline) is scaled with the image about its origin, so that it stays where it
 * was drawn on the plan.
 */
export function calibratePlan(store: ProjectStore, c: Calibration): Result<Floor> {
  if (typeof c.distanceM !== 'number' || !Number.isFinite(c.distanceM) || c.distanceM <= 0) {
    return err('invalid-scale', `The distance between the two points must be a positive number of metres (got ${String(c.distanceM)}).`);
  }
  const px = Math.hypot(c.bPx.x - c.aPx.x, c.bPx.y - c.aPx.y);
  if (!(px >= MIN_CALIBRATION_PX)) {
    return err('invalid-scale', `The two points are ${fmt(px)} px apart on the image; pick two points at least ${MIN_CALIBRATION_PX} px apart, ideally the ends of a long known dimension.`);
  }
  return store.edit(() => {
    const floor = floorOf(store, c.floorId);
    if (!floor) return err('not-found', `There is no floor ${c.floorId}.`);
    const plan = floor.plan;
    if (!plan) return err('no-plan-image', `Floor "${floor.name}" has no plan image to calibrate: import one first.`);
    const metresPerPx = c.distanceM / px;
    const widthM = plan.widthPx * metresPerPx;
    const heightM = plan.heightPx * metresPerPx;
    if (Math.min(widthM, heightM) < MIN_FLOOR_SIDE_M || Math.max(widthM, heightM) > MAX_FLOOR_SIDE_M) {
      return err(
        'invalid-scale',
        `With ${fmt(c.distanceM)} m over ${fmt(px)} px the plan would be ${fmt(widthM)} m × ${fmt(heightM)} m; a floor must be between ${MIN_FLOOR_SIDE_M} m and ${MAX_FLOOR_SIDE_M} m on a side — check the distance.`,
      );
    }
    const k = metresPerPx / plan.metresPerPx;
    const scale = (p: Point): Point => ({ x: plan.originX + (p.x - plan.originX) * k, y: plan.originY + (p.y - plan.originY) * k });
    for (const w of store.listWalls().filter((w) => w.floorId === c.floorId)) {
      const a = scale(w.a);
      const b = scale(w.b);
      store.updateRow('walls', w.id, { ax: a.x, ay: a.y, bx: b.x, by: b.y });
    }
    for (const z of store.listZones().filter((z) => z.floorId === c.floorId)) {
      store.updateRow('zones', z.id, { polygon_json: JSON.stringify(z.polygon.map(scale)) });
    }
    for (const p of store.listPlacements().filter((p) => p.floorId === c.floorId)) {
      const q = scale(p);
      store.updateRow('placements', p.id, { x: q.x, y: q.y });
    }
    store.updateRow('floors', c.floorId, {
      width_m: plan.originX + widthM,
      height_m: plan.originY + heightM,
      outline_json: JSON.stringify(floor.outline.map(scale)),
      plan_json: JSON.stringify({ ...plan, metresPerPx }),
    });
    return ok(floorOf(store, c.floorId)!);
  }, 'calibratePlan');
}
