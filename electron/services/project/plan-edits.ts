// The plan editor's edits beyond add and delete: walls updated, split and joined; zones updated;
// devices placed (with a type and a label), updated and moved together; the gateway set; a mixed
// selection deleted. Each is one transaction and one undo step (project-store.ts), refused with a clear
// message and no change when it makes no sense.
import { err, ok, type Result } from '../../../shared/api/result';
import type { DeviceKind, Placement, Point, Wall, Zone, ZoneKind } from '../../../shared/model/building';
import { THESIS_ROUTER_SPEC, THESIS_SENSOR_SPEC } from '../../../shared/model/examples/thesis-office';
import { checkWallLength, checkZonePolygon, LABEL_PREFIX, MIN_WALL_LENGTH_M, wallRow } from './edit-checks';
import type { ProjectStore } from './project-store';

/** Two wall ends closer than this are one joint (1 mm, the shortest wall). */
export const JOINT_TOLERANCE_M = MIN_WALL_LENGTH_M;
/** Walls whose directions differ by less than this (sine of the angle, ≈ 0.06°) are collinear. */
const COLLINEAR_SINE = 1e-3;
const GATEWAY_LABEL = 'GW';

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
const wallOf = (store: ProjectStore, id: number): Wall | undefined => store.listWalls().find((w) => w.id === id);
const zoneOf = (store: ProjectStore, id: number): Zone | undefined => store.listZones().find((z) => z.id === id);
const placementOf = (store: ProjectStore, id: number): Placement | undefined => store.listPlacements().find((p) => p.id === id);
const finitePoint = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);

export interface WallPatch {
  readonly id: number;
  readonly a?: Point;
  readonly b?: Point;
  readonly materialId?: number;
  readonly thicknessM?: number;
}

export function updateWall(store: ProjectStore, patch: WallPatch): Result<Wall> {
  if (patch.thicknessM !== undefined && !(Number.isFinite(patch.thicknessM) && patch.thicknessM > 0 && patch.thicknessM <= 5)) {
    return err('invalid-wall', `A wall's thickness must be a number of metres above 0 and at most 5 (got ${patch.thicknessM}).`);
  }
  return store.edit(() => {
    const wall = wallOf(store, patch.id);
    if (!wall) return err('not-found', `There is no wall ${patch.id}.`);
    const next: Wall = { ...wall, ...patch, id: wall.id };
    const invalid = checkWallLength(next.a, next.b);
    if (invalid) return invalid;
    if (!store.exists('materials', next.materialId)) return err('not-found', `There is no material ${next.materialId}.`);
    store.updateRow('walls', wall.id, wallRow(next));
    return ok(next);
  }, 'updateWall');
}

/** Splits a wall in two at the point of the wall nearest `at`; both parts keep its material and thickness. */
export function splitWall(store: ProjectStore, id: number, at: Point): Result<{ ids: [number, number] }> {
  return store.edit(() => {
    const w = wallOf(store, id);
    if (!w) return err('not-found', `There is no wall ${id}.`);
    const dx = w.b.x - w.a.x;
    const dy = w.b.y - w.a.y;
    const len2 = dx * dx + dy * dy;
    const t = Math.max(0, Math.min(1, ((at.x - w.a.x) * dx + (at.y - w.a.y) * dy) / len2));
    const p = { x: w.a.x + t * dx, y: w.a.y + t * dy };
    const len = Math.sqrt(len2);
    if (t * len < MIN_WALL_LENGTH_M || (1 - t) * len < MIN_WALL_LENGTH_M) {
      return err('invalid-split', `Wall #${id} cannot be split at one of its ends: pick a point along it.`);
    }
    store.updateRow('walls', id, { bx: p.x, by: p.y });
    const second = store.insertRow('walls', wallRow({ ...w, a: p }));
    return ok({ ids: [id, second] });
  }, 'splitWall');
}

/**
 * Joins two collinear walls that share an end into one (the first keeps its id). They must be of the
 * same material and thickness, or the join would silently change what a radio link crosses.
 */
