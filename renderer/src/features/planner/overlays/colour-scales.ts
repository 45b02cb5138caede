// The overlays' colours and their rasterisation: one RGBA pixel per grid cell, drawn as one image per
// overlay (never one node per cell). Detection counts use the export's colours (shared/plan-render
// palette), so the plan on screen and on paper read the same; received power uses viridis (perceptually
// uniform, readable by colour-blind users and in grey), over −100 … −30 dBm.
import { COVERAGE_COLOURS } from '../../../../../shared/plan-render/palette';
import { OBJECTIVE_COLOURS } from '../../../theme/palette';
import type { OverlayStatics } from './overlay-statics';

export type Rgba = readonly [number, number, number, number];

export const POWER_MIN_DBM = -100;
export const POWER_MAX_DBM = -30;
/** Viridis at 0, 0.25, 0.5, 0.75, 1 (matplotlib's table). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

export function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const COUNT_RGB = COVERAGE_COLOURS.map(hexRgb);
/** Probability bins: below 0.25, 0.5, 0.75, the threshold, and covered. */
export const PROBABILITY_STOPS = [0.25, 0.5, 0.75] as const;
const PROBABILITY_RGB = ['#f9d9d6', '#fbe3c6', '#fdf0c2', '#eef3c9', '#dcefd3'].map(hexRgb);
export const PROBABILITY_COLOURS = ['#f9d9d6', '#fbe3c6', '#fdf0c2', '#eef3c9', '#dcefd3'] as const;
export const OVER_COVERAGE_COLOUR = OBJECTIVE_COLOURS.overCoverage;
const OVER_RGB = hexRgb(OVER_COVERAGE_COLOUR);

/** Link margin classes, dB: failing (< 0), weak (0–6), fair (6–15), strong (≥ 15). */
export const MARGIN_COLOURS = { failing: '#d64545', weak: '#e0a800', fair: '#7cb342', strong: '#2e9d57' } as const;
export function marginColour(marginDb: number): string {
  return marginDb < 0 ? MARGIN_COLOURS.failing : marginDb < 6 ? MARGIN_COLOURS.weak : marginDb < 15 ? MARGIN_COLOURS.fair : MARGIN_COLOURS.strong;
}

export function powerRgb(dbm: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, (dbm - POWER_MIN_DBM) / (POWER_MAX_DBM - POWER_MIN_DBM)));
  const x = t * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}

/** CSS gradient of the power scale, for the legend. */
export function powerGradientCss(): string {
  return `linear-gradient(to right, ${VIRIDIS.map((c, i) => `rgb(${c.join(',')}) ${(100 * i) / (VIRIDIS.length - 1)}%`).join(', ')})`;
}

export function countRgb(degree: number): [number, number, number] {
  return COUNT_RGB[Math.min(degree, COUNT_RGB.length - 1)]!;
}

export function probabilityRgb(p: number, threshold: number): [number, number, number] {
  if (p >= threshold - 1e-6) return PROBABILITY_RGB[4]!;
  let bin = 0;
  while (bin < PROBABILITY_STOPS.length && p >= PROBABILITY_STOPS[bin]!) bin++;
  return PROBABILITY_RGB[bin]!;
}

/**
 * One RGBA pixel per lattice cell (row-major, cols × rows); cells outside the floor stay transparent.
 * `colour(c)` returns null to leave a cell transparent.
 */
export function rasterise(s: OverlayStatics, colour: (cell: number) => readonly [number, number, number] | null, alpha: number): Uint8ClampedArray {
  const { cols, rows } = s.cells.lattice;
  const out = new Uint8ClampedArray(cols * rows * 4);
  const a = Math.round(alpha * 255);
  for (let i = 0; i < cols * rows; i++) {
    const c = s.cellAt[i]!;
    if (c < 0) continue;
    const rgb = colour(c);
    if (!rgb) continue;
    out[i * 4] = rgb[0];
    out[i * 4 + 1] = rgb[1];
    out[i * 4 + 2] = rgb[2];
    out[i * 4 + 3] = a;
  }
  return out;
}

export const overCoverageRgb = (degree: number): readonly [number, number, number] | null => (degree >= 2 ? OVER_RGB : null);
