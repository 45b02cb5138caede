import { describe, expect, it } from 'vitest';
import { fitToView, MAX_SCALE_PX_PER_M, scaleBar, screenToWorld, wheelZoomFactor, zoomAt } from '../../renderer/src/features/planner/canvas/viewport';

describe('canvas viewport', () => {
  it('fits 10 m × 8 m into 1000 × 500 px with 40 px margins: height limits, 52.5 px/m, centred', () => {
    const v = fitToView({ minX: 0, minY: 0, maxX: 10, maxY: 8 }, { widthPx: 1000, heightPx: 500 }, 40);
    // min((1000 − 80)/10, (500 − 80)/8) = min(92, 52.5)
    expect(v.scalePxPerM).toBe(52.5);
    expect(v.offsetXPx).toBe((1000 - 525) / 2);
    expect(v.offsetYPx).toBe(40);
  });

  it('fits bounds that do not start at the origin', () => {
    const v = fitToView({ minX: -2, minY: 3, maxX: 8, maxY: 13 }, { widthPx: 600, heightPx: 600 }, 50);
    expect(v.scalePxPerM).toBe(50);
    expect(screenToWorld(v, { x: 50, y: 50 })).toEqual({ x: -2, y: 3 });
    expect(screenToWorld(v, { x: 550, y: 550 })).toEqual({ x: 8, y: 13 });
  });

  it('zooms around the pointer: the point under it stays under it', () => {
    const v = { scalePxPerM: 50, offsetXPx: 100, offsetYPx: 20 };
    const anchor = { x: 300, y: 220 };
    const before = screenToWorld(v, anchor);
    const z = zoomAt(v, anchor, 2);
    expect(z.scalePxPerM).toBe(100);
    const after = screenToWorld(z, anchor);
    expect(after.x).toBeCloseTo(before.x, 12);
    expect(after.y).toBeCloseTo(before.y, 12);
  });

  it('stops zooming at the limits', () => {
    expect(zoomAt({ scalePxPerM: 3000, offsetXPx: 0, offsetYPx: 0 }, { x: 0, y: 0 }, 10).scalePxPerM).toBe(MAX_SCALE_PX_PER_M);
  });

  it('turns one wheel notch into ×1.2 in or out', () => {
    expect(wheelZoomFactor(-100)).toBeCloseTo(1.2, 12);
    expect(wheelZoomFactor(100)).toBeCloseTo(1 / 1.2, 12);
    expect(wheelZoomFactor(0)).toBe(1);
  });

  it('picks a round scale-bar length near 100 px', () => {
    expect(scaleBar(94.5)).toEqual({ lengthM: 1, widthPx: 94.5 });
    expect(scaleBar(50.4).lengthM).toBe(2);
    expect(scaleBar(4).lengthM).toBe(20);
    expect(scaleBar(1000).lengthM).toBeCloseTo(0.1, 12);
  });
});
