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

export const optimizationMethods = {
  listRuns: { args: z.object({}).strict(), result: resultOf(z.array(RunSummarySchema)) },
  getRun: { args: z.object({ id }), result: resultOf(OptimizationRunSchema) },
  deleteRun: { args: z.object({ id }), result: resultOf(z.null()) },
} as const;

export const optimizationEvents = {} as const;
