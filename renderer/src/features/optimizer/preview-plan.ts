// The plan as it would be with a previewed solution: the solution's devices replace the floor's devices
// of the same kinds, exactly as applySolution would (electron/services/optimization: replacePlacements),
// so the Optimise view shows what "Use this solution" gives before it is used.
import type { DeviceKind, Placement, ProjectSnapshot } from '../../../../shared/model/building';
import type { SolutionPreview } from './preview-store';

const PREFIX: Readonly<Record<DeviceKind, string>> = { sensor: 'S', router: 'R', gateway: 'GW' };

export function snapshotWithPreview(snapshot: ProjectSnapshot, floorId: number, preview: SolutionPreview | null): ProjectSnapshot {
  if (!preview) return snapshot;
  const kinds = new Set<DeviceKind>(preview.devices.map((d) => d.kind));
  const kindOfType = new Map(snapshot.deviceTypes.map((t) => [t.id, t.kind]));
  const kept = snapshot.placements.filter((p) => p.floorId !== floorId || !kinds.has(kindOfType.get(p.deviceTypeId) ?? 'gateway'));
  const counters: Record<DeviceKind, number> = { sensor: 0, router: 0, gateway: 0 };
  const added: Placement[] = [];
  preview.devices.forEach((d, i) => {
    const type = snapshot.deviceTypes.find((t) => t.kind === d.kind);
    if (!type) return;
    counters[d.kind] += 1;
    // Ids above every stored one: the scene keys devices by id.
    added.push({ id: 1_000_000_000 + i, floorId, deviceTypeId: type.id, x: d.x, y: d.y, label: `${PREFIX[d.kind]}${counters[d.kind]}` });
  });
  return { ...snapshot, placements: [...kept, ...added] };
}
