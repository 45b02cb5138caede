// Builds the engine's problem description from a floor of the project (thesis model): the floor's
// bounding box as a grid of its pitch, cells inside the outline as the floor, cells inside installable
// zones and outside exclusions as candidate sites, radii and costs from the project's device types.
import { err, ok, type Result } from '../../../shared/api/result';
import type { DeviceType, ProjectSnapshot } from '../../../shared/model/building';
import { parseDeviceSpec, type DeviceSpec } from '../../../shared/model/catalogue';
import { candidateSites, floorCells } from '../../../shared/model/sites';
import { zonesOfFloor } from '../../../shared/model/zones';
import type { DeploymentEncoding, DeploymentSpec } from '../../../shared/optimize/problems/deployment';
import type { GridFloorSpec } from '../../../shared/optimize/problems/grid-floor';
import type { MultiWallSpec } from '../../../shared/optimize/problems/registry';

/** The project's first device type of a kind, parsed as a catalogue spec (or why it cannot be used). */
function firstOfKind(snapshot: ProjectSnapshot, kind: DeviceType['kind']): Result<DeviceSpec> {
  const type = snapshot.deviceTypes.find((t) => t.kind === kind);
  if (!type) return err('no-device-type', `The project has no ${kind} type: add one from the catalogue first.`);
  const spec = parseDeviceSpec(type.spec, type.name);
  return spec.ok ? ok(spec.value) : err(spec.code, spec.message);
}

/** Rasterises which lattice cells are floor and which are candidate sites, as masks over the bounding grid. */
export interface FloorGrid {
  readonly grid: GridFloorSpec;
  /** Where the grid's corner lies on the plan: add it to the engine's site coordinates. */
  readonly originM: { readonly x: number; readonly y: number };
}

export function thesisGridOfFloor(snapshot: ProjectSnapshot, floorId: number): Result<FloorGrid> {
  const floor = snapshot.floors.find((f) => f.id === floorId);
  if (!floor) return err('not-found', `There is no floor ${floorId}.`);
  const pitchM = floor.gridPitchM;
  // DESIGN §3.1: devices go only where an installable zone says they may, never anywhere by default.
  if (!snapshot.zones.some((z) => z.floorId === floorId && z.kind === 'installable')) {
    return err('no-installable-area', `Floor "${floor.name}" has no installable zone: draw one where devices may be installed, then optimise.`);
  }
  const cells = floorCells(floor, pitchM);
  const sites = candidateSites(floor, zonesOfFloor(snapshot.zones, floorId), pitchM);
  const { cols: columns, rows, originX, originY } = cells.lattice;
  if (sites.count === 0) {
    return err('no-installable-area', `Floor "${floor.name}" has no candidate site: draw an installable zone inside its outline first.`);
  }
  const floorMask = new Uint8Array(columns * rows);
  for (let k = 0; k < cells.count; k++) floorMask[cells.row[k]! * columns + cells.col[k]!] = 1;
  const siteMask = new Uint8Array(columns * rows);
  for (let k = 0; k < sites.count; k++) siteMask[sites.row[k]! * columns + sites.col[k]!] = 1;
  return ok({
    grid: { columns, rows, pitchM, floorMask: Array.from(floorMask), siteMask: Array.from(siteMask) },
    originM: { x: originX, y: originY },
  });
}

export function thesisSpecOfFloor(
  snapshot: ProjectSnapshot,
  floorId: number,
  kind: 'sensors' | 'routers',
  encoding: DeploymentEncoding,
): Result<{ spec: DeploymentSpec; originM: FloorGrid['originM'] }> {
  const grid = thesisGridOfFloor(snapshot, floorId);
  if (!grid.ok) return grid;
  const { grid: floor, originM } = grid.value;
  // The thesis model is binary disks: a disk detection radius and an ideal-disk radio range.
  if (kind === 'sensors') {
    const type = firstOfKind(snapshot, 'sensor');
    if (!type.ok) return type;
    const { detection, radio, cost, name } = type.value;
    if (detection?.kind !== 'disk' || radio.technology !== 'ideal-disk') {
      return err('model-mismatch', `The thesis model needs a sensor with a disk detection and an ideal-disk radio; "${name}" is a real radio: use the multi-wall model.`);
    }
    return ok({ spec: { kind, floor, encoding, sensor: { detectionRadiusM: detection.radiusM, commRadiusM: radio.rangeM, unitCost: cost } }, originM });
  }
  const type = firstOfKind(snapshot, 'router');
  if (!type.ok) return type;
  const { radio, cost, name } = type.value;
  if (radio.technology !== 'ideal-disk') {
    return err('model-mismatch', `The thesis model needs a router with an ideal-disk radio; "${name}" is a real radio: use the multi-wall model.`);
  }
  return ok({ spec: { kind, floor, encoding, router: { commRadiusM: radio.rangeM, unitCost: cost } }, originM });
}

/**
 * The realistic problem (DESIGN §3.2): the floor's walls, zones and materials with the project's first
 * sensor, router and gateway types. Its tables are built in the worker; a floor that cannot make one
 * (no installable area, a device with no radio…) comes back from there with the model's message.
 */
export function multiWallSpecOfFloor(
  snapshot: ProjectSnapshot,
  floorId: number,
  kind: 'sensors' | 'routers' | 'joint',
  encoding: DeploymentEncoding,
): Result<{ spec: MultiWallSpec }> {
  const floor = snapshot.floors.find((f) => f.id === floorId);
  if (!floor) return err('not-found', `There is no floor ${floorId}.`);
  if (!snapshot.zones.some((z) => z.floorId === floorId && z.kind === 'installable')) {
    return err('no-installable-area', `Floor "${floor.name}" has no installable zone: draw one where devices may be installed, then optimise.`);
  }
  const sensor = firstOfKind(snapshot, 'sensor');
  if (!sensor.ok) return sensor;
  const router = firstOfKind(snapshot, 'router');
  if (!router.ok) return router;
  const gatewayType = snapshot.deviceTypes.some((t) => t.kind === 'gateway') ? firstOfKind(snapshot, 'gateway') : null;
  if (gatewayType && !gatewayType.ok) return gatewayType;
  const kindOf = new Map(snapshot.deviceTypes.map((t) => [t.id, t.kind]));
  const routers = snapshot.placements.filter((p) => p.floorId === floorId && kindOf.get(p.deviceTypeId) === 'router').map((p) => ({ x: p.x, y: p.y }));
  if (kind === 'sensors' && routers.length === 0) {
    return err('no-routers', 'Place the routers first (or optimise them): the sensors problem connects sensors to the routers already on the floor.');
  }
  return ok({
    spec: {
      kind: 'multi-wall',
      problem: kind === 'sensors' ? 'sensors-mw' : kind === 'routers' ? 'routers-mw' : 'joint-mw',
      encoding,
      input: {
        floor,
        walls: snapshot.walls.filter((w) => w.floorId === floorId),
        zones: snapshot.zones.filter((z) => z.floorId === floorId),
        materials: snapshot.materials,
        sensor: sensor.value,
        router: router.value,
        ...(gatewayType?.ok ? { gateway: gatewayType.value } : {}),
      },
      ...(kind === 'sensors' ? { routers } : {}),
    },
  });
}
