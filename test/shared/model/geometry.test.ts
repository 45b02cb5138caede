import { describe, expect, it } from 'vitest';
import {
  locatePoint,
  locateSegment,
  pathWallContact,
  pointInPolygon,
  polygonAreaM2,
  polygonCentroid,
  polygonsOverlap,
} from '../../../shared/model/geometry';

const P = (x: number, y: number) => ({ x, y });
const rect = (x0: number, y0: number, x1: number, y1: number) => [P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1)];
// An L: the 10 × 8 rectangle without its top-right 5 × 4 quarter.
const L = [P(0, 0), P(5, 0), P(5, 4), P(10, 4), P(10, 8), P(0, 8)];

describe('polygons', () => {
  it('computes areas and centroids by the shoelace formula', () => {
    expect(polygonAreaM2(rect(0, 0, 10, 8))).toBe(80);
    expect(polygonAreaM2([...rect(0, 0, 10, 8)].reverse())).toBe(80);
    expect(polygonAreaM2(L)).toBe(60);
    expect(polygonCentroid(rect(2, 2, 4, 6))).toEqual({ x: 3, y: 4 });
    // L = 40 m² block centred (5, 6) + 20 m² block centred (2.5, 2): centroid = (4.1667, 4.6667)
    const c = polygonCentroid(L);
    expect(c.x).toBeCloseTo(25 / 6, 12);
    expect(c.y).toBeCloseTo(14 / 3, 12);
  });

  it('locates points inside, on the boundary and outside, concave outlines included', () => {
    expect(locatePoint(P(2, 2), L)).toBe('inside');
    expect(locatePoint(P(7, 2), L)).toBe('outside'); // the missing quarter
    expect(locatePoint(P(5, 2), L)).toBe('boundary');
    expect(locatePoint(P(10, 8), L)).toBe('boundary');
    expect(locatePoint(P(7, 4), L)).toBe('boundary');
    // A ray through the reflex vertex (5, 4) must not flip twice
    expect(locatePoint(P(1, 4), L)).toBe('inside');
    expect(pointInPolygon(P(0, 0), L)).toBe(true);
    expect(pointInPolygon(P(-0.001, 0), L)).toBe(false);
  });

  it('locates segments against an outline', () => {
    expect(locateSegment({ a: P(1, 1), b: P(4, 7) }, L)).toBe('inside');
    expect(locateSegment({ a: P(0, 0), b: P(5, 0) }, L)).toBe('inside'); // along the boundary
    expect(locateSegment({ a: P(2, 2), b: P(8, 2) }, L)).toBe('partly-outside');
    expect(locateSegment({ a: P(6, 1), b: P(9, 3) }, L)).toBe('outside');
    // Both ends inside, but the segment leaves through the missing quarter
    expect(locateSegment({ a: P(4, 1), b: P(9, 5) }, L)).toBe('partly-outside');
  });

  it('tells overlapping areas from neighbours that only share an edge', () => {
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(1, 1, 3, 3))).toBe(true);
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(2, 0, 4, 2))).toBe(false); // shared edge
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(2, 2, 4, 4))).toBe(false); // shared corner
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(0, 0, 2, 2))).toBe(true); // identical
    expect(polygonsOverlap(rect(0, 0, 4, 4), rect(1, 1, 2, 2))).toBe(true); // contained
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(0, 1, 2, 3))).toBe(true); // collinear sides, half overlap
    expect(polygonsOverlap(rect(6, 0, 9, 3), L)).toBe(false); // inside the L's notch
  });
});

describe('path–wall contact', () => {
  const wall = (ax: number, ay: number, bx: number, by: number) => ({ a: P(ax, ay), b: P(bx, by) });

  it('crosses properly where the interiors meet, at the right place along the path', () => {
    const c = pathWallContact(P(0, 0), P(10, 0), wall(4, -1, 4, 1));
    expect(c).toEqual({ kind: 'proper', t: 0.4 });
  });

  it('never crosses a parallel wall, however close', () => {
    expect(pathWallContact(P(0, 0), P(10, 0), wall(0, 1, 10, 1)).kind).toBe('none');
    expect(pathWallContact(P(0, 0), P(10, 0), wall(2, 1e-6, 8, 1e-6)).kind).toBe('none');
  });

  it('treats a path along the wall line as collinear, never a crossing', () => {
    expect(pathWallContact(P(0, 0), P(10, 0), wall(2, 0, 8, 0)).kind).toBe('collinear');
    expect(pathWallContact(P(0, 0), P(10, 0), wall(12, 0, 15, 0)).kind).toBe('collinear');
    expect(pathWallContact(P(0, 0), P(10, 0), wall(2, 0.5e-7, 8, -0.5e-7)).kind).toBe('collinear');
  });

  it('reports a wall end on the path with the side of the wall', () => {
    // y down, x right: a wall going to +y from the path (0,0)→(10,0) lies to its left (cross > 0)
    expect(pathWallContact(P(0, 0), P(10, 0), wall(5, 0, 5, 3))).toEqual({ kind: 'wall-end', t: 0.5, side: 1 });
    expect(pathWallContact(P(0, 0), P(10, 0), wall(5, -3, 5, 0))).toEqual({ kind: 'wall-end', t: 0.5, side: -1 });
  });

  it('does not count a wall touched only at an end of the path (a device on the wall)', () => {
    expect(pathWallContact(P(0, 0), P(10, 0), wall(10, -1, 10, 1)).kind).toBe('at-path-end');
    expect(pathWallContact(P(0, 0), P(10, 0), wall(0, 0, 0, 5)).kind).toBe('at-path-end');
  });

  it('misses walls beyond the ends of the path', () => {
    expect(pathWallContact(P(0, 0), P(10, 0), wall(11, -1, 11, 1)).kind).toBe('none');
    expect(pathWallContact(P(0, 0), P(10, 0), wall(5, 0.5, 5, 3)).kind).toBe('none');
  });
});
