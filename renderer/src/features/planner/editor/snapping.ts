// Where a click lands once snapped (DESIGN §3.4): to a wall end within a few screen pixels first (so
// walls meet exactly and can be joined), else to the grid — its lines' crossings for walls and zones,
// its cell centres for devices (where the thesis's candidate sites are). Alt held while clicking
// places freely.
import type { Point } from '../../../../../shared/model/building';

/** A wall end this close on screen captures the pointer. */
export const END_SNAP_PX = 10;

export interface SnapOptions {
  readonly toGrid: boolean;
  readonly toEnds: boolean;
  readonly pitchM: number;
  /** Screen pixels per metre, to turn END_SNAP_PX into metres. */
  readonly scalePxPerM: number;
  /** 'crossing' for walls and zones, 'centre' for devices. */
  readonly gridTarget: 'crossing' | 'centre';
}

export interface SnapResult {
  readonly point: Point;
  readonly snappedTo: 'end' | 'grid' | null;
}

export function snapPoint(p: Point, ends: readonly Point[], o: SnapOptions): SnapResult {
  if (o.toEnds) {
    const reachM = END_SNAP_PX / o.scalePxPerM;
    let best: Point | null = null;
    let bestD = reachM;
    for (const e of ends) {
      const d = Math.hypot(e.x - p.x, e.y - p.y);
      if (d <= bestD) {
        best = e;
        bestD = d;
      }
    }
    if (best) return { point: { x: best.x, y: best.y }, snappedTo: 'end' };
  }
  if (o.toGrid && o.pitchM > 0) {
    const offset = o.gridTarget === 'centre' ? o.pitchM / 2 : 0;
    const round = (v: number) => Math.round(((Math.round((v - offset) / o.pitchM) * o.pitchM + offset) * 1e9)) / 1e9 + 0;
    return { point: { x: round(p.x), y: round(p.y) }, snappedTo: 'grid' };
  }
  return { point: p, snappedTo: null };
}
