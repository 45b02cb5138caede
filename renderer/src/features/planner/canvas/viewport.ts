// The canvas's view transform: screen px = world m × scalePxPerM + offset. Pure so fit and zoom can be
// tested without a canvas.
import type { Bounds } from './scene';

export interface Viewport {
  readonly scalePxPerM: number;
  readonly offsetXPx: number;
  readonly offsetYPx: number;
}

export interface SizePx {
  readonly widthPx: number;
  readonly heightPx: number;
}

/** 1 px per 20 m to 4000 px per m: from a campus to a wall socket. */
export const MIN_SCALE_PX_PER_M = 0.05;
export const MAX_SCALE_PX_PER_M = 4000;

const clampScale = (s: number) => Math.min(MAX_SCALE_PX_PER_M, Math.max(MIN_SCALE_PX_PER_M, s));

/** The largest scale that shows all of `bounds` with `marginPx` around it, centred. */
export function fitToView(bounds: Bounds, size: SizePx, marginPx: number): Viewport {
  const w = Math.max(bounds.maxX - bounds.minX, 1e-6);
  const h = Math.max(bounds.maxY - bounds.minY, 1e-6);
  const availW = Math.max(size.widthPx - 2 * marginPx, 1);
  const availH = Math.max(size.heightPx - 2 * marginPx, 1);
  const scalePxPerM = clampScale(Math.min(availW / w, availH / h));
  return {
    scalePxPerM,
    offsetXPx: (size.widthPx - w * scalePxPerM) / 2 - bounds.minX * scalePxPerM,
    offsetYPx: (size.heightPx - h * scalePxPerM) / 2 - bounds.minY * scalePxPerM,
  };
}

/** Zooms by `factor` keeping the world point under `anchorPx` where it is on screen. */
export function zoomAt(view: Viewport, anchorPx: { x: number; y: number }, factor: number): Viewport {
  const scalePxPerM = clampScale(view.scalePxPerM * factor);
  const worldX = (anchorPx.x - view.offsetXPx) / view.scalePxPerM;
  const worldY = (anchorPx.y - view.offsetYPx) / view.scalePxPerM;
  return { scalePxPerM, offsetXPx: anchorPx.x - worldX * scalePxPerM, offsetYPx: anchorPx.y - worldY * scalePxPerM };
}

/** Wheel delta (px) to a zoom factor: one notch (100 px) is ×1.2 either way. */
export function wheelZoomFactor(deltaYPx: number): number {
  return Math.pow(1.2, -deltaYPx / 100);
}

export function screenToWorld(view: Viewport, p: { x: number; y: number }): { x: number; y: number } {
  return { x: (p.x - view.offsetXPx) / view.scalePxPerM, y: (p.y - view.offsetYPx) / view.scalePxPerM };
}

/** A scale bar of a round length (1, 2 or 5 × 10^n m) close to `targetPx` on screen. */
export function scaleBar(scalePxPerM: number, targetPx = 100): { lengthM: number; widthPx: number } {
  const rawM = targetPx / scalePxPerM;
  const decade = Math.pow(10, Math.floor(Math.log10(rawM)));
  const lengthM = [1, 2, 5, 10].map((k) => k * decade).reduce((best, c) => (Math.abs(c - rawM) < Math.abs(best - rawM) ? c : best));
  return { lengthM, widthPx: lengthM * scalePxPerM };
}
