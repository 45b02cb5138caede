// Density-aware initial sampling for the deployment problems. The thesis drew every cell with a coin
// flip (§4.6.2), which puts every individual near half the cells (40 sensors in its office), far from
// the interesting low-cost end of the front. Here each individual gets a device count drawn uniformly
// between 1 and three times what it takes to tile the floor with the primary disk (cells ÷ mean disk
// size: random placements need about that many for ~95 % coverage), and is placed either
//  - uniformly at random (Floyd's algorithm), or, for half the individuals,
//  - on a square lattice of the matching spacing with a random offset and a jitter of a quarter of
//    the spacing, snapped to candidate sites — evenly spread layouts that a random start on a large
//    floor would need thousands of generations of single moves to reach.
import type { CsrTable } from '../problem';
import type { GridGeometry } from './grid-floor';

export function deploymentSampler(geometry: GridGeometry, primary: CsrTable): (rand: () => number) => Int32Array {
  const { columns, rows, siteGrid } = geometry;
  const siteCount = siteGrid.length;
  const meanDisk = siteCount > 0 ? primary.items.length / siteCount : 1;
  const maxCount = Math.max(1, Math.min(siteCount, Math.ceil((3 * geometry.cellCount) / Math.max(1, meanDisk))));
  const siteOfGrid = new Int32Array(columns * rows).fill(-1);
  siteGrid.forEach((g, s) => (siteOfGrid[g] = s));

  const uniform = (count: number, rand: () => number): Int32Array => {
    const chosen = new Set<number>();
    for (let j = siteCount - count; j < siteCount; j++) {
      const t = Math.floor(rand() * (j + 1));
      chosen.add(chosen.has(t) ? j : t);
    }
    return Int32Array.from(chosen).sort();
  };

  const lattice = (count: number, rand: () => number): Int32Array => {
    // Spacing (in cells) that puts `count` points on the grid's bounding rectangle.
    const spacing = Math.max(1, Math.sqrt((columns * rows) / count));
    const offsetX = rand() * spacing;
    const offsetY = rand() * spacing;
    const jitter = spacing / 4;
    const chosen = new Set<number>();
    for (let y = offsetY; y < rows; y += spacing) {
      for (let x = offsetX; x < columns; x += spacing) {
        const c = Math.min(columns - 1, Math.max(0, Math.floor(x + (rand() * 2 - 1) * jitter)));
        const r = Math.min(rows - 1, Math.max(0, Math.floor(y + (rand() * 2 - 1) * jitter)));
        const site = siteOfGrid[r * columns + c];
        if (site >= 0) chosen.add(site);
      }
    }
    return chosen.size > 0 ? Int32Array.from(chosen).sort() : uniform(1, rand);
  };

  return (rand) => {
    const count = 1 + Math.floor(rand() * maxCount);
    return rand() < 0.5 ? uniform(count, rand) : lattice(count, rand);
  };
}
