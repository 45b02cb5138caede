// Project file calls: new, open, save as, close, recent files, and the edits the views make.
import { z } from 'zod';
import { resultOf } from './result';
import { BuildingSchema, FloorSchema, PlacementSchema, PlanImageSchema, PointSchema, ProjectSnapshotSchema, WallSchema, ZoneKindSchema, ZoneSchema } from '../model/building';

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

/** Where the undo history stands: what Ctrl+Z and Ctrl+Shift+Z would do (labels are edit codes: 'addWall', …). */
export const UndoStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoStateSchema>;

/** A plan image (PNG or JPEG) as it crosses the API: base64, at most 10 MiB decoded (the back end checks). */
export const PlanImageDataSchema = z.object({ mime: z.enum(['image/png', 'image/jpeg']), dataBase64: z.string() });
export type PlanImageData = z.infer<typeof PlanImageDataSchema>;

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

  // The plan editor (numbers are checked by the back end, which answers with a message, not a schema error).
  /** Imports a plan image; its bytes must be a PNG or a JPEG, else nothing changes. */
  setPlanImage: {
    args: z.object({ floorId: id, dataBase64: z.string().max(15 * 1024 * 1024), fileName: z.string().max(255).optional() }),
    result: resultOf(PlanImageSchema),
  },
  getPlanImage: { args: z.object({ floorId: id }), result: resultOf(PlanImageDataSchema.nullable()) },
  removePlanImage: { args: z.object({ floorId: id }), result: resultOf(z.null()) },
  /** Scale from two points of the image (pixels) and their distance; the floor and what is drawn on it follow. */
  calibratePlan: {
    args: z.object({ floorId: id, aPx: PointSchema, bPx: PointSchema, distanceM: z.number() }),
    result: resultOf(FloorSchema),
  },
  updateFloor: {
    args: z.object({ id, name: z.string().max(100).optional(), widthM: z.number().optional(), heightM: z.number().optional(), gridPitchM: z.number().optional() }),
    result: resultOf(FloorSchema),
  },
  updateWall: {
    args: z.object({ id, a: PointSchema.optional(), b: PointSchema.optional(), materialId: id.optional(), thicknessM: z.number().optional() }),
    result: resultOf(WallSchema),
  },
  splitWall: { args: z.object({ id, at: PointSchema }), result: resultOf(z.object({ ids: z.tuple([id, id]) })) },
  joinWalls: { args: z.object({ ids: z.tuple([id, id]) }), result: resultOf(z.object({ id })) },
  updateZone: {
    args: z.object({ id, kind: ZoneKindSchema.optional(), name: z.string().max(100).optional(), polygon: z.array(PointSchema).min(1).max(10_000).optional() }),
    result: resultOf(ZoneSchema),
  },
  updatePlacement: {
    args: z.object({ id, x: z.number().optional(), y: z.number().optional(), deviceTypeId: id.optional(), label: z.string().max(100).optional() }),
    result: resultOf(PlacementSchema),
  },
  /** Moves several devices in one edit (a dragged selection). */
  movePlacements: { args: z.object({ moves: z.array(z.object({ id, x: z.number(), y: z.number() })).min(1).max(10_000) }), result: resultOf(z.null()) },
  /** Places a sensor or router with the next free label; without a type, the project's first of that kind. */
  placeDevice: {
    args: z.object({ floorId: id, kind: z.enum(['sensor', 'router']), x: z.number(), y: z.number(), deviceTypeId: id.optional() }),
    result: resultOf(PlacementSchema),
  },
  /** Moves the floor's gateway (its zone and its device) to a point, creating them when missing. */
  setGateway: { args: z.object({ floorId: id, at: PointSchema }), result: resultOf(z.null()) },
  /** Deletes a selection of walls, zones and devices in one edit. */
  deleteItems: {
    args: z.object({ walls: z.array(id).max(100_000), zones: z.array(id).max(100_000), placements: z.array(id).max(100_000) }),
    result: resultOf(z.object({ deleted: z.number().int() })),
  },
  /** Undoes / redoes the last whole edit of this session (every edit above, and applying a solution). */
  undo: { args: none, result: resultOf(UndoStateSchema.extend({ label: z.string() })) },
  redo: { args: none, result: resultOf(UndoStateSchema.extend({ label: z.string() })) },
  getUndoState: { args: none, result: resultOf(UndoStateSchema) },
} as const;

export const projectEvents = {
  /** The open project changed (opened, saved as, closed): null when none is open. */
  projectChanged: ProjectInfoSchema.nullable(),
  /** The open project's content changed (an edit was committed). */
  projectEdited: z.object({ revision: z.number().int() }),
} as const;
