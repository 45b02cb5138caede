// Plane geometry of a floor plan: metres, x to the right, y down (see building.ts).
//
// The one subtle piece is how a straight radio path meets a wall (`pathWallContact`). The multi-wall
// term (COST 231 final report §4.7) sums the losses of the walls the path *passes through*, so the
// contact is classified, not merely detected:
// - 'proper'     the path and the wall cross at one point inside both: the path passes through it;
// - 'wall-end'   an end of the wall lies strictly inside the path; whether that counts is decided by
//                looking at all the walls that meet the path at that point (shared/radio/multi-wall.ts):
//                through a joint whose walls lie on both sides of the path it passes once, past the
//                free end of a wall or the outside of a corner it passes nothing;
// - 'collinear'  the path runs along the wall's line (overlapping it or not): it never passes through;
// - 'at-path-end' the wall touches one end of the path (a device mounted on the wall's face): not crossed;
// - 'none'       no contact, including parallel walls.
// Distances below GEOMETRY_EPS_M count as contact, so drawn coordinates need not be exact to the bit.
import type { Point } from './building';

/** Contact tolerance: 0.1 µm, far below drawing precision and far above double rounding at building scale. */
export const GEOMETRY_EPS_M = 1e-7;

export interface Segment {
  readonly a: Point;
  readonly b: Point;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function distanceM(p: Point, q: Point): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}

export function segmentLengthM(s: Segment): number {
  return distanceM(s.a, s.b);
}

/** Shoelace formula. Positive when the vertices turn clockwise on screen (y down). */
export function polygonSignedAreaM2(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0, n = polygon.length; i < n; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % n];
    twice += p.x * q.y - q.x * p.y;
  }
  return twice / 2;
}

export function polygonAreaM2(polygon: readonly Point[]): number {
  return Math.abs(polygonSignedAreaM2(polygon));
}

export function polygonBounds(polygon: readonly Point[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polygon) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, minY, maxX, maxY };
}

/** Area-weighted centroid; the vertex mean for a degenerate (zero-area) polygon. */
export function polygonCentroid(polygon: readonly Point[]): Point {
  const area = polygonSignedAreaM2(polygon);
  if (Math.abs(area) < GEOMETRY_EPS_M) {
    let x = 0;
    let y = 0;
    for (const p of polygon) {
      x += p.x;
      y += p.y;
    }
    return { x: x / polygon.length, y: y / polygon.length };
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = polygon.length; i < n; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % n];
    const cross = p.x * q.y - q.x * p.y;
    cx += (p.x + q.x) * cross;
    cy += (p.y + q.y) * cross;
  }
  return { x: cx / (6 * area), y: cy / (6 * area) };
}

/** Whether p lies on segment ab, within eps. */
export function pointOnSegment(p: Point, a: Point, b: Point, eps = GEOMETRY_EPS_M): boolean {
  const ex = b.x - a.x;
  const ey = b.y - a.y;
  const len2 = ex * ex + ey * ey;
  if (len2 === 0) return Math.hypot(p.x - a.x, p.y - a.y) <= eps;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * ex + (p.y - a.y) * ey) / len2));
  return Math.hypot(p.x - (a.x + t * ex), p.y - (a.y + t * ey)) <= eps;
}

export type PointLocation = 'inside' | 'boundary' | 'outside';

/** Even–odd rule (crossing number), with the boundary reported separately. */
export function locatePoint(p: Point, polygon: readonly Point[]): PointLocation {
  const n = polygon.length;
  if (n === 0) return 'outside';
  for (let i = 0; i < n; i++) if (pointOnSegment(p, polygon[i], polygon[(i + 1) % n])) return 'boundary';
  if (n < 3) return 'outside';
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    // Half-open rule on y, so a ray through a vertex counts that vertex once.
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Inside or on the boundary. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  return locatePoint(p, polygon) !== 'outside';
}

// ----------------------------------------------------------------------------------------------
// Path–wall contact

export const CONTACT_NONE = 0;
export const CONTACT_COLLINEAR = 1;
export const CONTACT_AT_PATH_END = 2;
export const CONTACT_PROPER = 3;
export const CONTACT_WALL_END = 4;

