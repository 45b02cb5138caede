// The building as it is persisted in a project file and crosses the API: plain data, zod schemas.
// Coordinates are metres from the floor's origin (top-left of the plan, x to the right, y down).
import { z } from 'zod';

export const PointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Point = z.infer<typeof PointSchema>;

const id = z.number().int().positive();

export const BuildingSchema = z.object({
  name: z.string().max(200),
  address: z.string().max(500),
  notes: z.string().max(10_000),
});
export type Building = z.infer<typeof BuildingSchema>;

/** A wall material and what it costs a radio link to cross it, at the project's radio frequency. */
export const MaterialSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  attenuationDb: z.number().finite().min(0).max(200),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Material = z.infer<typeof MaterialSchema>;

/** How an imported plan image maps onto the floor: metres per image pixel and where pixel (0,0) lies. */
export const PlanImageSchema = z.object({
  mime: z.enum(['image/png', 'image/jpeg']),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  metresPerPx: z.number().finite().positive(),
  originX: z.number().finite(),
  originY: z.number().finite(),
});
export type PlanImage = z.infer<typeof PlanImageSchema>;

export const FloorSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  level: z.number().int(),
  widthM: z.number().finite().positive(),
  heightM: z.number().finite().positive(),
  /** Polygon of the floor's outline; empty means the rectangle widthM × heightM. */
  outline: z.array(PointSchema),
  /** Candidate-site grid pitch (thesis: 1 m cells, sites at cell centres). */
  gridPitchM: z.number().finite().positive(),
  plan: PlanImageSchema.nullable(),
});
export type Floor = z.infer<typeof FloorSchema>;

export const WallSchema = z.object({
  id,
  floorId: id,
  a: PointSchema,
  b: PointSchema,
  materialId: id,
  thicknessM: z.number().finite().positive(),
});
export type Wall = z.infer<typeof WallSchema>;

export const ZoneKindSchema = z.enum(['installable', 'exclusion', 'poi', 'gateway']);
export type ZoneKind = z.infer<typeof ZoneKindSchema>;

/** An area (polygon) or, for points of interest and the gateway, possibly a single point. */
export const ZoneSchema = z.object({
  id,
  floorId: id,
  kind: ZoneKindSchema,
  name: z.string().max(100),
  polygon: z.array(PointSchema).min(1),
});
export type Zone = z.infer<typeof ZoneSchema>;

export const DeviceKindSchema = z.enum(['sensor', 'router', 'gateway']);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/** A device type copied into the project from the catalogue; `spec` is the catalogue entry, editable per project. */
export const DeviceTypeSchema = z.object({
  id,
  kind: DeviceKindSchema,
  name: z.string().min(1).max(100),
  spec: z.record(z.string(), z.unknown()),
});
export type DeviceType = z.infer<typeof DeviceTypeSchema>;

export const PlacementSchema = z.object({
  id,
  floorId: id,
  deviceTypeId: id,
  x: z.number().finite(),
  y: z.number().finite(),
  label: z.string().max(100),
});
export type Placement = z.infer<typeof PlacementSchema>;

/** Everything a planner view needs, in one read. Bulk data (plan images, recordings) is fetched lazily. */
export const ProjectSnapshotSchema = z.object({
  building: BuildingSchema,
  materials: z.array(MaterialSchema),
  floors: z.array(FloorSchema),
  walls: z.array(WallSchema),
  zones: z.array(ZoneSchema),
  deviceTypes: z.array(DeviceTypeSchema),
  placements: z.array(PlacementSchema),
});
export type ProjectSnapshot = z.infer<typeof ProjectSnapshotSchema>;
