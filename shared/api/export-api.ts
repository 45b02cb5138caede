// Exporting the deployment plan from the window (DESIGN §3.5): the same exporter as the CLI's
// `export` command, writing to a path the user chose (the desktop's native dialog or, in the web shell,
// the renderer's own path dialog). The file is written atomically by the back end.
import { z } from 'zod';
import { resultOf } from './result';

const id = z.number().int().positive();

export const ExportFormatSchema = z.enum(['pdf', 'png', 'svg', 'csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportPlanSchema = z.object({
  format: ExportFormatSchema,
  /** Absolute path of the file to write; an existing file is replaced whole. */
  path: z.string().min(1).max(4096),
  /** The floor to export; by default the lowest one. */
  floorId: id.optional(),
  /** A stored optimisation run whose algorithm, parameters and front the PDF and JSON include. */
  runId: id.optional(),
});
export type ExportPlan = z.infer<typeof ExportPlanSchema>;

export const ExportDoneSchema = z.object({
  format: ExportFormatSchema,
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  deviceCount: z.number().int().nonnegative(),
  /** PDF only. */
  pages: z.number().int().positive().optional(),
  /** PNG and SVG: size of the drawing in pixels. */
  widthPx: z.number().positive().optional(),
  heightPx: z.number().positive().optional(),
});
export type ExportDone = z.infer<typeof ExportDoneSchema>;

export const exportMethods = {
  exportPlan: { args: ExportPlanSchema, result: resultOf(ExportDoneSchema) },
} as const;

export const exportEvents = {} as const;