export function joinWalls(store: ProjectStore, firstId: number, secondId: number): Result<{ id: number }> {
  return store.edit(() => {
    const u = wallOf(store, firstId);
    const v = wallOf(store, secondId);
    if (!u || !v) return err('not-found', `There is no wall ${!u ? firstId : secondId}.`);
    if (firstId === secondId) return err('invalid-join', 'Choose two different walls to join.');
    if (u.floorId !== v.floorId) return err('invalid-join', `Walls #${u.id} and #${v.id} are on different floors.`);
    const near = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y) <= JOINT_TOLERANCE_M;
    let shared: { uFar: Point; vFar: Point } | null = null;
    for (const [uEnd, uFar] of [
      [u.a, u.b],
      [u.b, u.a],
    ] as const) {
      for (const [vEnd, vFar] of [
        [v.a, v.b],
        [v.b, v.a],
      ] as const) {
        if (!shared && near(uEnd, vEnd)) shared = { uFar, vFar };
      }
    }
    if (!shared) return err('invalid-join', `Walls #${u.id} and #${v.id} do not share an end; only walls meeting end to end can be joined.`);
    const ux = u.b.x - u.a.x;
    const uy = u.b.y - u.a.y;
    const vx = v.b.x - v.a.x;
    const vy = v.b.y - v.a.y;
    const sine = Math.abs(ux * vy - uy * vx) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
    if (sine > COLLINEAR_SINE) {
      const degrees = (Math.asin(Math.min(1, sine)) * 180) / Math.PI;
      return err('invalid-join', `Walls #${u.id} and #${v.id} are not in line (they meet at ${fmt(degrees)}°); only collinear walls can be joined.`);
    }
    // In line and meeting end to end: they must continue each other, not fold back over each other.
    const { uFar, vFar } = shared;
    const joinedLength = Math.hypot(vFar.x - uFar.x, vFar.y - uFar.y);
    if (joinedLength + JOINT_TOLERANCE_M < Math.hypot(ux, uy) + Math.hypot(vx, vy)) {
      return err('invalid-join', `Walls #${u.id} and #${v.id} overlap instead of continuing each other.`);
    }
    if (u.materialId !== v.materialId || Math.abs(u.thicknessM - v.thicknessM) > 1e-9) {
      return err('invalid-join', `Walls #${u.id} and #${v.id} differ in material or thickness; make them alike before joining them.`);
    }
    store.updateRow('walls', u.id, { ax: uFar.x, ay: uFar.y, bx: vFar.x, by: vFar.y });
    store.removeRow('walls', v.id);
    return ok({ id: u.id });
  }, 'joinWalls');
}

export interface ZonePatch {
  readonly id: number;
  readonly kind?: ZoneKind;
  readonly name?: string;
  readonly polygon?: readonly Point[];
}

export function updateZone(store: ProjectStore, patch: ZonePatch): Result<Zone> {
  return store.edit(() => {
    const zone = zoneOf(store, patch.id);
    if (!zone) return err('not-found', `There is no zone ${patch.id}.`);
    const next: Zone = { ...zone, ...patch, polygon: [...(patch.polygon ?? zone.polygon)], id: zone.id };
    const invalid = checkZonePolygon(next.kind, next.polygon);
    if (invalid) return invalid;
    store.updateRow('zones', zone.id, { kind: next.kind, name: next.name, polygon_json: JSON.stringify(next.polygon) });
    return ok(next);
  }, 'updateZone');
}

export interface PlacementPatch {
  readonly id: number;
  readonly x?: number;
  readonly y?: number;
  readonly deviceTypeId?: number;
  readonly label?: string;
}

export function updatePlacement(store: ProjectStore, patch: PlacementPatch): Result<Placement> {
  return store.edit(() => {
    const p = placementOf(store, patch.id);
    if (!p) return err('not-found', `There is no device ${patch.id}.`);
    const next: Placement = { ...p, ...patch, id: p.id };
    if (!finitePoint(next)) return err('invalid-device', 'A device position must be a pair of finite numbers of metres.');
    if (!store.exists('device_types', next.deviceTypeId)) return err('not-found', `There is no device type ${next.deviceTypeId}.`);
    store.updateRow('placements', p.id, { x: next.x, y: next.y, device_type_id: next.deviceTypeId, label: next.label });
    return ok(next);
  }, 'updateDevice');
}

/** Moves several devices at once (a dragged selection): all of them, or none when one is missing. */
export function movePlacements(store: ProjectStore, moves: readonly { id: number; x: number; y: number }[]): Result<null> {
  if (!moves.every(finitePoint)) return err('invalid-device', 'A device position must be a pair of finite numbers of metres.');
  return store.edit(() => {
    for (const m of moves) if (!store.updateRow('placements', m.id, { x: m.x, y: m.y })) return err('not-found', `There is no device ${m.id}.`);
    return ok(null);
  }, 'moveDevices');
}

export interface NewDevice {
  readonly floorId: number;
  readonly kind: 'sensor' | 'router';
  readonly x: number;
  readonly y: number;
  /** The type to place; the project's first of that kind when absent (the thesis's, added if none). */
  readonly deviceTypeId?: number;
}

