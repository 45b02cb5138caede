// Typed reads of an open project: the building, materials, floors, walls, zones, device types and
// placements as the API's model (shared/model/building.ts). The project store adds the edits.
import type { Building, DeviceKind, DeviceType, Floor, Material, Placement, PlanImage, Point, ProjectSnapshot, Wall, Zone, ZoneKind } from '../../../shared/model/building';
import type { SqliteDatabase } from './sqlite';

type Row = Record<string, unknown>;
const num = (v: unknown) => v as number;
const str = (v: unknown) => v as string;

export class ProjectReader {
  constructor(readonly db: SqliteDatabase) {}

  getBuilding(): Building {
    const row = this.db.prepare('SELECT name, address, notes FROM building WHERE id = 1').get() as Row | undefined;
    return row ? { name: str(row.name), address: str(row.address), notes: str(row.notes) } : { name: '', address: '', notes: '' };
  }

  listMaterials(): Material[] {
    return (this.db.prepare('SELECT id, name, attenuation_db, colour FROM materials ORDER BY id').all() as Row[]).map((r) => ({
      id: num(r.id),
      name: str(r.name),
      attenuationDb: num(r.attenuation_db),
      colour: str(r.colour),
    }));
  }

  listFloors(): Floor[] {
    const rows = this.db
      .prepare('SELECT id, name, level, width_m, height_m, outline_json, grid_pitch_m, plan_json FROM floors ORDER BY level, id')
      .all() as Row[];
    return rows.map((r) => ({
      id: num(r.id),
      name: str(r.name),
      level: num(r.level),
      widthM: num(r.width_m),
      heightM: num(r.height_m),
      outline: JSON.parse(str(r.outline_json)) as Point[],
      gridPitchM: num(r.grid_pitch_m),
      plan: r.plan_json ? (JSON.parse(str(r.plan_json)) as PlanImage) : null,
    }));
  }

  listWalls(): Wall[] {
    return (this.db.prepare('SELECT * FROM walls ORDER BY id').all() as Row[]).map((r) => ({
      id: num(r.id),
      floorId: num(r.floor_id),
      a: { x: num(r.ax), y: num(r.ay) },
      b: { x: num(r.bx), y: num(r.by) },
      materialId: num(r.material_id),
      thicknessM: num(r.thickness_m),
    }));
  }

  listZones(): Zone[] {
    return (this.db.prepare('SELECT * FROM zones ORDER BY id').all() as Row[]).map((r) => ({
      id: num(r.id),
      floorId: num(r.floor_id),
      kind: str(r.kind) as ZoneKind,
      name: str(r.name),
      polygon: JSON.parse(str(r.polygon_json)) as Point[],
    }));
  }

  listDeviceTypes(): DeviceType[] {
    return (this.db.prepare('SELECT * FROM device_types ORDER BY id').all() as Row[]).map((r) => ({
      id: num(r.id),
      kind: str(r.kind) as DeviceKind,
      name: str(r.name),
      spec: JSON.parse(str(r.spec_json)) as Record<string, unknown>,
    }));
  }

  listPlacements(): Placement[] {
    return (this.db.prepare('SELECT * FROM placements ORDER BY id').all() as Row[]).map((r) => ({
      id: num(r.id),
      floorId: num(r.floor_id),
      deviceTypeId: num(r.device_type_id),
      x: num(r.x),
      y: num(r.y),
      label: str(r.label),
    }));
  }

  snapshot(): ProjectSnapshot {
    // One read transaction so the parts are consistent with each other.
    return this.db.transaction(() => ({
      building: this.getBuilding(),
      materials: this.listMaterials(),
      floors: this.listFloors(),
      walls: this.listWalls(),
      zones: this.listZones(),
      deviceTypes: this.listDeviceTypes(),
      placements: this.listPlacements(),
    }))();
  }

}
