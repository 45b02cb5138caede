// A minimal SVG writer: elements with attributes in the order given, numbers formatted by `num`, all
// values escaped. Enough for plans and charts, and deterministic by construction.
import { num, svgText } from './svg-text';

export type AttrValue = string | number | undefined | null | false;
export type Attrs = Readonly<Record<string, AttrValue>>;

function attrs(a: Attrs): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    s += ` ${k}="${typeof v === 'number' ? num(v) : svgText(v)}"`;
  }
  return s;
}

/** An element; `children` is already-serialised SVG (from `el`, or `text` below). */
export function el(name: string, a: Attrs = {}, children?: string | readonly string[]): string {
  const inner = children === undefined ? undefined : typeof children === 'string' ? children : children.join('');
  return inner === undefined || inner === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** Points of a polygon/polyline as "x,y x,y". */
export function points(ps: readonly { x: number; y: number }[]): string {
  return ps.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
