// The grid of a floor (thesis §2.2.1, DESIGN §3.1): square cells of a configurable pitch laid from the
// outline's top-left corner; a cell belongs to the floor when its centre lies inside the outline.
// - monitored cells: the cells to be covered — every cell of the floor (thesis), or the cells of the
//   watched areas plus the points of interest;
// - candidate sites: centres of the cells inside the installable area and outside exclusions.
// Points are numbered row by row (y, then x), which is the thesis's bit order for its binary genome.
import type { CsrTable } from '../optimize/problem';
import type { Floor, Point } from './building';
import { pointInPolygon, polygonBounds } from './geometry';
import type { FloorZones } from './zones';
import { floorOutline, isInstallable, isWatched, zonePoint } from './zones';

export interface Lattice {
  readonly originX: number;
  readonly originY: number;
  readonly pitchM: number;
  readonly cols: number;
  readonly rows: number;
}

/** Points with their lattice cell; `col`/`row` are −1 for points not on the lattice (points of interest). */
export interface GridPoints {
  readonly count: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly col: Int32Array;
  readonly row: Int32Array;
  readonly lattice: Lattice;
}

export function latticeOf(outline: readonly Point[], pitchM: number): Lattice {
  const b = polygonBounds(outline);
  // The 1e-9 keeps a 10 m floor at 1 m pitch at 10 columns despite rounding in the outline.
  return {
    originX: b.minX,
    originY: b.minY,
    pitchM,
    cols: Math.max(1, Math.ceil((b.maxX - b.minX) / pitchM - 1e-9)),
    rows: Math.max(1, Math.ceil((b.maxY - b.minY) / pitchM - 1e-9)),
  };
}

export function cellCentre(l: Lattice, col: number, row: number): Point {
  return { x: l.originX + (col + 0.5) * l.pitchM, y: l.originY + (row + 0.5) * l.pitchM };
}

function collect(l: Lattice, keep: (p: Point) => boolean, extra: readonly Point[] = []): GridPoints {
  const xs: number[] = [];
  const ys: number[] = [];
  const cols: number[] = [];
  const rows: number[] = [];
  for (let row = 0; row < l.rows; row++) {
    for (let col = 0; col < l.cols; col++) {
      const p = cellCentre(l, col, row);
      if (!keep(p)) continue;
      xs.push(p.x);
      ys.push(p.y);
      cols.push(col);
      rows.push(row);
    }
  }
  for (const p of extra) {
    xs.push(p.x);
    ys.push(p.y);
    cols.push(-1);
    rows.push(-1);
  }
  return {
    count: xs.length,
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    col: Int32Array.from(cols),
    row: Int32Array.from(rows),
    lattice: l,
  };
}

type FloorShape = Pick<Floor, 'outline' | 'widthM' | 'heightM'>;

/** Every cell of the floor. */
export function floorCells(floor: FloorShape, pitchM: number): GridPoints {
  const outline = floorOutline(floor);
  return collect(latticeOf(outline, pitchM), (p) => pointInPolygon(p, outline));
}

export type CoverageTarget = 'floor' | 'points-of-interest';

/**
 * The cells to be covered. 'points-of-interest' watches the cells of the watched areas (inside the
 * floor) and the single points of interest (appended, off the lattice).
 */
export function monitoredCells(floor: FloorShape, fz: FloorZones, pitchM: number, target: CoverageTarget): GridPoints {
  const outline = floorOutline(floor);
  const lattice = latticeOf(outline, pitchM);
  if (target === 'floor') return collect(lattice, (p) => pointInPolygon(p, outline));
  return collect(
    lattice,
    (p) => pointInPolygon(p, outline) && isWatched(p, fz),
    fz.poiPoints.map((z) => zonePoint(z)),
  );
}

/** Candidate sites: cell centres inside the installable area and outside exclusions. */
export function candidateSites(floor: FloorShape, fz: FloorZones, pitchM: number): GridPoints {
  const outline = floorOutline(floor);
  return collect(latticeOf(outline, pitchM), (p) => isInstallable(p, fz, outline));
}

/** For each site, the sites in the 8 surrounding cells (move-to-neighbour mutation). */
export function latticeNeighbours(sites: GridPoints): CsrTable {
  const { cols, rows } = sites.lattice;
  const index = new Int32Array(cols * rows).fill(-1);
  for (let i = 0; i < sites.count; i++) if (sites.col[i] >= 0) index[sites.row[i] * cols + sites.col[i]] = i;
  const offsets = new Int32Array(sites.count + 1);
  const items: number[] = [];
  for (let i = 0; i < sites.count; i++) {
    const c = sites.col[i];
    const r = sites.row[i];
    if (c >= 0) {
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          if ((dr === 0 && dc === 0) || r + dr < 0 || r + dr >= rows || c + dc < 0 || c + dc >= cols) continue;
          const j = index[(r + dr) * cols + c + dc];
          if (j >= 0) items.push(j);
        }
      }
    }
    offsets[i + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items) };
}
