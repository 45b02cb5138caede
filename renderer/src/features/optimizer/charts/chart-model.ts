// What the Pareto views draw, as plain data: one series per run (a stored run, or a running one's latest
// front), with its algorithm colour and a marker shape that tells apart runs of the same algorithm.
// Pure functions, tested without a browser.
import type { AlgorithmName } from '../../../../../shared/api/optimization-api';
import type { ObjectiveInfo } from '../objectives';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';
export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

export interface FrontSeries {
  /** 'run:12' for a stored run, 'live:<job>:<algorithm>' for a running one. */
  readonly key: string;
  readonly runId: number | null;
  readonly algorithm: AlgorithmName;
  /** The problem the run solved ('thesis-sensors', …): only runs of one problem share a chart. */
  readonly problem: string;
  readonly colour: string;
  readonly shape: MarkerShape;
  readonly objectives: readonly ObjectiveInfo[];
  /** Objective vectors in `objectives` order. */
  readonly points: readonly (readonly number[])[];
  /** Hypervolume per generation (convergence). */
  readonly hypervolumes: readonly { generation: number; hypervolume: number }[];
  readonly live: boolean;
}

export type SeriesDraft = Omit<FrontSeries, 'shape'>;

const ALGORITHM_ORDER: Readonly<Record<AlgorithmName, number>> = { nsga2: 0, spea2: 1, nsga3: 2 };

/**
 * Each algorithm has its own shape (NSGA-II circles, SPEA2 squares, NSGA-III triangles), so fronts that
 * coincide still show every run; a second run of the same algorithm takes the next shape. Series come
 * out in the panel's algorithm order, then by run, so the legend reads the same way every time.
 */
export function assignShapes(drafts: readonly SeriesDraft[]): FrontSeries[] {
  const ordered = [...drafts].sort(
    (a, b) => ALGORITHM_ORDER[a.algorithm] - ALGORITHM_ORDER[b.algorithm] || (a.runId ?? Infinity) - (b.runId ?? Infinity),
  );
  const seen = new Map<AlgorithmName, number>();
  return ordered.map((d) => {
    const n = seen.get(d.algorithm) ?? 0;
    seen.set(d.algorithm, n + 1);
    return { ...d, shape: MARKER_SHAPES[(ALGORITHM_ORDER[d.algorithm] + n) % MARKER_SHAPES.length]! };
  });
}

/** Objectives every series has (by name), in the first series' order: the axes the views may offer. */
export function commonObjectives(series: readonly FrontSeries[]): ObjectiveInfo[] {
  if (series.length === 0) return [];
  const [first, ...rest] = series;
  return first!.objectives.filter((o) => rest.every((s) => s.objectives.some((p) => p.name === o.name)));
}

/** A series' points on two objectives, with the index of each point in the front. NaN values are left out. */
export function project(series: FrontSeries, xName: string, yName: string): { xs: number[]; ys: number[]; index: number[] } {
  const xi = series.objectives.findIndex((o) => o.name === xName);
  const yi = series.objectives.findIndex((o) => o.name === yName);
  const xs: number[] = [];
  const ys: number[] = [];
  const index: number[] = [];
  if (xi < 0 || yi < 0) return { xs, ys, index };
  series.points.forEach((p, i) => {
    const x = p[xi]!;
    const y = p[yi]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
      index.push(i);
    }
  });
  return { xs, ys, index };
}

/** Default axes: cost across, the first other objective up (coverage for sensors, connectivity for routers). */
export function defaultAxes(objectives: readonly ObjectiveInfo[]): { x: string; y: string } | null {
  if (objectives.length < 2) return null;
  const x = objectives.find((o) => o.name === 'cost')?.name ?? objectives[0]!.name;
  const y = objectives.find((o) => o.name !== x)!.name;
  return { x, y };
}

/** Keeps the user's axes while they still exist, otherwise the defaults. */
export function keepAxes(objectives: readonly ObjectiveInfo[], wanted: { x: string; y: string } | null): { x: string; y: string } | null {
  const names = new Set(objectives.map((o) => o.name));
  if (wanted && names.has(wanted.x) && names.has(wanted.y) && wanted.x !== wanted.y) return wanted;
  return defaultAxes(objectives);
}

export interface Candidate {
  readonly series: number;
  readonly point: number;
  readonly xPx: number;
  readonly yPx: number;
}

/** The candidate nearest to the pointer within `maxPx`, or null. Ties go to the series drawn last (on top). */
export function nearest(candidates: Iterable<Candidate>, xPx: number, yPx: number, maxPx: number): Candidate | null {
  let best: Candidate | null = null;
  let bestD2 = maxPx * maxPx;
  for (const c of candidates) {
    const d2 = (c.xPx - xPx) ** 2 + (c.yPx - yPx) ** 2;
    if (d2 <= bestD2) {
      best = c;
      bestD2 = d2;
    }
  }
  return best;
}

/**
 * A scale's range padded by 6 % each side, so no marker sits on an axis; a single value gets ±6 % of
 * itself (±1 around zero), so a flat hypervolume of 0.98 is drawn on 0.92…1.04, not on 0…2.
 */
export function paddedRange(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const span = max - min;
  const pad = span > 0 ? span * 0.06 : Math.abs(min) * 0.06 || 1;
  return [min - pad, max + pad];
}

/** Generations on a common axis and each series' hypervolume at them (null where it has none). */
export function convergenceData(series: readonly FrontSeries[]): { generations: number[]; values: (number | null)[][] } {
  const all = new Set<number>();
  for (const s of series) for (const h of s.hypervolumes) all.add(h.generation);
  const generations = [...all].sort((a, b) => a - b);
  const at = new Map(generations.map((g, i) => [g, i]));
  const values = series.map((s) => {
    const row: (number | null)[] = generations.map(() => null);
    for (const h of s.hypervolumes) row[at.get(h.generation)!] = h.hypervolume;
    return row;
  });
  return { generations, values };
}
