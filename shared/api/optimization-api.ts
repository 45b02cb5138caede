// Optimisation runs: what a stored run holds, and the calls that start, watch, stop and reuse them.
import { z } from 'zod';
import { PointSchema } from '../model/building';
import { resultOf } from './result';

const id = z.number().int().positive();

export const AlgorithmNameSchema = z.enum(['nsga2', 'spea2', 'nsga3']);
export type AlgorithmName = z.infer<typeof AlgorithmNameSchema>;

export const ObjectiveInfoSchema = z.object({
  name: z.string(),
  direction: z.enum(['minimize', 'maximize']),
  unit: z.string(),
});

export const HistoryEntrySchema = z.object({
  generation: z.number().int(),
  evaluations: z.number().int(),
  hypervolume: z.number().nullable(),
  frontSize: z.number().int(),
});

/** One solution of a front: its objective values by name and the devices it places (metres). */
export const SolutionSchema = z.object({
  objectives: z.record(z.string(), z.number()),
  devices: z.array(PointSchema.extend({ kind: z.enum(['sensor', 'router']) })),
});
export type Solution = z.infer<typeof SolutionSchema>;

export const RunSummarySchema = z.object({
  id,
  floorId: id,
  createdAt: z.string(),
  problem: z.string(),
  algorithm: AlgorithmNameSchema,
  encoding: z.enum(['grid', 'sites']),
  seed: z.number().int(),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  objectives: z.array(ObjectiveInfoSchema),
  evaluations: z.number().int(),
  elapsedMs: z.number(),
  stopReason: z.enum(['completed', 'cancelled']),
  frontSize: z.number().int(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const OptimizationRunSchema = RunSummarySchema.extend({
  history: z.array(HistoryEntrySchema),
  front: z.array(SolutionSchema),
});
export type OptimizationRun = z.infer<typeof OptimizationRunSchema>;
export type NewOptimizationRun = Omit<OptimizationRun, 'id' | 'createdAt' | 'frontSize'>;

/** What the optimisation panel asks for; the back end builds the problem from the project's floor. */
export const StartOptimizationSchema = z.object({
  floorId: id,
  /** routers: cost vs connectivity; sensors: cost, coverage, connectivity, over-coverage (thesis §4.5); joint: both kinds. */
  problem: z.enum(['routers', 'sensors', 'joint']),
  /** thesis: binary disks and area connectivity (§2.2); multi-wall: link budgets through the walls. */
  model: z.enum(['thesis', 'multi-wall']),
  algorithms: z.array(AlgorithmNameSchema).min(1).max(3),
  encoding: z.enum(['grid', 'sites']),
  populationSize: z.number().int(),
  generations: z.number().int(),
  crossoverProbability: z.number(),
  mutationProbability: z.number(),
  seed: z.number().int().min(0).max(0xffffffff),
});
export type StartOptimization = z.infer<typeof StartOptimizationSchema>;

export const OptimizationProgressSchema = z.object({
  jobId: z.string(),
  algorithm: AlgorithmNameSchema,
  generation: z.number().int(),
  generations: z.number().int(),
  evaluations: z.number().int(),
  hypervolume: z.number().nullable(),
  elapsedMs: z.number(),
  objectives: z.array(ObjectiveInfoSchema),
  /** Current front, objective values in `objectives` order. */
  front: z.array(z.array(z.number())),
});
export type OptimizationProgress = z.infer<typeof OptimizationProgressSchema>;

export const OptimizationFinishedSchema = z.object({
  jobId: z.string(),
  algorithm: AlgorithmNameSchema,
  /** The stored run, or why there is none. */
  outcome: resultOf(z.object({ runId: id })),
});
export type OptimizationFinished = z.infer<typeof OptimizationFinishedSchema>;

export const optimizationMethods = {
  /** Starts one run per algorithm, in worker threads; progress and the end arrive as events. */
  startOptimization: { args: StartOptimizationSchema, result: resultOf(z.object({ jobId: z.string() })) },
  /** Stops a job's runs after their current generation; what they found so far is stored. */
  cancelOptimization: { args: z.object({ jobId: z.string() }), result: resultOf(z.null()) },
  /** Makes solution `index` of a run's front the floor's placement (replacing its sensors and/or routers). */
  applySolution: { args: z.object({ runId: id, index: z.number().int().min(0) }), result: resultOf(z.object({ placed: z.number().int() })) },
  listRuns: { args: z.object({}).strict(), result: resultOf(z.array(RunSummarySchema)) },
  getRun: { args: z.object({ id }), result: resultOf(OptimizationRunSchema) },
  deleteRun: { args: z.object({ id }), result: resultOf(z.null()) },
} as const;

export const optimizationEvents = {
  optimizationProgress: OptimizationProgressSchema,
  optimizationFinished: OptimizationFinishedSchema,
} as const;
