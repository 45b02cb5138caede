// What the Pareto views draw, computed without a browser.
import { describe, expect, it } from 'vitest';
import {
  assignShapes,
  commonObjectives,
  convergenceData,
  keepAxes,
  nearest,
  paddedRange,
  project,
  type SeriesDraft,
} from '../../../renderer/src/features/optimizer/charts/chart-model';
import { axisY, distanceToPolyline, parallelLayout, polyline } from '../../../renderer/src/features/optimizer/charts/parallel-layout';

const sensors = [
  { name: 'cost', direction: 'minimize' as const, unit: 'units' },
  { name: 'coverage', direction: 'maximize' as const, unit: '%' },
  { name: 'connectivity', direction: 'maximize' as const, unit: '%' },
  { name: 'overCoverage', direction: 'minimize' as const, unit: '%' },
];

function draft(key: string, algorithm: SeriesDraft['algorithm'], runId: number | null, points: number[][], objectives = sensors): SeriesDraft {
  return { key, runId, algorithm, problem: 'thesis-sensors', colour: '#000', objectives, points, hypervolumes: [], live: runId === null };
}

describe('chart model', () => {
  it('orders runs by algorithm then run, with one shape per algorithm and the next for a second run', () => {
    const out = assignShapes([draft('c', 'nsga3', 9, []), draft('b', 'spea2', 4, []), draft('a2', 'nsga2', 8, []), draft('a1', 'nsga2', 3, []), draft('live', 'nsga2', null, [])]);
    expect(out.map((s) => [s.key, s.shape])).toEqual([
      ['a1', 'circle'],
      ['a2', 'square'],
      ['live', 'triangle'],
      ['b', 'square'],
      ['c', 'triangle'],
    ]);
  });

  it('projects a front on two objectives, leaving out missing values and keeping each point index', () => {
    const s = assignShapes([draft('a', 'nsga2', 1, [[1, 11.25, 36.25, 0], [2, Number.NaN, 50, 0], [12, 100, 100, 12.5]])])[0]!;
    expect(project(s, 'cost', 'coverage')).toEqual({ xs: [1, 12], ys: [11.25, 100], index: [0, 2] });
    expect(project(s, 'cost', 'lifetime')).toEqual({ xs: [], ys: [], index: [] });
  });

  it('offers only the objectives every run has, and keeps the chosen axes while they exist', () => {
    const routers = [sensors[0]!, sensors[2]!];
    const both = assignShapes([draft('a', 'nsga2', 1, [], sensors), draft('b', 'spea2', 2, [], routers)]);
    expect(commonObjectives(both).map((o) => o.name)).toEqual(['cost', 'connectivity']);
    expect(keepAxes(sensors, null)).toEqual({ x: 'cost', y: 'coverage' });
    expect(keepAxes(sensors, { x: 'overCoverage', y: 'connectivity' })).toEqual({ x: 'overCoverage', y: 'connectivity' });
    expect(keepAxes(routers, { x: 'cost', y: 'coverage' })).toEqual({ x: 'cost', y: 'connectivity' });
    expect(keepAxes([sensors[0]!], null)).toBeNull();
  });

  it('picks the point nearest to the pointer within the distance, else none', () => {
    const c = [
      { series: 0, point: 0, xPx: 10, yPx: 10 },
      { series: 1, point: 4, xPx: 16, yPx: 10 },
    ];
    expect(nearest(c, 14, 11, 10)).toMatchObject({ series: 1, point: 4 });
    expect(nearest(c, 11, 10, 10)).toMatchObject({ series: 0, point: 0 });
    expect(nearest(c, 40, 40, 10)).toBeNull();
  });

  it('pads scales by 6 % a side, and a single value by 6 % of itself (1 around zero)', () => {
    expect(paddedRange(0, 100)).toEqual([-6, 106]);
    expect(paddedRange(5, 5)[0]).toBeCloseTo(4.7, 12);
    expect(paddedRange(5, 5)[1]).toBeCloseTo(5.3, 12);
    expect(paddedRange(0, 0)).toEqual([-1, 1]);
    expect(paddedRange(Number.NaN, 1)).toEqual([0, 1]);
  });

  it('aligns the hypervolume histories of runs on one generation axis', () => {
    const a = { ...draft('a', 'nsga2', 1, []), hypervolumes: [{ generation: 0, hypervolume: 0.5 }, { generation: 10, hypervolume: 0.9 }] };
    const b = { ...draft('b', 'spea2', 2, []), hypervolumes: [{ generation: 5, hypervolume: 0.7 }] };
    expect(convergenceData(assignShapes([a, b]))).toEqual({ generations: [0, 5, 10], values: [[0.5, null, 0.9], [null, 0.7, null]] });
  });
});

describe('parallel coordinates', () => {
  const series = assignShapes([draft('a', 'nsga2', 1, [[2, 50, 100, 0], [12, 100, 100, 12.5]])]);
  const layout = parallelLayout(series, sensors, { width: 412, height: 274 }, { left: 56, right: 56, top: 44, bottom: 30 });

  it('spaces the axes evenly and puts the better end up: least cost and most coverage at the top', () => {
    expect(layout.axes.map((a) => a.xPx)).toEqual([56, 156, 256, 356]);
    const [cost, coverage, connectivity, over] = layout.axes;
    expect([cost!.top, cost!.bottom]).toEqual([2, 12]);
    expect([coverage!.top, coverage!.bottom]).toEqual([100, 50]);
    expect(axisY(layout, cost!, 2)).toBe(44);
    expect(axisY(layout, cost!, 12)).toBe(244);
    expect(axisY(layout, coverage!, 75)).toBe(144);
    // Every solution has 100 % connectivity: a flat axis puts them in the middle.
    expect(axisY(layout, connectivity!, 100)).toBe(144);
    expect(axisY(layout, over!, 0)).toBe(44);
  });

  it('draws a solution through its values and measures the distance to its line', () => {
    const line = polyline(layout, series[0]!, 0)!;
    expect(line).toEqual([
      { x: 56, y: 44 },
      { x: 156, y: 244 },
      { x: 256, y: 144 },
      { x: 356, y: 44 },
    ]);
    // 3-4-5 triangle off the first segment's start, and a point on the last segment.
    expect(distanceToPolyline([{ x: 0, y: 0 }, { x: 0, y: 100 }], 3, -4)).toBe(5);
    expect(distanceToPolyline(line, 306, 94)).toBeCloseTo(0, 9);
  });
});
