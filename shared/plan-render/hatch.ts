// Hatching of a polygon as explicit line segments (45°, rising to the right on screen), computed here
// rather than with an SVG <pattern>, so that every renderer (browser, resvg, svg-to-pdfkit) draws the
// same strokes. Scanline intersection with a half-open rule at vertices, so a line through a vertex
// is counted once and pairs of crossings stay paired, for convex and concave polygons alike.
import type { Point } from '../model/building';

export interface LineSegment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export function hatchSegments(polygon: readonly Point[], spacing: number): LineSegment[] {
  if (polygon.length < 3 || !(spacing > 0)) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of polygon) {
    lo = Math.min(lo, p.x + p.y);
    hi = Math.max(hi, p.x + p.y);
  }
  const out: LineSegment[] = [];
  // Lines x + y = c, c on a lattice anchored at 0 so that neighbouring zones hatch in step.
  for (let c = Math.ceil(lo / spacing) * spacing; c <= hi; c += spacing) {
    const xs: number[] = [];
    for (let i = 0, n = polygon.length; i < n; i++) {
      const p = polygon[i];
      const q = polygon[(i + 1) % n];
      const fp = p.x + p.y - c;
      const fq = q.x + q.y - c;
      if (fp < 0 !== fq < 0) {
        const t = fp / (fp - fq);
        xs.push(p.x + t * (q.x - p.x));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // A line through a convex corner only touches it: nothing to draw.
      if (xs[k + 1] - xs[k] > 1e-9) out.push({ x1: xs[k], y1: c - xs[k], x2: xs[k + 1], y2: c - xs[k + 1] });
    }
  }
  return out;
}
