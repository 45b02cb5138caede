// Device symbols and small marks shared by the plan and its legend.
import type { DeviceKind } from '../model/building';
import { DEVICE_STYLES } from './palette';
import { num as f } from './svg-text';
import { el } from './svg-writer';

/** Symbol radius in pixels: the same on every floor, so a device reads as a device at any scale. */
export const DEVICE_RADIUS_PX = 7;

export function deviceSymbol(kind: DeviceKind, cx: number, cy: number, r = DEVICE_RADIUS_PX): string {
  const style = DEVICE_STYLES[kind];
  const common = { fill: style.colour, stroke: '#ffffff', 'stroke-width': 1.5 };
  switch (style.symbol) {
    case 'circle':
      return el('circle', { cx, cy, r, ...common });
    case 'square': {
      const h = r * 0.9;
      return el('rect', { x: cx - h, y: cy - h, width: 2 * h, height: 2 * h, ...common });
    }
    case 'diamond': {
      const h = r * 1.3;
      return el('path', { d: `M${f(cx)} ${f(cy - h)}L${f(cx + h)} ${f(cy)}L${f(cx)} ${f(cy + h)}L${f(cx - h)} ${f(cy)}Z`, ...common });
    }
  }
}

/** Text with a white halo (drawn twice: a white stroke under the fill) so it reads over lines and cells. */
export function haloText(x: number, y: number, escapedText: string, attrs: Record<string, string | number | undefined> = {}): string {
  return (
    el('text', { x, y, ...attrs, fill: 'none', stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round' }, escapedText) +
    el('text', { x, y, ...attrs }, escapedText)
  );
}

/** A small filled arrowhead at (x, y) pointing in direction (dx, dy) (unit vector). */
export function arrowHead(x: number, y: number, dx: number, dy: number, size: number, colour: string): string {
  const bx = x - dx * size;
  const by = y - dy * size;
  const px = -dy * size * 0.45;
  const py = dx * size * 0.45;
  return el('path', { d: `M${f(x)} ${f(y)}L${f(bx + px)} ${f(by + py)}L${f(bx - px)} ${f(by - py)}Z`, fill: colour });
}
