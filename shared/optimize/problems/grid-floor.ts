// A floor as a grid of square cells (thesis §2.2.1: an L × l grid of 1 m² cells, devices at cell
// centres). Cells are indexed row-major, x along the columns and y along the rows, from the plan origin.
// Optional masks restrict which cells belong to the floor (coverage is a share of those) and where a
// device may be installed (the candidate sites, by default every floor cell).

export interface GridFloorSpec {
  /** Cells along x. */
  readonly columns: number;
  /** Cells along y. */
  readonly rows: number;
  /** Cell side in metres. */
  readonly pitchM: number;
  /** Row-major, columns × rows: non-zero where the cell is part of the floor. Default: every cell. */
  readonly floorMask?: ArrayLike<number>;
  /** Row-major, columns × rows: non-zero where a device may be installed. Default: every floor cell. */
  readonly siteMask?: ArrayLike<number>;
}

export interface GridGeometry {
  readonly columns: number;
  readonly rows: number;
  readonly pitchM: number;
  /** Number of floor cells (the denominator of every percentage). */
  readonly cellCount: number;
  /** Grid index (row-major) → floor-cell index, or −1 outside the floor. */
  readonly cellOfGrid: Int32Array;
  /** Candidate site → grid index (row-major), ascending. */
  readonly siteGrid: Int32Array;
}

export function gridGeometry(spec: GridFloorSpec): GridGeometry {
  const total = spec.columns * spec.rows;
  const cellOfGrid = new Int32Array(total).fill(-1);
  let cellCount = 0;
  for (let g = 0; g < total; g++) if (!spec.floorMask || spec.floorMask[g]) cellOfGrid[g] = cellCount++;
  const sites: number[] = [];
  for (let g = 0; g < total; g++) {
    if (cellOfGrid[g] >= 0 && (!spec.siteMask || spec.siteMask[g])) sites.push(g);
  }
  return { columns: spec.columns, rows: spec.rows, pitchM: spec.pitchM, cellCount, cellOfGrid, siteGrid: Int32Array.from(sites) };
}

/** Centre of a grid cell, [x, y] in metres. */
export function gridCentreM(geometry: GridGeometry, grid: number): [number, number] {
  const column = grid % geometry.columns;
  const row = (grid - column) / geometry.columns;
  return [(column + 0.5) * geometry.pitchM, (row + 0.5) * geometry.pitchM];
}
