// The optimisation run a report may carry (DESIGN §3.3: algorithm, parameters, seed, history, front).
// The schema is the subset of a stored run (shared/api/optimization-api.ts `OptimizationRun`) that the
// report prints, so a stored run, a run file written by the CLI, or a run fresh from the worker all fit.
import { z } from 'zod';
import type { PlacedDevice } from './floor-scene';

const Objective = z.object({ name: z.string().min(1).max(100), direction: z.enum(['minimize', 'maximize']), unit: z.string().max(20).default('') });

export const ReportRunSchema = z.object({
  algorithm: z.string().min(1).max(50),
  seed: z.number().int(),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
  objectives: z.array(Objective).min(1).max(8),
  front: z
    .array(
      z.object({
        objectives: z.record(z.string(), z.number()),
        devices: z.array(z.object({ x: z.number().finite(), y: z.number().finite(), kind: z.enum(['sensor', 'router']) })).default([]),
      }),
    )
    .max(100_000),
  problem: z.string().max(100).optional(),
  encoding: z.string().max(50).optional(),
  evaluations: z.number().int().nonnegative().optional(),
  generations: z.number().int().nonnegative().optional(),
  elapsedMs: z.number().nonnegative().optional(),
  stopReason: z.string().max(50).optional(),
  createdAt: z.string().max(50).optional(),
  history: z
    .array(z.object({ generation: z.number().int(), evaluations: z.number().int(), hypervolume: z.number().nullable(), frontSize: z.number().int() }))
    .optional(),
});
export type ReportRun = z.infer<typeof ReportRunSchema>;
export type ReportRunInput = z.input<typeof ReportRunSchema>;

export const ALGORITHM_TITLES: Readonly<Record<string, string>> = { nsga2: 'NSGA-II', spea2: 'SPEA2', nsga3: 'NSGA-III' };

export function algorithmTitle(name: string): string {
  return ALGORITHM_TITLES[name] ?? name;
}

export interface FrontRow {
  /** Position in the run's front (0-based), before sorting. */
  readonly index: number;
  /** One value per run objective, in the run's objective order (NaN when the solution lacks it). */
  readonly values: readonly number[];
  readonly deviceCount: number;
  /** The solution's devices are the placement being exported (same positions within 1 mm). */
  readonly current: boolean;
}

const SAME_POSITION_M = 1e-3;

/** Whether a solution places sensors and routers exactly where the placement has them. */
function isCurrent(devices: ReportRun['front'][number]['devices'], placed: readonly PlacedDevice[]): boolean {
  const mine = placed.filter((d) => d.kind !== 'gateway');
  if (devices.length === 0 || devices.length !== mine.length) return false;
  const used = new Uint8Array(mine.length);
  for (const s of devices) {
    const k = mine.findIndex((d, i) => !used[i] && d.kind === s.kind && Math.abs(d.placement.x - s.x) <= SAME_POSITION_M && Math.abs(d.placement.y - s.y) <= SAME_POSITION_M);
    if (k < 0) return false;
    used[k] = 1;
  }
  return true;
}

/** The front as table rows, sorted by the first objective, then the next ones (best first). */
export function frontRows(run: ReportRun, placed: readonly PlacedDevice[]): FrontRow[] {
  const rows = run.front.map((s, index) => ({
    index,
    values: run.objectives.map((o) => s.objectives[o.name] ?? Number.NaN),
    deviceCount: s.devices.length,
    current: isCurrent(s.devices, placed),
  }));
  const sign = run.objectives.map((o) => (o.direction === 'minimize' ? 1 : -1));
  return rows.sort((a, b) => {
    for (let i = 0; i < sign.length; i++) {
      const d = sign[i] * (a.values[i] - b.values[i]);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return a.index - b.index;
  });
}
