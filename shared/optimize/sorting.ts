// Sorting helpers for the hot paths. V8's Array/TypedArray sort with a comparator callback costs
// tens of nanoseconds per comparison, which dominated survival on the thesis case; these work on
// typed arrays with the comparison inlined.

/**
 * Sorts `indices` in place by ascending `keys[index]`, ties by ascending index (so the order is
 * deterministic and stable). Bottom-up merge sort, O(n log n), insertion sort for short runs.
 */
export function sortIndicesByKey(indices: Int32Array, keys: ArrayLike<number>): void {
  const n = indices.length;
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = indices[i];
      const kv = keys[v];
      let j = i - 1;
      while (j >= lo && (keys[indices[j]] > kv || (keys[indices[j]] === kv && indices[j] > v))) {
        indices[j + 1] = indices[j];
        j--;
      }
      indices[j + 1] = v;
    }
  }
  if (n <= RUN) return;
  let src: Int32Array = indices;
  let dst: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = src[i];
        const b = src[j];
        if (keys[b] < keys[a] || (keys[b] === keys[a] && b < a)) {
          dst[k++] = b;
          j++;
        } else {
          dst[k++] = a;
          i++;
        }
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== indices) indices.set(src);
}

/** Indices 0..n−1 sorted by ascending key, ties by index. */
export function argsort(keys: ArrayLike<number>): Int32Array {
  const indices = new Int32Array(keys.length);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  sortIndicesByKey(indices, keys);
  return indices;
}

/**
 * The k-th smallest (k = 1 for the minimum) of values[0 .. count), by quickselect on a copy held in
 * `scratch` (length ≥ count). Average O(count).
 */
export function kthSmallest(values: ArrayLike<number>, count: number, k: number, scratch: Float64Array): number {
  for (let i = 0; i < count; i++) scratch[i] = values[i];
  let lo = 0;
  let hi = count - 1;
  const target = k - 1;
  while (lo < hi) {
    // Median-of-three pivot keeps sorted or constant inputs from going quadratic.
    const mid = (lo + hi) >>> 1;
    const a = scratch[lo];
    const b = scratch[mid];
    const c = scratch[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i] < pivot) i++;
      while (scratch[j] > pivot) j--;
      if (i <= j) {
        const t = scratch[i];
        scratch[i] = scratch[j];
        scratch[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return scratch[target];
  }
  return scratch[target];
}