/** Scratch output of `pathWallContactCode`: where along the path (0..1) and, for a wall end, the side. */
export interface ContactScratch {
  t: number;
  /** +1 when the wall's other end lies to the left of the path (cross product > 0), −1 to the right. */
  side: number;
}

/**
 * Allocation-free kernel of `pathWallContact` on raw coordinates, for the precomputation loops.
 * Returns one of the CONTACT_* codes; for PROPER and WALL_END it writes `out.t` (and `out.side`).
 */
export function pathWallContactCode(
  px: number,
  py: number,
  qx: number,
  qy: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  out: ContactScratch,
): number {
  const dx = qx - px;
  const dy = qy - py;
  const ex = bx - ax;
  const ey = by - ay;
  return contactWithLengths(px, py, dx, dy, Math.sqrt(dx * dx + dy * dy), ax, ay, bx, by, ex, ey, Math.sqrt(ex * ex + ey * ey), out);
}

/**
 * The same with the path's direction (dx, dy) and length, and the wall's direction (ex, ey) and
 * length, computed once by the caller: the precomputation tests one path against many walls.
 * Cross products are compared unnormalised (distance × length against eps × length), so the common
 * case — a wall wholly on one side of the path — costs a few multiplications.
 */
export function contactWithLengths(
  px: number,
  py: number,
  dx: number,
  dy: number,
  len: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  ex: number,
  ey: number,
  wallLen: number,
  out: ContactScratch,
): number {
  const eps = GEOMETRY_EPS_M;
  // A zero-length path crosses nothing; a zero-length wall is reported by validation and ignored here.
  if (len <= eps || wallLen <= eps) return CONTACT_NONE;
  // The wall's ends against the path's line (signed distance × len).
  const tol = eps * len;
  const ca = dx * (ay - py) - dy * (ax - px);
  const cb = dx * (by - py) - dy * (bx - px);
  if ((ca > tol && cb > tol) || (ca < -tol && cb < -tol)) return CONTACT_NONE; // includes parallel walls
  const aOn = ca <= tol && ca >= -tol;
  const bOn = cb <= tol && cb >= -tol;
  if (aOn && bOn) return CONTACT_COLLINEAR;
  // The path's ends against the wall's line (signed distance × wallLen).
  const wallTol = eps * wallLen;
  const cp = ex * (py - ay) - ey * (px - ax);
  const cq = ex * (py + dy - ay) - ey * (px + dx - ax);
  if ((cp > wallTol && cq > wallTol) || (cp < -wallTol && cq < -wallTol)) return CONTACT_NONE;
  let t: number;
  if (aOn) t = ((ax - px) * dx + (ay - py) * dy) / (len * len);
  else if (bOn) t = ((bx - px) * dx + (by - py) * dy) / (len * len);
  else {
    const denom = cp - cq;
    if (Math.abs(denom) <= wallTol * 1e-3) return CONTACT_NONE; // numerically parallel
    t = cp / denom;
  }
  const tEps = eps / len;
  if (t < -tEps || t > 1 + tEps) return CONTACT_NONE;
  if (t <= tEps || t >= 1 - tEps) return CONTACT_AT_PATH_END;
  out.t = t;
  if (aOn) {
    out.side = cb > 0 ? 1 : -1;
    return CONTACT_WALL_END;
  }
  if (bOn) {
    out.side = ca > 0 ? 1 : -1;
    return CONTACT_WALL_END;
  }
  return CONTACT_PROPER;
}

export type PathWallContact =
  | { readonly kind: 'none' }
  | { readonly kind: 'collinear' }
  | { readonly kind: 'at-path-end' }
  | { readonly kind: 'proper'; readonly t: number }
  | { readonly kind: 'wall-end'; readonly t: number; readonly side: 1 | -1 };

/** How the straight path p→q meets the wall a–b (see the file comment for the semantics). */
export function pathWallContact(p: Point, q: Point, wall: Segment): PathWallContact {
  const out: ContactScratch = { t: 0, side: 0 };
  switch (pathWallContactCode(p.x, p.y, q.x, q.y, wall.a.x, wall.a.y, wall.b.x, wall.b.y, out)) {
    case CONTACT_COLLINEAR:
      return { kind: 'collinear' };
    case CONTACT_AT_PATH_END:
      return { kind: 'at-path-end' };
    case CONTACT_PROPER:
      return { kind: 'proper', t: out.t };
    case CONTACT_WALL_END:
      return { kind: 'wall-end', t: out.t, side: out.side > 0 ? 1 : -1 };
    default:
      return { kind: 'none' };
  }
}

