// Checks a floor before anything is computed on it, and says what is wrong in words an engineer can
// act on. Returns a list (possibly empty) of problems; 'error' stops the deployment models, 'warning'
// is shown and computed through.
import type { Floor, Material, Wall, Zone } from './building';
import { GEOMETRY_EPS_M, locatePoint, locateSegment, polygonAreaM2, segmentsCrossProperly } from './geometry';
import { candidateSites } from './sites';
import { floorOutline, isArea, sameKindOverlaps, zonePoint, zonesOfFloor } from './zones';

export type ProblemSeverity = 'error' | 'warning';

export interface FloorProblem {
  readonly code: string;
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly wallId?: number;
  readonly zoneId?: number;
}

export interface FloorInput {
  readonly floor: Floor;
  /** All walls and zones of the project: only this floor's are checked. */
  readonly walls: readonly Wall[];
  readonly zones: readonly Zone[];
  readonly materials: readonly Material[];
  /** Candidate-site pitch; the floor's grid pitch when absent. */
  readonly pitchM?: number;
}

const fmt = (v: number): string => (Math.round(v * 1000) / 1000).toString();
const at = (p: { x: number; y: number }): string => `(${fmt(p.x)} m, ${fmt(p.y)} m)`;
const zoneName = (z: Zone): string => (z.name ? `"${z.name}"` : `#${z.id}`);

export function validateFloor(input: FloorInput): FloorProblem[] {
  const { floor } = input;
  const problems: FloorProblem[] = [];
  const outline = floorOutline(floor);
  const pitchM = input.pitchM ?? floor.gridPitchM;

  if (floor.outline.length > 0 && floor.outline.length < 3) {
    problems.push({
      code: 'degenerate-outline',
      severity: 'error',
      message: `The outline of floor "${floor.name}" has ${floor.outline.length} point(s); an outline needs at least 3 (or none, for the ${fmt(floor.widthM)} m × ${fmt(floor.heightM)} m rectangle).`,
    });
  } else if (selfIntersects(outline)) {
    problems.push({ code: 'self-intersecting-outline', severity: 'error', message: `The outline of floor "${floor.name}" crosses itself; redraw it as a simple polygon.` });
  } else if (polygonAreaM2(outline) <= GEOMETRY_EPS_M) {
    problems.push({ code: 'degenerate-outline', severity: 'error', message: `The outline of floor "${floor.name}" encloses no area.` });
  }
  if (!(pitchM > 0)) {
    problems.push({ code: 'bad-pitch', severity: 'error', message: `The grid pitch must be a positive number of metres (got ${pitchM}).` });
  }

  // Walls
  const materialIds = new Set(input.materials.map((m) => m.id));
  for (const w of input.walls) {
    if (w.floorId !== floor.id) continue;
    const len = Math.hypot(w.b.x - w.a.x, w.b.y - w.a.y);
    if (len <= GEOMETRY_EPS_M) {
      problems.push({
        code: 'zero-length-wall',
        severity: 'error',
        wallId: w.id,
        message: `Wall #${w.id} has zero length (both ends at ${at(w.a)}); delete it or drag one end.`,
      });
      continue;
    }
    const where = locateSegment(w, outline);
    if (where === 'outside') {
      problems.push({
        code: 'wall-outside-floor',
        severity: 'error',
        wallId: w.id,
        message: `Wall #${w.id} from ${at(w.a)} to ${at(w.b)} lies entirely outside floor "${floor.name}".`,
      });
    } else if (where === 'partly-outside') {
      problems.push({
        code: 'wall-partly-outside-floor',
        severity: 'warning',
        wallId: w.id,
        message: `Wall #${w.id} from ${at(w.a)} to ${at(w.b)} runs outside the outline of floor "${floor.name}".`,
      });
    }
    if (!materialIds.has(w.materialId)) {
      problems.push({ code: 'unknown-material', severity: 'error', wallId: w.id, message: `Wall #${w.id} uses material #${w.materialId}, which the project does not have.` });
    }
  }

  // Zones
  const fz = zonesOfFloor(input.zones, floor.id);
  for (const z of input.zones) {
    if (z.floorId !== floor.id) continue;
    const pointKind = z.kind === 'poi' || z.kind === 'gateway';
    if (z.polygon.length === 2 || (!pointKind && z.polygon.length < 3) || (isArea(z) && polygonAreaM2(z.polygon) <= GEOMETRY_EPS_M)) {
      problems.push({
        code: 'degenerate-zone',
        severity: 'error',
        zoneId: z.id,
        message: `Zone ${zoneName(z)} (${z.kind}) has no area: ${pointKind ? 'give it one point or' : 'it needs'} at least 3 vertices enclosing an area.`,
      });
      continue;
    }
    if (z.kind === 'gateway') continue; // checked below, with the gateway's own message
    const inFloor = isArea(z) ? z.polygon.some((p) => locatePoint(p, outline) !== 'outside') : locatePoint(zonePoint(z), outline) !== 'outside';
    if (!inFloor) {
      problems.push({ code: 'zone-outside-floor', severity: 'error', zoneId: z.id, message: `Zone ${zoneName(z)} (${z.kind}) lies outside floor "${floor.name}".` });
    }
  }
  for (const { a, b } of sameKindOverlaps(fz)) {
    problems.push({
      code: 'zones-overlap',
      severity: 'warning',
      zoneId: b.id,
      message: `Zones ${zoneName(a)} and ${zoneName(b)} (${a.kind}) overlap; their common cells count once — merge them or correct an outline.`,
    });
  }
  if (fz.gateways.length > 1) {
    problems.push({
      code: 'multiple-gateways',
      severity: 'error',
      zoneId: fz.gateways[1].id,
      message: `Floor "${floor.name}" has ${fz.gateways.length} gateway positions; the network models take exactly one.`,
    });
  } else if (fz.gateways.length === 0) {
    problems.push({ code: 'no-gateway', severity: 'warning', message: `Floor "${floor.name}" has no gateway position: mesh connectivity and hop counts need one.` });
  } else if (locatePoint(zonePoint(fz.gateways[0]), outline) === 'outside') {
    problems.push({ code: 'gateway-outside-floor', severity: 'error', zoneId: fz.gateways[0].id, message: `The gateway of floor "${floor.name}" lies outside its outline.` });
  }

  // The installable area, on the grid the models will use.
  if (pitchM > 0 && !problems.some((p) => p.code === 'degenerate-outline')) {
    const sites = candidateSites(floor, fz, pitchM);
    if (sites.count === 0) {
      problems.push({
        code: 'empty-installable-area',
        severity: 'error',
        message:
          fz.installable.length === 0
            ? `Floor "${floor.name}" has no candidate site at a ${fmt(pitchM)} m pitch: exclusions cover the whole floor.`
            : `No candidate site remains on floor "${floor.name}" at a ${fmt(pitchM)} m pitch: the installable zones are outside the floor, covered by exclusions, or smaller than one grid cell.`,
      });
    }
  }
  return problems;
}

export function hasErrors(problems: readonly FloorProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

function selfIntersects(polygon: readonly { x: number; y: number }[]): boolean {
  const n = polygon.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      if (segmentsCrossProperly({ a: polygon[i], b: polygon[(i + 1) % n] }, { a: polygon[j], b: polygon[(j + 1) % n] })) return true;
    }
  }
  return false;
}
