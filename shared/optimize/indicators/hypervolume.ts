// Exact hypervolume (minimisation): the Lebesgue measure of the region dominated by the points and
// bounded by the reference point. Points that do not strictly dominate the reference contribute
// nothing and are dropped.
// - 2 objectives: sort by f1 and sum the staircase rectangles, O(n log n);
// - 3 objectives: sweep along f3 keeping the 2-D non-dominated staircase of the points seen so far
//   and its area, each slab contributing area × thickness (the dimension-sweep of Fonseca, Paquete &
//   López-Ibáñez 2006, with a linear-time staircase update: O(n²) worst case);
// - 4 and more: slice along the last objective (HSO, While et al. 2006) down to the 3-D sweep.

export type Point = ArrayLike<number>;

export function hypervolume(points: readonly Point[], reference: Point): number {
  const m = reference.length;
  const inside: Float64Array[] = [];
  for (const p of points) {
    let ok = true;
    for (let k = 0; k < m; k++) if (!(p[k] < reference[k])) ok = false;
    if (ok) inside.push(Float64Array.from({ length: m }, (_, k) => p[k]));
  }
  if (inside.length === 0) return 0;
  return hv(inside, Float64Array.from({ length: m }, (_, k) => reference[k]), m);
}

function hv(points: Float64Array[], ref: Float64Array, m: number): number {
  if (m === 1) return ref[0] - Math.min(...points.map((p) => p[0]));
  if (m === 2) return hv2(points, ref);
  if (m === 3) return hv3(points, ref);
  // Slicing: sort by the last objective, each slab [z_i, z_{i+1}) is dominated by the (m−1)-D
  // projection of the points with z ≤ z_i.
  const last = m - 1;
  const sorted = points.slice().sort((a, b) => a[last] - b[last]);
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    const top = i + 1 < sorted.length ? sorted[i + 1][last] : ref[last];
    const depth = top - sorted[i][last];
    if (depth <= 0) continue;
    volume += depth * hv(sorted.slice(0, i + 1), ref, m - 1);
  }
  return volume;
}

function hv2(points: Float64Array[], ref: Float64Array): number {
  const sorted = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let bestY = ref[1];
  for (const p of sorted) {
    if (p[1] < bestY) {
      area += (ref[0] - p[0]) * (bestY - p[1]);
      bestY = p[1];
    }
  }
  return area;
}

function hv3(points: Float64Array[], ref: Float64Array): number {
  const sorted = points.slice().sort((a, b) => a[2] - b[2]);
  // Staircase: non-dominated (x, y) pairs, x ascending and y strictly descending.
  const xs: number[] = [];
  const ys: number[] = [];
  let area = 0;
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i][0];
    const y = sorted[i][1];
    // Position of the first stair with xs ≥ x.
    let at = 0;
    while (at < xs.length && xs[at] < x) at++;
    const dominated = (at > 0 && ys[at - 1] <= y) || (at < xs.length && xs[at] === x && ys[at] <= y);
    if (!dominated) {
      // Remove the stairs the new point dominates (x' ≥ x and y' ≥ y), then insert it.
      let end = at;
      while (end < xs.length && ys[end] >= y) end++;
      xs.splice(at, end - at, x);
      ys.splice(at, end - at, y);
      area = 0;
      for (let s = 0; s < xs.length; s++) {
        const nextX = s + 1 < xs.length ? xs[s + 1] : ref[0];
        area += (nextX - xs[s]) * (ref[1] - ys[s]);
      }
    }
    const top = i + 1 < sorted.length ? sorted[i + 1][2] : ref[2];
    volume += area * (top - sorted[i][2]);
  }
  return volume;
}
