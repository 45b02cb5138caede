// The drawing's furniture around the floor: rulers in metres along the top and left edges, the scale
// bar, and the mark of the plan's axes (x to the right, y down, building.ts).
import { INK } from './palette';
import type { PlanLayout } from './plan-layout';
import { arrowHead } from './plan-symbols';
import { niceStep, scaleBarLength } from './scale';
import { num } from './svg-text';
import { el } from './svg-writer';

export function rulers(L: PlanLayout): string {
  // Labels at least ~30 px apart: every metre on a 10 m floor at print size.
  const step = niceStep(30 / L.pxPerM);
  const out: string[] = [];
  let ticks = '';
  for (let k = Math.ceil(L.minX / step - 1e-9); k * step <= L.maxX + 1e-9; k++) {
    const x = L.X(k * step);
    ticks += `M${num(x)} ${num(L.planTop - 5)}V${num(L.planTop)}`;
    out.push(el('text', { x, y: L.planTop - 8, 'text-anchor': 'middle', 'font-size': 10, fill: INK.muted }, num(k * step, 3)));
  }
  for (let k = Math.ceil(L.minY / step - 1e-9); k * step <= L.maxY + 1e-9; k++) {
    const y = L.Y(k * step);
    ticks += `M${num(L.planLeft - 5)} ${num(y)}H${num(L.planLeft)}`;
    out.push(el('text', { x: L.planLeft - 8, y: y + 3.5, 'text-anchor': 'end', 'font-size': 10, fill: INK.muted }, num(k * step, 3)));
  }
  out.push(el('path', { d: ticks, stroke: INK.muted, 'stroke-width': 0.8 }));
  out.push(el('text', { x: L.planLeft + L.planWidth + 16, y: L.planTop - 8, 'font-size': 10, fill: INK.muted }, 'x (m)'));
  out.push(el('text', { x: L.planLeft - 8, y: L.planTop + L.planHeight + 16, 'text-anchor': 'end', 'font-size': 10, fill: INK.muted }, 'y (m)'));
  return el('g', { class: 'rulers' }, out);
}

export function scaleBar(L: PlanLayout): string {
  const { lengthM, segments } = scaleBarLength(L.pxPerM, 90, 200);
  const x0 = L.planLeft;
  const y0 = L.planTop + L.planHeight + 24;
  const segPx = (lengthM * L.pxPerM) / segments;
  const out: string[] = [];
  for (let i = 0; i < segments; i++) {
    out.push(el('rect', { x: x0 + i * segPx, y: y0, width: segPx, height: 6, fill: i % 2 === 0 ? INK.text : '#ffffff', stroke: INK.text, 'stroke-width': 0.8 }));
  }
  const label = (x: number, t: string) => el('text', { x, y: y0 + 19, 'text-anchor': 'middle', 'font-size': 10 }, t);
  out.push(label(x0, '0'));
  out.push(label(x0 + (segments / 2) * segPx, num(lengthM / 2, 3)));
  out.push(label(x0 + segments * segPx, `${num(lengthM, 3)} m`));
  return el('g', { class: 'scale-bar' }, out);
}

/** The plan's axes: x to the right and y down from the origin (building.ts), drawn under the plan's right end. */
export function axesMark(L: PlanLayout): string {
  const ox = L.planLeft + L.planWidth - 64;
  const oy = L.planTop + L.planHeight + 16;
  const len = 26;
  return el('g', { class: 'axes', stroke: INK.text, fill: INK.text, 'font-size': 10 }, [
    el('circle', { cx: ox, cy: oy, r: 2 }),
    el('line', { x1: ox, y1: oy, x2: ox + len, y2: oy, 'stroke-width': 1.2 }),
    arrowHead(ox + len + 4, oy, 1, 0, 7, INK.text),
    el('line', { x1: ox, y1: oy, x2: ox, y2: oy + len * 0.8, 'stroke-width': 1.2 }),
    arrowHead(ox, oy + len * 0.8 + 4, 0, 1, 7, INK.text),
    el('text', { x: ox + len + 8, y: oy + 4, stroke: 'none' }, 'x'),
    el('text', { x: ox + 6, y: oy + len * 0.8 + 4, stroke: 'none' }, 'y'),
  ]);
}
