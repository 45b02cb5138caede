// Points of interest that the placement leaves unwatched (DESIGN §3.1): a single point is covered when
// the sensors' joint detection probability there reaches the threshold; an area when all its cells are.
import type { Point } from '../../../../../shared/model/building';
import { zonePoint } from '../../../../../shared/model/zones';
import { detectionProbability } from '../../../../../shared/radio/detection';
import type { CoverageField } from './coverage-field';
import type { LiveDevice, OverlayStatics } from './overlay-statics';

export interface PoiStatus {
  readonly zoneId: number;
  readonly name: string;
  /** Where to mark it: the point, or the area's centroid. */
  readonly at: Point;
  readonly area: boolean;
  /** Share of the point of interest that is covered, in [0, 1]. */
  readonly coveredShare: number;
}

export function poiStatus(s: OverlayStatics, devices: readonly LiveDevice[], coverage: CoverageField, threshold: number): PoiStatus[] {
  const out: PoiStatus[] = [];
  for (const z of s.zones.poiPoints) {
    const p = z.polygon[0]!;
    let miss = 1;
    for (const d of devices) {
      if (d.kind !== 'sensor' || d.typeId === null) continue;
      const type = s.types.get(d.typeId);
      if (!type?.detection) continue;
      const prob = detectionProbability(type.detection, Math.hypot(d.x - p.x, d.y - p.y));
      if (prob <= 0 || (type.blockedByWalls && s.wallIndex.crossing(d.x, d.y, p.x, p.y).count > 0)) continue;
      miss *= 1 - prob;
    }
    out.push({ zoneId: z.id, name: z.name, at: p, area: false, coveredShare: 1 - miss >= threshold - 1e-9 ? 1 : 0 });
  }
  for (const a of s.poiAreaCells) {
    const zone = s.zones.poiAreas.find((z) => z.id === a.zoneId)!;
    let covered = 0;
    for (const c of a.cells) if (coverage.probability[c]! >= threshold - 1e-6) covered++;
    out.push({ zoneId: a.zoneId, name: a.name, at: zonePoint(zone), area: true, coveredShare: a.cells.length ? covered / a.cells.length : 1 });
  }
  return out;
}
