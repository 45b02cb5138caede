// Builds the engine's problem description from a floor of the project (thesis model): the floor's
// bounding box as a grid of its pitch, cells inside the outline as the floor, cells inside installable
// zones and outside exclusions as candidate sites, radii and costs from the project's device types.
import { err, ok, type Result } from '../../../shared/api/result';
import type { DeviceType, ProjectSnapshot } from '../../../shared/model/building';
import { candidateSites, floorCells } from '../../../shared/model/sites';
import { zonesOfFloor } from '../../../shared/model/zones';
import type { DeploymentEncoding, DeploymentSpec } from '../../../shared/optimize/problems/deployment';
import type { GridFloorSpec } from '../../../shared/optimize/problems/grid-floor';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function firstOfKind(snapshot: ProjectSnapshot, kind: DeviceType['kind']): DeviceType | undefined {
  return snapshot.deviceTypes.find((t) => t.kind === kind);
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
  if (kind === 'sensors') {
    const type = firstOfKind(snapshot, 'sensor');
    const detection = type?.spec.detection as Record<string, unknown> | undefined;
    const detectionRadiusM = num(detection?.radiusM) ?? num(detection?.rMaxM);
    const commRadiusM = num(type?.spec.communicationRadiusM);
    if (!type || detectionRadiusM === undefined || commRadiusM === undefined) {
      return err('no-device-type', 'The thesis model needs a sensor type with a detection radius and a communication radius.');
    }
    return ok({ spec: { kind, floor, encoding, sensor: { detectionRadiusM, commRadiusM, unitCost: num(type.spec.costUnits) ?? 1 } }, originM });
  }
  const type = firstOfKind(snapshot, 'router');
  const commRadiusM = num(type?.spec.communicationRadiusM);
  if (!type || commRadiusM === undefined) return err('no-device-type', 'The thesis model needs a router type with a communication radius.');
  return ok({ spec: { kind, floor, encoding, router: { commRadiusM, unitCost: num(type.spec.costUnits) ?? 1 } }, originM });
}
