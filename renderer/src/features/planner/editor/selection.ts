// What is selected on the plan: walls, zones and devices by id. Pure helpers: click (replace or, with
// Shift, toggle), rubber band (what lies inside a rectangle), and pruning ids that no longer exist.
import type { Point } from '../../../../../shared/model/building';

export interface Selection {
  readonly walls: readonly number[];
  readonly zones: readonly number[];
  readonly devices: readonly number[];
}

export type ItemKind = keyof Selection;

export const EMPTY_SELECTION: Selection = { walls: [], zones: [], devices: [] };

export function selectionSize(s: Selection): number {
  return s.walls.length + s.zones.length + s.devices.length;
}

export function isSelected(s: Selection, kind: ItemKind, id: number): boolean {
  return s[kind].includes(id);
}

/** A click on an item: it alone becomes the selection, or with `additive` (Shift) it is toggled. */
export function clickSelect(s: Selection, kind: ItemKind, id: number, additive: boolean): Selection {
  if (!additive) return { ...EMPTY_SELECTION, [kind]: [id] };
  const has = s[kind].includes(id);
  return { ...s, [kind]: has ? s[kind].filter((x) => x !== id) : [...s[kind], id] };
}

export interface Rect {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function rectOf(a: Point, b: Point): Rect {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

const inside = (r: Rect, p: Point) => p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY;

export interface Selectable {
  readonly walls: readonly { readonly id: number; readonly a: Point; readonly b: Point }[];
  readonly zones: readonly { readonly id: number; readonly polygon: readonly Point[] }[];
  readonly devices: readonly { readonly id: number; readonly x: number; readonly y: number }[];
}

/** Rubber band: items wholly inside the rectangle (a wall's two ends, a zone's every corner, a device). */
export function bandSelect(items: Selectable, r: Rect, base: Selection = EMPTY_SELECTION): Selection {
  const merge = (old: readonly number[], add: number[]) => [...old, ...add.filter((id) => !old.includes(id))];
  return {
    walls: merge(base.walls, items.walls.filter((w) => inside(r, w.a) && inside(r, w.b)).map((w) => w.id)),
    zones: merge(base.zones, items.zones.filter((z) => z.polygon.every((p) => inside(r, p))).map((z) => z.id)),
    devices: merge(base.devices, items.devices.filter((d) => inside(r, d)).map((d) => d.id)),
  };
}

/** Drops ids that are no longer on the plan (after an undo, a delete elsewhere, a reload). */
export function pruneSelection(s: Selection, items: Selectable): Selection {
  const keep = (ids: readonly number[], present: readonly { id: number }[]) => {
    const set = new Set(present.map((p) => p.id));
    const kept = ids.filter((id) => set.has(id));
    return kept.length === ids.length ? ids : kept;
  };
  const walls = keep(s.walls, items.walls);
  const zones = keep(s.zones, items.zones);
  const devices = keep(s.devices, items.devices);
  return walls === s.walls && zones === s.zones && devices === s.devices ? s : { walls, zones, devices };
}
