// One floor of a project snapshot, gathered for drawing and reporting: its outline, walls, zones and
// the devices placed on it with their types. Devices are ordered gateway, routers, sensors, each by
// label in natural order (S2 before S10), so tables and drawings list them the same way every time.
import { err, ok, type Result } from '../api/result';
import type { DeviceKind, DeviceType, Floor, Material, Placement, Point, ProjectSnapshot, Wall, Zone } from '../model/building';
import { floorOutline } from '../model/zones';
import { viewDeviceType, type DeviceTypeView } from './device-spec-view';

export interface PlacedDevice {
  readonly placement: Placement;
  /** null when the placement names a device type the snapshot does not have (drawn, flagged). */
  readonly type: DeviceType | null;
  readonly kind: DeviceKind;
  /** The placement's label, or a generated one (S12, R3, GW1) when it has none. */
  readonly label: string;
  readonly view: DeviceTypeView;
}

export interface FloorScene {
  readonly floor: Floor;
  readonly outline: readonly Point[];
  readonly walls: readonly Wall[];
  readonly zones: readonly Zone[];
  readonly devices: readonly PlacedDevice[];
  readonly materials: ReadonlyMap<number, Material>;
}

const KIND_ORDER: Record<DeviceKind, number> = { gateway: 0, router: 1, sensor: 2 };
const KIND_PREFIX: Record<DeviceKind, string> = { gateway: 'GW', router: 'R', sensor: 'S' };
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The floor to export: the given id, or the lowest floor when none is given. */
export function pickFloor(snapshot: ProjectSnapshot, floorId?: number): Result<Floor> {
  if (snapshot.floors.length === 0) return err('no-floor', 'The project has no floor to export.');
  if (floorId === undefined) {
    const sorted = [...snapshot.floors].sort((a, b) => a.level - b.level || a.id - b.id);
    return ok(sorted[0]);
  }
  const floor = snapshot.floors.find((f) => f.id === floorId);
  if (!floor) {
    const known = snapshot.floors.map((f) => `${f.id} (${f.name})`).join(', ');
    return err('unknown-floor', `There is no floor ${floorId} in this project; its floors are ${known}.`);
  }
  return ok(floor);
}

export function floorScene(snapshot: ProjectSnapshot, floorId?: number): Result<FloorScene> {
  const picked = pickFloor(snapshot, floorId);
  if (!picked.ok) return picked;
  const floor = picked.value;
  const types = new Map(snapshot.deviceTypes.map((t) => [t.id, t]));
  const devices = snapshot.placements
    .filter((p) => p.floorId === floor.id)
    .map((placement): PlacedDevice => {
      const type = types.get(placement.deviceTypeId) ?? null;
      const kind: DeviceKind = type?.kind ?? 'sensor';
      const label = placement.label.trim() || `${KIND_PREFIX[kind]}${placement.id}`;
      const view = type ? viewDeviceType(type) : { unitCost: null, detection: null, commRadiusM: null };
      return { placement, type, kind, label, view };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.label, b.label) || a.placement.id - b.placement.id);
  return ok({
    floor,
    outline: floorOutline(floor),
    walls: snapshot.walls.filter((w) => w.floorId === floor.id),
    zones: snapshot.zones.filter((z) => z.floorId === floor.id),
    devices,
    materials: new Map(snapshot.materials.map((m) => [m.id, m])),
  });
}