/** True when the interiors of two segments cross at a single point (no touching, no overlap). */
export function segmentsCrossProperly(s: Segment, u: Segment): boolean {
  const out: ContactScratch = { t: 0, side: 0 };
  return pathWallContactCode(s.a.x, s.a.y, s.b.x, s.b.y, u.a.x, u.a.y, u.b.x, u.b.y, out) === CONTACT_PROPER;
}

// ----------------------------------------------------------------------------------------------
// Segments and polygons against an outline

export type SegmentLocation = 'inside' | 'partly-outside' | 'outside';

/**
 * Where a segment lies relative to a polygon (boundary counts as inside). A segment is inside when
 * both ends and its midpoint are inside and it crosses no edge of the polygon.
 */
export function locateSegment(s: Segment, polygon: readonly Point[]): SegmentLocation {
  const mid = { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
  const inA = pointInPolygon(s.a, polygon);
  const inB = pointInPolygon(s.b, polygon);
  const inMid = pointInPolygon(mid, polygon);
  let crosses = false;
  for (let i = 0, n = polygon.length; i < n && !crosses; i++) {
    crosses = segmentsCrossProperly(s, { a: polygon[i], b: polygon[(i + 1) % n] });
  }
  if (inA && inB && inMid && !crosses) return 'inside';
  if (!inA && !inB && !inMid && !crosses) return 'outside';
  return 'partly-outside';
}

/** A point strictly inside a simple polygon (near its centroid when that is inside), or null if degenerate. */
export function interiorPoint(polygon: readonly Point[]): Point | null {
  if (polygon.length < 3 || polygonAreaM2(polygon) <= GEOMETRY_EPS_M) return null;
  const c = polygonCentroid(polygon);
  if (locatePoint(c, polygon) === 'inside') return c;
  // Concave polygon: scan a horizontal line through the bounds' middle and take the middle of the
  // first inside stretch.
  const b = polygonBounds(polygon);
  for (const f of [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875]) {
    const y = b.minY + f * (b.maxY - b.minY);
    const xs: number[] = [];
    for (let i = 0, n = polygon.length; i < n; i++) {
      const p = polygon[i];
      const q = polygon[(i + 1) % n];
      if (p.y > y !== q.y > y) xs.push(p.x + ((y - p.y) * (q.x - p.x)) / (q.y - p.y));
    }
    xs.sort((u, v) => u - v);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const candidate = { x: (xs[i] + xs[i + 1]) / 2, y };
      if (locatePoint(candidate, polygon) === 'inside') return candidate;
    }
  }
  return null;
}

/**
 * Whether two simple polygons share a region of positive area (touching along an edge or at a vertex
 * does not count). Tests proper edge crossings, then vertices, edge midpoints and an interior point
 * of each polygon strictly inside the other — enough for the rooms and areas of a floor plan.
 */
export function polygonsOverlap(p: readonly Point[], q: readonly Point[]): boolean {
  if (p.length < 3 || q.length < 3) return false;
  const bp = polygonBounds(p);
  const bq = polygonBounds(q);
  if (bp.maxX <= bq.minX || bq.maxX <= bp.minX || bp.maxY <= bq.minY || bq.maxY <= bp.minY) return false;
  for (let i = 0; i < p.length; i++) {
    const e = { a: p[i], b: p[(i + 1) % p.length] };
    for (let j = 0; j < q.length; j++) if (segmentsCrossProperly(e, { a: q[j], b: q[(j + 1) % q.length] })) return true;
  }
  const strictlyInside = (poly: readonly Point[], other: readonly Point[]): boolean => {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i];
      const b = poly[(i + 1) % poly.length];
      if (locatePoint(a, other) === 'inside') return true;
      if (locatePoint({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, other) === 'inside') return true;
    }
    const c = interiorPoint(poly);
    return c !== null && locatePoint(c, other) === 'inside';
  };
  return strictlyInside(p, q) || strictlyInside(q, p);
}