/** Places a sensor or router with the next free label (S13, R3), adding the thesis's type if the project has none of that kind. */
export function placeDevice(store: ProjectStore, d: NewDevice): Result<Placement> {
  if (!finitePoint(d)) return err('invalid-device', 'A device position must be a pair of finite numbers of metres.');
  return store.edit(() => {
    if (!store.exists('floors', d.floorId)) return err('not-found', `There is no floor ${d.floorId}.`);
    const typeId = d.deviceTypeId ?? firstTypeOf(store, d.kind) ?? addDefaultType(store, d.kind);
    const type = store.listDeviceTypes().find((t) => t.id === typeId);
    if (!type) return err('not-found', `There is no device type ${typeId}.`);
    if (type.kind !== d.kind) return err('wrong-device-kind', `Device type "${type.name}" is a ${type.kind}, not a ${d.kind}.`);
    const label = nextLabel(store, d.floorId, d.kind);
    const id = store.insertRow('placements', { floor_id: d.floorId, device_type_id: typeId, x: d.x, y: d.y, label });
    return ok({ id, floorId: d.floorId, deviceTypeId: typeId, x: d.x, y: d.y, label });
  }, 'placeDevice');
}

/**
 * Sets the floor's one gateway position: the gateway zone the network models use and the gateway
 * device drawn on the plan move there together (created when missing; extra gateway zones removed).
 */
export function setGateway(store: ProjectStore, floorId: number, at: Point): Result<null> {
  if (!finitePoint(at)) return err('invalid-device', 'The gateway position must be a pair of finite numbers of metres.');
  return store.edit(() => {
    if (!store.exists('floors', floorId)) return err('not-found', `There is no floor ${floorId}.`);
    const zones = store.listZones().filter((z) => z.floorId === floorId && z.kind === 'gateway');
    if (zones.length === 0) store.insertRow('zones', { floor_id: floorId, kind: 'gateway', name: 'Gateway', polygon_json: JSON.stringify([at]) });
    else store.updateRow('zones', zones[0]!.id, { polygon_json: JSON.stringify([at]) });
    for (const extra of zones.slice(1)) store.removeRow('zones', extra.id);
    const gatewayTypes = new Set(store.listDeviceTypes().filter((t) => t.kind === 'gateway').map((t) => t.id));
    const devices = store.listPlacements().filter((p) => p.floorId === floorId && gatewayTypes.has(p.deviceTypeId));
    if (devices.length === 0) {
      const typeId = firstTypeOf(store, 'gateway') ?? addDefaultType(store, 'gateway');
      store.insertRow('placements', { floor_id: floorId, device_type_id: typeId, x: at.x, y: at.y, label: GATEWAY_LABEL });
    } else {
      store.updateRow('placements', devices[0]!.id, { x: at.x, y: at.y });
    }
    return ok(null);
  }, 'setGateway');
}

export interface ItemIds {
  readonly walls: readonly number[];
  readonly zones: readonly number[];
  readonly placements: readonly number[];
}

/** Deletes a selection in one edit. Items already gone are skipped; nothing at all to delete is a refusal. */
export function deleteItems(store: ProjectStore, ids: ItemIds): Result<{ deleted: number }> {
  return store.edit(() => {
    let deleted = 0;
    for (const id of ids.walls) if (store.removeRow('walls', id)) deleted++;
    for (const id of ids.zones) if (store.removeRow('zones', id)) deleted++;
    for (const id of ids.placements) if (store.removeRow('placements', id)) deleted++;
    return deleted > 0 ? ok({ deleted }) : err('not-found', 'None of the selected items exists any more.');
  }, 'deleteItems');
}

function firstTypeOf(store: ProjectStore, kind: DeviceKind): number | undefined {
  return store.listDeviceTypes().find((t) => t.kind === kind)?.id;
}

/** The thesis's sensor and router (shared/model/examples), and a plain coordinator for the gateway. */
function addDefaultType(store: ProjectStore, kind: DeviceKind): number {
  const spec = kind === 'sensor' ? THESIS_SENSOR_SPEC : kind === 'router' ? THESIS_ROUTER_SPEC : { key: 'gateway', kind: 'gateway', name: 'Gateway', cost: 0 };
  return store.insertRow('device_types', { kind, name: spec.name, spec_json: JSON.stringify(spec) });
}

function nextLabel(store: ProjectStore, floorId: number, kind: DeviceKind): string {
  const prefix = LABEL_PREFIX[kind];
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const p of store.listPlacements()) {
    if (p.floorId !== floorId) continue;
    const m = pattern.exec(p.label);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}
