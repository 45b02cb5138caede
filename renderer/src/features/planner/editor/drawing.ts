// The drawing tools as small pure state machines over clicked points (metres), so that what a click
// does is tested without a canvas: a wall polyline persists each segment as its end is clicked; a zone
// polygon is persisted when it is closed or finished.
import type { Point } from '../../../../../shared/model/building';
import type { Draft } from './editor-store';

/** A click this close (m) to the polyline's or polygon's first point closes it. */
export const closeToleranceM = (scalePxPerM: number) => 8 / scalePxPerM;

const same = (a: Point, b: Point, tol: number) => Math.hypot(a.x - b.x, a.y - b.y) <= tol;

export interface WallStep {
  readonly draft: Draft | null;
  /** A wall to persist now. */
  readonly segment: readonly [Point, Point] | null;
}

/** One click of the wall tool. Clicking the first point again closes the outline and ends the polyline. */
export function wallClick(draft: Draft | null, p: Point, tol: number): WallStep {
  if (!draft || draft.kind !== 'wall' || draft.points.length === 0) return { draft: { kind: 'wall', points: [p] }, segment: null };
  const last = draft.points[draft.points.length - 1]!;
  if (same(last, p, tol)) return { draft, segment: null }; // a double click: nothing new
  const first = draft.points[0]!;
  const closes = draft.points.length >= 3 && same(first, p, tol);
  const end = closes ? first : p;
  return { draft: closes ? null : { kind: 'wall', points: [...draft.points, end] }, segment: [last, end] };
}

export interface ZoneStep {
  readonly draft: Draft | null;
  /** A finished polygon (or one point, for a point of interest) to persist now. */
  readonly polygon: readonly Point[] | null;
}

/** One click of the zone tool: clicking the first point of a polygon of three or more closes it. */
export function zoneClick(draft: Draft | null, p: Point, tol: number): ZoneStep {
  if (!draft || draft.kind !== 'zone') return { draft: { kind: 'zone', points: [p] }, polygon: null };
  const first = draft.points[0]!;
  if (draft.points.length >= 3 && same(first, p, tol)) return { draft: null, polygon: draft.points };
  const last = draft.points[draft.points.length - 1]!;
  if (same(last, p, tol)) return { draft, polygon: null };
  return { draft: { kind: 'zone', points: [...draft.points, p] }, polygon: null };
}

/**
 * Enter, Escape or a double click: a polygon of three or more points is kept; a single point is kept as
 * a point of interest; anything else is dropped. Walls are already saved segment by segment.
 */
export function finishDraft(draft: Draft | null, zoneKind: string): { polygon: readonly Point[] | null } {
  if (!draft || draft.kind !== 'zone') return { polygon: null };
  if (draft.points.length >= 3) return { polygon: draft.points };
  if (draft.points.length === 1 && zoneKind === 'poi') return { polygon: draft.points };
  return { polygon: null };
}
