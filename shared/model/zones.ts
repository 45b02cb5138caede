// Zones of a floor (DESIGN §3.1): where devices may be installed, exclusion areas, points of interest
// to watch (areas, or single points) and the gateway position.
// Semantics used throughout:
// - no installable zone at all means the whole floor is installable (the thesis's case);
// - installable zones are closed (a site on their edge is installable), exclusions are closed too and
//   win over installable zones (a site on an exclusion's edge is excluded);
// - a zone given as one point is a point (points of interest, gateway); an area needs ≥ 3 vertices.
import type { Floor, Point, Zone } from './building';
import { locatePoint, pointInPolygon, polygonAreaM2, polygonCentroid, polygonsOverlap } from './geometry';

/** The floor's outline polygon: its own, or the rectangle widthM × heightM from the origin. */
export function floorOutline(floor: Pick<Floor, 'outline' | 'widthM' | 'heightM'>): Point[] {
  if (floor.outline.length >= 3) return floor.outline;
  return [
    { x: 0, y: 0 },
    { x: floor.widthM, y: 0 },
    { x: floor.widthM, y: floor.heightM },
    { x: 0, y: floor.heightM },
  ];
}

export interface FloorZones {
  readonly installable: readonly Zone[];
  readonly exclusions: readonly Zone[];
  /** Points of interest given as areas: their cells are watched. */
  readonly poiAreas: readonly Zone[];
  /** Points of interest given as single points. */
  readonly poiPoints: readonly Zone[];
  readonly gateways: readonly Zone[];
}

export function isArea(zone: Zone): boolean {
  return zone.polygon.length >= 3;
}

/** The zones of one floor, sorted by kind. */
export function zonesOfFloor(zones: readonly Zone[], floorId: number): FloorZones {
  const mine = zones.filter((z) => z.floorId === floorId);
  return {
    installable: mine.filter((z) => z.kind === 'installable'),
    exclusions: mine.filter((z) => z.kind === 'exclusion'),
    poiAreas: mine.filter((z) => z.kind === 'poi' && isArea(z)),
    poiPoints: mine.filter((z) => z.kind === 'poi' && z.polygon.length === 1),
    gateways: mine.filter((z) => z.kind === 'gateway'),
  };
}

/** Where a zone stands when a point is needed: the point itself, or the centroid of its polygon. */
export function zonePoint(zone: Zone): Point {
  return zone.polygon.length === 1 ? zone.polygon[0] : polygonCentroid(zone.polygon);
}

/** The gateway's position, when the floor has exactly one gateway. */
export function gatewayPosition(fz: FloorZones): Point | null {
  return fz.gateways.length === 1 ? zonePoint(fz.gateways[0]) : null;
}

export function isExcluded(p: Point, fz: FloorZones): boolean {
  for (const z of fz.exclusions) if (isArea(z) && pointInPolygon(p, z.polygon)) return true;
  return false;
}

/** Whether a device may be installed at p (see the file comment for edges and the no-zone case). */
export function isInstallable(p: Point, fz: FloorZones, outline: readonly Point[]): boolean {
  if (!pointInPolygon(p, outline)) return false;
  if (fz.installable.length > 0) {
    let inside = false;
    for (const z of fz.installable) if (isArea(z) && pointInPolygon(p, z.polygon)) inside = true;
    if (!inside) return false;
  }
  return !isExcluded(p, fz);
}

/** Whether p lies in a watched area (boundary included). */
export function isWatched(p: Point, fz: FloorZones): boolean {
  for (const z of fz.poiAreas) if (locatePoint(p, z.polygon) !== 'outside') return true;
  return false;
}

export interface ZoneOverlap {
  readonly a: Zone;
  readonly b: Zone;
}

/**
 * Pairs of area zones of the same kind that overlap (a positive-area intersection). Installable zones
 * overlapping exclusions are normal (an exclusion carves its area out); two installable zones, two
 * exclusions or two watched areas overlapping are almost always a drawing mistake.
 */
export function sameKindOverlaps(fz: FloorZones): ZoneOverlap[] {
  const out: ZoneOverlap[] = [];
  for (const group of [fz.installable, fz.exclusions, fz.poiAreas]) {
    const areas = group.filter((z) => isArea(z) && polygonAreaM2(z.polygon) > 0);
    for (let i = 0; i < areas.length; i++) {
      for (let j = i + 1; j < areas.length; j++) {
        if (polygonsOverlap(areas[i].polygon, areas[j].polygon)) out.push({ a: areas[i], b: areas[j] });
      }
    }
  }
  return out;
}
