// Round lengths for rulers, grids and scale bars: 1, 2 or 5 times a power of ten, the steps a drawing
// office uses, so a reader never has to interpolate 0.37 m ticks.

/** The smallest 1/2/5 × 10^k that is ≥ `approx` (approx > 0). */
export function niceStep(approx: number): number {
  if (!(approx > 0) || !Number.isFinite(approx)) return 1;
  const power = 10 ** Math.floor(Math.log10(approx));
  for (const m of [1, 2, 5, 10]) {
    // The 1e-9 keeps 2.0000000001 at 2 despite rounding in log10.
    if (m * power >= approx * (1 - 1e-9)) return m * power;
  }
  return 10 * power;
}

/** A scale-bar length whose drawn size falls between minPx and maxPx when possible, and its segment count. */
export function scaleBarLength(pxPerM: number, minPx: number, maxPx: number): { lengthM: number; segments: number } {
  let lengthM = niceStep(minPx / pxPerM);
  if (lengthM * pxPerM > maxPx) lengthM = niceStep((minPx / pxPerM) * 0.5);
  const lead = Math.round(lengthM / 10 ** Math.floor(Math.log10(lengthM) + 1e-9));
  return { lengthM, segments: lead === 2 ? 4 : 5 };
}
