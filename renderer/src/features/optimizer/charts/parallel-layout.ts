// Parallel coordinates (Inselberg 1985) for fronts of 3–4 objectives: one vertical axis per objective,
// each solution a polyline. Every axis is scaled to the values shown and oriented so that better is up
// (a minimised objective has its smallest value at the top), so a line high everywhere is a good one.
import type { FrontSeries } from './chart-model';

type Objective = FrontSeries['objectives'][number];

export interface AxisLayout {
  readonly objective: Objective;
  readonly xPx: number;
  readonly min: number;
  readonly max: number;
  /** Value at the top of the axis (the better end) and at the bottom. */
  readonly top: number;
  readonly bottom: number;
}

export interface ParallelLayout {
  readonly axes: readonly AxisLayout[];
  readonly topPx: number;
  readonly bottomPx: number;
}

export function parallelLayout(
  series: readonly FrontSeries[],
  objectives: readonly Objective[],
  size: { width: number; height: number },
  margins = { left: 56, right: 56, top: 44, bottom: 30 },
): ParallelLayout {
  const n = objectives.length;
  const span = Math.max(0, size.width - margins.left - margins.right);
  const axes = objectives.map((o, k) => {
    let min = Infinity;
    let max = -Infinity;
    for (const s of series) {
      const i = s.objectives.findIndex((p) => p.name === o.name);
      if (i < 0) continue;
      for (const p of s.points) {
        const v = p[i]!;
        if (!Number.isFinite(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    if (!Number.isFinite(min)) {
      min = 0;
      max = 1;
    }
    const better = o.direction === 'maximize' ? { top: max, bottom: min } : { top: min, bottom: max };
    return { objective: o, xPx: margins.left + (n > 1 ? (span * k) / (n - 1) : span / 2), min, max, ...better };
  });
  return { axes, topPx: margins.top, bottomPx: Math.max(margins.top + 1, size.height - margins.bottom) };
}

/** Vertical pixel of a value on an axis (a flat axis puts every value in the middle). */
export function axisY(layout: ParallelLayout, axis: AxisLayout, value: number): number {
  const h = layout.bottomPx - layout.topPx;
  if (axis.max === axis.min) return layout.topPx + h / 2;
  const t = (value - axis.top) / (axis.bottom - axis.top);
  return layout.topPx + t * h;
}

/** The polyline of one solution, as (x, y) pixels per axis; null when it lacks one of the objectives. */
export function polyline(layout: ParallelLayout, series: FrontSeries, point: number): { x: number; y: number }[] | null {
  const values = series.points[point];
  if (!values) return null;
  const out: { x: number; y: number }[] = [];
  for (const axis of layout.axes) {
    const i = series.objectives.findIndex((o) => o.name === axis.objective.name);
    const v = i < 0 ? Number.NaN : values[i]!;
    if (!Number.isFinite(v)) return null;
    out.push({ x: axis.xPx, y: axisY(layout, axis, v) });
  }
  return out;
}

/** Distance from a point to a polyline, in pixels. */
export function distanceToPolyline(line: readonly { x: number; y: number }[], px: number, py: number): number {
  let best = Infinity;
  for (let k = 0; k + 1 < line.length; k++) {
    const a = line[k]!;
    const b = line[k + 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2));
    best = Math.min(best, Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy)));
  }
  return best;
}
