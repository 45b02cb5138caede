// One open project: typed reads and edits over its SQLite file. Every edit is its own transaction,
// committed (and synced, see project-file.ts) before the call returns.
import { err, ok, type Result } from '../../../shared/api/result';
import type {
  Building,
  DeviceKind,
  DeviceType,
  Floor,
  Material,
  Placement,
  PlanImage,
  Point,
  ProjectSnapshot,
  Wall,
  Zone,
  ZoneKind,
} from '../../../shared/model/building';
import { isSqliteError, type SqliteDatabase } from './sqlite';

type Row = Record<string, unknown>;
const num = (v: unknown) => v as number;
const str = (v: unknown) => v as string;

/** Below this a wall is a click, not a wall (1 mm). */
export const MIN_WALL_LENGTH_M = 0.001;

export class ProjectStore {
  private revision = 0;
  private readonly listeners = new Set<(revision: number) => void>();

  constructor(readonly db: SqliteDatabase) {}

  /** Called after each committed edit. Returns the unsubscribe function. */
  onDidEdit(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `change` as one transaction; a constraint failure becomes a clear result, the project unchanged. */
  edit<T>(change: () => Result<T>): Result<T> {
    let result: Result<T>;
    try {
      result = this.db.transaction(() => {
        const r = change();
        // A refused edit must leave nothing behind: throwing rolls the transaction back.
        if (!r.ok) throw new RefusedEdit(r);
        return r;
      })();
    } catch (e) {
      if (e instanceof RefusedEdit) return e.result as Result<T>;
      if (isSqliteError(e) && e.code.startsWith('SQLITE_CONSTRAINT')) return err('invalid-edit', `The edit was refused: ${e.message}.`);
      throw e;
    }
    this.revision += 1;
    for (const l of this.listeners) l(this.revision);
    return result;
  }

  // ---- reads -------------------------------------------------------------------------------------

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

  // ---- edits -------------------------------------------------------------------------------------

  updateBuilding(patch: Partial<Building>): Result<Building> {
    return this.edit(() => {
      const next = { ...this.getBuilding(), ...patch };
      this.db
        .prepare('INSERT INTO building (id, name, address, notes) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, address = excluded.address, notes = excluded.notes')
        .run(next.name, next.address, next.notes);
      return ok(next);
    });
  }

  addMaterial(m: Omit<Material, 'id'>): Result<{ id: number }> {
    return this.edit(() => {
      const r = this.db.prepare('INSERT INTO materials (name, attenuation_db, colour) VALUES (?, ?, ?)').run(m.name, m.attenuationDb, m.colour);
      return ok({ id: Number(r.lastInsertRowid) });
    });
  }

  addFloor(f: Omit<Floor, 'id' | 'plan'>): Result<{ id: number }> {
    return this.edit(() => {
      const r = this.db
        .prepare('INSERT INTO floors (name, level, width_m, height_m, outline_json, grid_pitch_m) VALUES (?, ?, ?, ?, ?, ?)')
        .run(f.name, f.level, f.widthM, f.heightM, JSON.stringify(f.outline), f.gridPitchM);
      return ok({ id: Number(r.lastInsertRowid) });
    });
  }

  addWall(w: Omit<Wall, 'id' | 'thicknessM'> & { thicknessM?: number }): Result<{ id: number }> {
    const lengthM = Math.hypot(w.b.x - w.a.x, w.b.y - w.a.y);
    if (!(lengthM >= MIN_WALL_LENGTH_M)) {
      return err('invalid-wall', `A wall must be at least ${MIN_WALL_LENGTH_M * 1000} mm long (this one is ${(lengthM * 1000).toFixed(1)} mm).`);
    }
    return this.edit(() => {
      if (!this.exists('floors', w.floorId)) return err('not-found', `There is no floor ${w.floorId}.`);
      if (!this.exists('materials', w.materialId)) return err('not-found', `There is no material ${w.materialId}.`);
      const r = this.db
        .prepare('INSERT INTO walls (floor_id, ax, ay, bx, by, material_id, thickness_m) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(w.floorId, w.a.x, w.a.y, w.b.x, w.b.y, w.materialId, w.thicknessM ?? 0.1);
      return ok({ id: Number(r.lastInsertRowid) });
    });
  }

  deleteWall(id: number): Result<null> {
    return this.deleteRow('walls', id, 'wall');
  }

  addZone(z: Omit<Zone, 'id'>): Result<{ id: number }> {
    if (z.kind !== 'poi' && z.kind !== 'gateway' && z.polygon.length < 3) {
      return err('invalid-zone', `An ${z.kind} zone needs at least 3 corners (it has ${z.polygon.length}).`);
    }
    return this.edit(() => {
      if (!this.exists('floors', z.floorId)) return err('not-found', `There is no floor ${z.floorId}.`);
      const r = this.db
        .prepare('INSERT INTO zones (floor_id, kind, name, polygon_json) VALUES (?, ?, ?, ?)')
        .run(z.floorId, z.kind, z.name, JSON.stringify(z.polygon));
      return ok({ id: Number(r.lastInsertRowid) });
    });
  }

  deleteZone(id: number): Result<null> {
    return this.deleteRow('zones', id, 'zone');
  }

  addDeviceType(d: Omit<DeviceType, 'id'>): Result<{ id: number }> {
    return this.edit(() => {
      const r = this.db.prepare('INSERT INTO device_types (kind, name, spec_json) VALUES (?, ?, ?)').run(d.kind, d.name, JSON.stringify(d.spec));
      return ok({ id: Number(r.lastInsertRowid) });
    });
  }

  addPlacement(p: Omit<Placement, 'id' | 'label'> & { label?: string }): Result<{ id: number }> {
    return this.edit(() => {
      if (!this.exists('floors', p.floorId)) return err('not-found', `There is no floor ${p.floorId}.`);
      if (!this.exists('device_types', p.deviceTypeId)) return err('not-found', `There is no device type ${p.deviceTypeId}.`);
      const r = this.db
        .prepare('INSERT INTO placements (floor_id, device_type_id, x, y, label) VALUES (?, ?, ?, ?, ?)')
        .run(p.floorId, p.deviceTypeId, p.x, p.y, p.label ?? '');
      return ok({ id: Number(r.lastInsertRowid) });
    });
  }

  movePlacement(id: number, x: number, y: number): Result<null> {
    return this.edit(() => {
      const r = this.db.prepare('UPDATE placements SET x = ?, y = ? WHERE id = ?').run(x, y, id);
      return r.changes === 1 ? ok(null) : err('not-found', `There is no device ${id}.`);
    });
  }

  /**
   * Replaces the floor's devices of the given kinds by `devices` in one edit (applying an optimisation
   * solution): each new device gets the floor's first device type of its kind, or a clear refusal.
   */
  replacePlacements(floorId: number, kinds: readonly DeviceKind[], devices: readonly { x: number; y: number; kind: DeviceKind }[]): Result<{ placed: number }> {
    return this.edit(() => {
      if (!this.exists('floors', floorId)) return err('not-found', `There is no floor ${floorId}.`);
      const typeOf = new Map<DeviceKind, number>();
      for (const t of this.listDeviceTypes()) if (!typeOf.has(t.kind)) typeOf.set(t.kind, t.id);
      for (const kind of kinds) {
        if (!typeOf.has(kind)) return err('no-device-type', `The project has no ${kind} type to place: add one from the catalogue first.`);
      }
      const remove = this.db.prepare('DELETE FROM placements WHERE floor_id = ? AND device_type_id IN (SELECT id FROM device_types WHERE kind = ?)');
      for (const kind of kinds) remove.run(floorId, kind);
      const insert = this.db.prepare('INSERT INTO placements (floor_id, device_type_id, x, y, label) VALUES (?, ?, ?, ?, ?)');
      const counters = new Map<DeviceKind, number>();
      for (const d of devices) {
        const n = (counters.get(d.kind) ?? 0) + 1;
        counters.set(d.kind, n);
        insert.run(floorId, typeOf.get(d.kind)!, d.x, d.y, `${d.kind === 'sensor' ? 'S' : d.kind === 'router' ? 'R' : 'G'}${n}`);
      }
      return ok({ placed: devices.length });
    });
  }

  deletePlacement(id: number): Result<null> {
    return this.deleteRow('placements', id, 'device');
  }

  private exists(table: 'floors' | 'materials' | 'device_types', id: number): boolean {
    return this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  }

  private deleteRow(table: 'walls' | 'zones' | 'placements', id: number, what: string): Result<null> {
    return this.edit(() => {
      const r = this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      return r.changes === 1 ? ok(null) : err('not-found', `There is no ${what} ${id}.`);
    });
  }
}

class RefusedEdit extends Error {
  constructor(readonly result: Result<unknown>) {
    super('refused edit');
  }
}
