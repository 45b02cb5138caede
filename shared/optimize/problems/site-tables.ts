// Precomputed tables that make evaluating a deployment cheap (../../DESIGN.md §3.2): for every
// candidate site, the floor cells within a radius, as compressed sparse rows. Each site only scans
// the bounding square of its disk, never the whole floor.
//
// Distance convention: a cell counts when the distance between centres is ≤ the radius. The thesis's
// text says "inférieure" (<) but its code (§4.6.3, `if d <= rayon_cov`, `if dis <= rayon_con`) uses ≤,
// and only ≤ reproduces Table 4.4 from Table 4.5's router coordinates (100 / 91.25 / 95 %; < gives
// 98.75 / 86.25 / 92.5 %). A relative tolerance of 1e-9 keeps exact-radius cells in despite rounding
// of non-integer pitches.
import type { CsrTable } from '../problem';
import type { GridGeometry } from './grid-floor';

const RADIUS_TOLERANCE = 1e-9;

export function cellsWithinRadius(geometry: GridGeometry, radiusM: number): CsrTable {
  const { columns, rows, pitchM, siteGrid, cellOfGrid } = geometry;
  const reach = Math.floor(radiusM / pitchM + 1e-9);
  const limit2 = (radiusM / pitchM) ** 2 * (1 + RADIUS_TOLERANCE);
  const offsets = new Int32Array(siteGrid.length + 1);
  const items: number[] = [];
  for (let s = 0; s < siteGrid.length; s++) {
    const g = siteGrid[s];
    const c0 = g % columns;
    const r0 = (g - c0) / columns;
    for (let r = Math.max(0, r0 - reach); r <= Math.min(rows - 1, r0 + reach); r++) {
      for (let c = Math.max(0, c0 - reach); c <= Math.min(columns - 1, c0 + reach); c++) {
        const cell = cellOfGrid[r * columns + c];
        if (cell >= 0 && (r - r0) ** 2 + (c - c0) ** 2 <= limit2) items.push(cell);
      }
    }
    offsets[s + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items) };
}

/** Site → the candidate sites among its 8 surrounding grid cells (for move-to-neighbour mutations). */
export function siteNeighbours(geometry: GridGeometry): CsrTable {
  const { columns, rows, siteGrid } = geometry;
  const siteOfGrid = new Int32Array(columns * rows).fill(-1);
  siteGrid.forEach((g, s) => (siteOfGrid[g] = s));
  const offsets = new Int32Array(siteGrid.length + 1);
  const items: number[] = [];
  for (let s = 0; s < siteGrid.length; s++) {
    const g = siteGrid[s];
    const c0 = g % columns;
    const r0 = (g - c0) / columns;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const r = r0 + dr;
        const c = c0 + dc;
        if ((dr === 0 && dc === 0) || r < 0 || c < 0 || r >= rows || c >= columns) continue;
        const t = siteOfGrid[r * columns + c];
        if (t >= 0) items.push(t);
      }
    }
    offsets[s + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items) };
}
