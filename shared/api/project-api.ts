// Project file calls: new, open, save as, close, recent files, and the edits the views make.
import { z } from 'zod';
import { resultOf } from './result';
import { BuildingSchema, PointSchema, ProjectSnapshotSchema, ZoneKindSchema } from '../model/building';

export const ProjectInfoSchema = z.object({
  path: z.string(),
  displayName: z.string(),
  /** Made by "New" and not yet given a name and place by "Save As". */
  untitled: z.boolean(),
  formatVersion: z.number().int(),
  /** Whether a migration from an older format ran when it was opened. */
  migratedFrom: z.number().int().nullable(),
});
export type ProjectInfo = z.infer<typeof ProjectInfoSchema>;

export const RecentProjectSchema = z.object({ path: z.string(), displayName: z.string(), openedAt: z.string() });
export type RecentProject = z.infer<typeof RecentProjectSchema>;

const path = z.string().min(1).max(4096);
const none = z.object({}).strict();
const id = z.number().int().positive();

export const projectMethods = {
  newProject: { args: none, result: resultOf(ProjectInfoSchema) },
  openProject: { args: z.object({ path }), result: resultOf(ProjectInfoSchema) },
  /** Opens a fresh copy of a built-in example (the example file itself is never modified). */
  openExample: { args: z.object({ name: z.enum(['thesis-office']) }), result: resultOf(ProjectInfoSchema) },
  saveProjectAs: { args: z.object({ path }), result: resultOf(ProjectInfoSchema) },
  closeProject: { args: none, result: resultOf(z.null()) },
  getCurrentProject: { args: none, result: ProjectInfoSchema.nullable() },
  listRecentProjects: { args: none, result: z.array(RecentProjectSchema) },
  getProjectSnapshot: { args: none, result: resultOf(ProjectSnapshotSchema) },
  updateBuilding: { args: BuildingSchema.partial(), result: resultOf(BuildingSchema) },
  addWall: {
    args: z.object({ floorId: id, a: PointSchema, b: PointSchema, materialId: id, thicknessM: z.number().positive().optional() }),
    result: resultOf(z.object({ id })),
  },
  deleteWall: { args: z.object({ id }), result: resultOf(z.null()) },
  addZone: {
    args: z.object({ floorId: id, kind: ZoneKindSchema, name: z.string().max(100), polygon: z.array(PointSchema).min(1) }),
    result: resultOf(z.object({ id })),
  },
  deleteZone: { args: z.object({ id }), result: resultOf(z.null()) },
  addPlacement: {
    args: z.object({ floorId: id, deviceTypeId: id, x: z.number().finite(), y: z.number().finite(), label: z.string().max(100).optional() }),
    result: resultOf(z.object({ id })),
  },
  movePlacement: { args: z.object({ id, x: z.number().finite(), y: z.number().finite() }), result: resultOf(z.null()) },
  deletePlacement: { args: z.object({ id }), result: resultOf(z.null()) },
} as const;

export const projectEvents = {
  /** The open project changed (opened, saved as, closed): null when none is open. */
  projectChanged: ProjectInfoSchema.nullable(),
  /** The open project's content changed (an edit was committed). */
  projectEdited: z.object({ revision: z.number().int() }),
} as const;
