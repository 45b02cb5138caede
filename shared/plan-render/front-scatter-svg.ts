// A small scatter of a Pareto front for the report: two objectives, nice ticks, the direction of
// improvement on each axis, and the solution that is the exported placement ringed.
import type { FrontRow, ReportRun } from './report-run';
import { FONT_FAMILY, INK } from './palette';
import { niceStep } from './scale';
import { num, svgText } from './svg-text';
import { el, SVG_NS } from './svg-writer';

export interface ScatterOptions {
  /** Indices into run.objectives; by default cost (x) against coverage (y) when the run has them. */
  readonly xObjective?: number;
  readonly yObjective?: number;
  readonly widthPx?: number;
  readonly heightPx?: number;
}

const POINT_COLOUR = '#3949ab';
const CURRENT_COLOUR = '#d84315';

export function defaultScatterAxes(run: ReportRun): [number, number] {
  const find = (name: string): number => run.objectives.findIndex((o) => o.name === name);
  const x = find('cost') >= 0 ? find('cost') : 0;
  let y = find('coverage') >= 0 ? find('coverage') : find('connectivity');
  if (y < 0 || y === x) y = run.objectives.length > 1 ? (x === 0 ? 1 : 0) : x;
  return [x, y];
}

function ticks(lo: number, hi: number, target: number, percent: boolean): { lo: number; hi: number; step: number } {
  // A margin of 4 % of the range (10 % of the value for a single one) keeps extreme points off the frame.
  const pad = hi > lo ? (hi - lo) * 0.04 : Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
  lo -= pad;
  hi += pad;
  const step = niceStep((hi - lo) / target);
  let tlo = Math.floor(lo / step + 1e-9) * step;
  let thi = Math.ceil(hi / step - 1e-9) * step;
  // A share never reads below 0 % or above 100 % on its axis.
  if (percent && tlo < 0 && lo + pad >= 0) tlo = 0;
  if (percent && thi > 100 && hi - pad <= 100) thi = 100;
  return { lo: tlo, hi: thi, step };
}

/** Returns the SVG, or null when the front has no finite point on the chosen axes. */
export function frontScatterSvg(run: ReportRun, rows: readonly FrontRow[], options: ScatterOptions = {}): string | null {
  const [dx, dy] = defaultScatterAxes(run);
  const xi = options.xObjective ?? dx;
  const yi = options.yObjective ?? dy;
  const pts = rows.filter((r) => Number.isFinite(r.values[xi]) && Number.isFinite(r.values[yi]));
  if (pts.length === 0) return null;
  const W = options.widthPx ?? 440;
  const H = options.heightPx ?? 300;
  const left = 58;
  const right = 16;
  const top = 14;
  const bottom = 44;
  const xs = ticks(Math.min(...pts.map((p) => p.values[xi])), Math.max(...pts.map((p) => p.values[xi])), 6, run.objectives[xi].unit === '%');
  const ys = ticks(Math.min(...pts.map((p) => p.values[yi])), Math.max(...pts.map((p) => p.values[yi])), 5, run.objectives[yi].unit === '%');
  const X = (v: number) => left + ((v - xs.lo) / (xs.hi - xs.lo)) * (W - left - right);
  const Y = (v: number) => H - bottom - ((v - ys.lo) / (ys.hi - ys.lo)) * (H - top - bottom);
  const out: string[] = [el('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' })];
  let grid = '';
  const decimals = (step: number) => Math.max(0, Math.min(4, -Math.floor(Math.log10(step) + 1e-9)));
  for (let v = xs.lo, k = 0; v <= xs.hi + xs.step * 1e-6 && k < 100; v = xs.lo + ++k * xs.step) {
    grid += `M${num(X(v))} ${num(top)}V${num(H - bottom)}`;
    out.push(el('text', { x: X(v), y: H - bottom + 14, 'text-anchor': 'middle', 'font-size': 10, fill: INK.muted }, num(v, decimals(xs.step))));
  }
  for (let v = ys.lo, k = 0; v <= ys.hi + ys.step * 1e-6 && k < 100; v = ys.lo + ++k * ys.step) {
    grid += `M${num(left)} ${num(Y(v))}H${num(W - right)}`;
    out.push(el('text', { x: left - 6, y: Y(v) + 3.5, 'text-anchor': 'end', 'font-size': 10, fill: INK.muted }, num(v, decimals(ys.step))));
  }
  // Above the white background (index 0), under everything else.
  out.splice(1, 0, el('path', { d: grid, stroke: INK.gridMinor, 'stroke-width': 0.8, fill: 'none' }));
  out.push(el('rect', { x: left, y: top, width: W - left - right, height: H - top - bottom, fill: 'none', stroke: INK.gridMajor, 'stroke-width': 0.8 }));
  const axisTitle = (i: number) => {
    const o = run.objectives[i];
    return `${o.name}${o.unit ? ` (${o.unit})` : ''} — ${o.direction === 'minimize' ? 'lower is better' : 'higher is better'}`;
  };
  out.push(el('text', { x: (left + W - right) / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 10.5 }, svgText(axisTitle(xi))));
  out.push(el('text', { x: 12, y: (top + H - bottom) / 2, 'text-anchor': 'middle', 'font-size': 10.5, transform: `rotate(-90 12 ${num((top + H - bottom) / 2)})` }, svgText(axisTitle(yi))));
  for (const p of pts) {
    if (!p.current) out.push(el('circle', { cx: X(p.values[xi]), cy: Y(p.values[yi]), r: 3.2, fill: POINT_COLOUR, 'fill-opacity': 0.75 }));
  }
  for (const p of pts.filter((q) => q.current)) {
    out.push(el('circle', { cx: X(p.values[xi]), cy: Y(p.values[yi]), r: 4, fill: CURRENT_COLOUR }));
    out.push(el('circle', { cx: X(p.values[xi]), cy: Y(p.values[yi]), r: 7.5, fill: 'none', stroke: CURRENT_COLOUR, 'stroke-width': 1.5 }));
  }
  return el('svg', { xmlns: SVG_NS, version: '1.1', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': FONT_FAMILY, 'font-size': 10, fill: INK.text }, out);
}
