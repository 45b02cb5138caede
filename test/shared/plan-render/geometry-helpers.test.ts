import { describe, expect, it } from 'vitest';
import { hatchSegments } from '../../../shared/plan-render/hatch';
import { niceStep, scaleBarLength } from '../../../shared/plan-render/scale';

describe('hatching', () => {
  it('hatches a 10 × 10 square with chords of total length 100·√2 at spacing 1', () => {
    // Lines x + y = c for c = 1…19 cross the square in chords of √2·min(c, 20 − c).
    const segs = hatchSegments([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }], 1);
    expect(segs.length).toBe(19);
    const total = segs.reduce((s, g) => s + Math.hypot(g.x2 - g.x1, g.y2 - g.y1), 0);
    expect(total).toBeCloseTo(100 * Math.SQRT2, 9);
  });

  it('splits a line that crosses a concave polygon twice into two segments', () => {
    // A U shape: the line x + y = 7 crosses both arms (x ∈ [0,2] and x ∈ [4,6] at y ≥ 2).
    const u = [{ x: 0, y: 0 }, { x: 6, y: 0 }, { x: 6, y: 6 }, { x: 4, y: 6 }, { x: 4, y: 2 }, { x: 2, y: 2 }, { x: 2, y: 6 }, { x: 0, y: 6 }];
    const onLine = hatchSegments(u, 7).filter((s) => Math.abs(s.x1 + s.y1 - 7) < 1e-9);
    expect(onLine.length).toBe(2);
  });

  it('returns nothing for a degenerate polygon or spacing', () => {
    expect(hatchSegments([{ x: 0, y: 0 }, { x: 1, y: 1 }], 1)).toEqual([]);
    expect(hatchSegments([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }], 0)).toEqual([]);
  });
});

describe('nice steps', () => {
  it('rounds up to 1, 2 or 5 × 10^k', () => {
    expect([0.3, 1, 1.01, 2, 2.2, 4.9, 5.1, 0.04].map(niceStep)).toEqual([0.5, 1, 2, 2, 5, 5, 10, 0.05]);
  });
  it('picks a scale bar of a round length within the pixel range', () => {
    expect(scaleBarLength(72, 90, 200)).toEqual({ lengthM: 2, segments: 4 });
    expect(scaleBarLength(10, 90, 200)).toEqual({ lengthM: 10, segments: 5 });
    const { lengthM } = scaleBarLength(3.7, 90, 200);
    expect(lengthM * 3.7).toBeGreaterThanOrEqual(90);
    expect(lengthM * 3.7).toBeLessThanOrEqual(200);
  });
});
