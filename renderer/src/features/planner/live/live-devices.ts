// The devices the plan shows: the floor's placements, or — while a front solution is previewed — the
// solution's sensors and routers as ghosts in place of the placement's devices of those kinds (what
// "Use this solution" would do: shared/api/optimization-api.ts applySolution), with the floor's first
// device type of each kind.
import type { DeviceKind, ProjectSnapshot } from '../../../../../shared/model/building';
import type { SolutionPreview } from '../../optimizer/preview-store';
import type { LiveDevice } from '../overlays/overlay-statics';

const PREFIX: Record<DeviceKind, string> = { sensor: 'S', router: 'R', gateway: 'GW' };

export function placementDevices(snapshot: ProjectSnapshot, floorId: number): LiveDevice[] {
  const kinds = new Map(snapshot.deviceTypes.map((t) => [t.id, t.kind]));
  return snapshot.placements
    .filter((p) => p.floorId === floorId && kinds.has(p.deviceTypeId))
    .map((p) => ({ id: p.id, kind: kinds.get(p.deviceTypeId)!, typeId: p.deviceTypeId, x: p.x, y: p.y, label: p.label, ghost: false }));
}

export function liveDevicesOf(snapshot: ProjectSnapshot, floorId: number, preview: SolutionPreview | null): LiveDevice[] {
  const placed = placementDevices(snapshot, floorId);
  if (!preview) return placed;
  const replaced = new Set<DeviceKind>(preview.devices.map((d) => d.kind));
  const firstType = (kind: DeviceKind) => snapshot.deviceTypes.find((t) => t.kind === kind)?.id ?? null;
  const counters: Partial<Record<DeviceKind, number>> = {};
  const ghosts = preview.devices.map((d, i): LiveDevice => {
    const n = (counters[d.kind] = (counters[d.kind] ?? 0) + 1);
    return { id: -(i + 1), kind: d.kind, typeId: firstType(d.kind), x: d.x, y: d.y, label: `${PREFIX[d.kind]}${n}`, ghost: true };
  });
  return [...placed.filter((d) => !replaced.has(d.kind)), ...ghosts];
}
