// Area of a simple polygon by the shoelace formula (Gauss's area formula), in m² for points in metres.
import type { Point } from '../../../../shared/model/building';

export function polygonAreaM2(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}
