// One open project: typed reads and edits over its SQLite file. Every edit is its own transaction,
// committed (and synced, see project-file.ts) before the call returns, and records the rows it
// touched in the session's undo journal (undo-journal.ts). The planner's richer edits (plan image,
// calibration, split/join, batch moves) live in floor-edits.ts and plan-edits.ts on the same helpers.
import { err, ok, type Result } from '../../../shared/api/result';
import type {
  Building,
  DeviceKind,
  DeviceType,
  Floor,
  Material,
  Placement,
  Wall,
  Zone,
} from '../../../shared/model/building';
import { ProjectReader } from './project-reader';
import { isSqliteError, type SqliteDatabase } from './sqlite';
import { checkWallLength, checkZonePolygon, LABEL_PREFIX, wallRow } from './edit-checks';
import { readRowImage, replayJournal, UndoJournal, type JournalTable, type RowChange, type UndoState } from './undo-journal';

type Row = Record<string, unknown>;
const num = (v: unknown) => v as number;

export { MIN_WALL_LENGTH_M } from './edit-checks';

export class ProjectStore extends ProjectReader {
  private revision = 0;
  private readonly listeners = new Set<(revision: number) => void>();
  /** Row changes of the edit in progress; null outside an edit. */
  private changes: RowChange[] | null = null;
  readonly journal: UndoJournal;

  constructor(
    db: SqliteDatabase,
    journal: UndoJournal = new UndoJournal(),
  ) {
    super(db);
    this.journal = journal;
  }

  /** Called after each committed edit. Returns the unsubscribe function. */
  onDidEdit(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `change` as one transaction; a constraint failure becomes a clear result, the project unchanged.
   * The rows it changes through insertRow/updateRow/removeRow become one undo step named `label`.
   */
  edit<T>(change: () => Result<T>, label = 'edit'): Result<T> {
    if (this.changes !== null) throw new Error('ProjectStore.edit is not re-entrant');
    let result: Result<T>;
    const changes: RowChange[] = [];
    this.changes = changes;
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
    } finally {
      this.changes = null;
    }
    this.journal.record(label, changes);
    this.notify();
    return result;
  }

  // ---- row helpers for edits (recorded in the undo journal) ----------------------------------------

  readRow(table: JournalTable, id: number): Row | null {
    return readRowImage(this.db, table, id) as Row | null;
  }

  /** Inserts a row (columns by name) and returns its id. Only inside `edit`. */
  insertRow(table: JournalTable, values: Row): number {
    const changes = this.recording();
    const columns = Object.keys(values);
    const r = this.db
      .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => values[c]));
    const id = Number(r.lastInsertRowid);
    changes.push({ table, id, before: null, after: readRowImage(this.db, table, id) });
    return id;
  }

  /** Updates the given columns of row `id`; false when there is no such row. Only inside `edit`. */
  updateRow(table: JournalTable, id: number, values: Row): boolean {
    const changes = this.recording();
    const before = readRowImage(this.db, table, id);
    if (!before) return false;
    const columns = Object.keys(values);
    if (columns.length > 0) {
      this.db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => values[c]), id);
    }
    changes.push({ table, id, before, after: readRowImage(this.db, table, id) });
    return true;
  }

  /** Deletes row `id`; false when there is no such row. Only inside `edit`. */
  removeRow(table: JournalTable, id: number): boolean {
    const changes = this.recording();
    const before = readRowImage(this.db, table, id);
    if (!before) return false;
    this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    changes.push({ table, id, before, after: null });
    return true;
  }

  private recording(): RowChange[] {
    if (this.changes === null) throw new Error('row edits must run inside ProjectStore.edit');
    return this.changes;
  }

  private notify(): void {
    this.revision += 1;
    for (const l of this.listeners) l(this.revision);
  }

  // ---- undo / redo ---------------------------------------------------------------------------------

  get undoState(): UndoState {
    return this.journal.state;
  }

  /** Puts back the rows of the newest edit as they were before it, in one transaction. */
  undo(): Result<UndoState & { label: string }> {
    return this.travel('undo');
  }

  /** Writes the rows of the last undone edit as it left them. */
  redo(): Result<UndoState & { label: string }> {
    return this.travel('redo');
  }

  private travel(direction: 'undo' | 'redo'): Result<UndoState & { label: string }> {
    const r = replayJournal(this.db, this.journal, direction);
    if (r.ok) this.notify();
    return r;
  }

  // ---- edits -------------------------------------------------------------------------------------

  updateBuilding(patch: Partial<Building>): Result<Building> {
    return this.edit(() => {
      const next = { ...this.getBuilding(), ...patch };
      const values = { name: next.name, address: next.address, notes: next.notes };
      if (!this.updateRow('building', 1, values)) this.insertRow('building', { id: 1, ...values });
      return ok(next);
    }, 'updateBuilding');
  }

  addMaterial(m: Omit<Material, 'id'>): Result<{ id: number }> {
    return this.edit(() => ok({ id: this.insertRow('materials', { name: m.name, attenuation_db: m.attenuationDb, colour: m.colour }) }), 'addMaterial');
  }

  addFloor(f: Omit<Floor, 'id' | 'plan'>): Result<{ id: number }> {
    return this.edit(
      () =>
        ok({
          id: this.insertRow('floors', {
            name: f.name,
            level: f.level,
            width_m: f.widthM,
            height_m: f.heightM,
            outline_json: JSON.stringify(f.outline),
            grid_pitch_m: f.gridPitchM,
          }),
        }),
      'addFloor',
    );
  }

  addWall(w: Omit<Wall, 'id' | 'thicknessM'> & { thicknessM?: number }): Result<{ id: number }> {
    const invalid = checkWallLength(w.a, w.b);
    if (invalid) return invalid;
    const thicknessM = w.thicknessM ?? 0.1;
    if (!(Number.isFinite(thicknessM) && thicknessM > 0)) return err('invalid-wall', `A wall's thickness must be a positive number of metres (got ${thicknessM}).`);
    return this.edit(() => {
      if (!this.exists('floors', w.floorId)) return err('not-found', `There is no floor ${w.floorId}.`);
      if (!this.exists('materials', w.materialId)) return err('not-found', `There is no material ${w.materialId}.`);
      return ok({ id: this.insertRow('walls', wallRow({ ...w, thicknessM })) });
    }, 'addWall');
  }

  deleteWall(id: number): Result<null> {
    return this.deleteOne('walls', id, 'wall', 'deleteWall');
  }

  addZone(z: Omit<Zone, 'id'>): Result<{ id: number }> {
    const invalid = checkZonePolygon(z.kind, z.polygon);
    if (invalid) return invalid;
    return this.edit(() => {
      if (!this.exists('floors', z.floorId)) return err('not-found', `There is no floor ${z.floorId}.`);
      return ok({ id: this.insertRow('zones', { floor_id: z.floorId, kind: z.kind, name: z.name, polygon_json: JSON.stringify(z.polygon) }) });
    }, 'addZone');
  }

  deleteZone(id: number): Result<null> {
    return this.deleteOne('zones', id, 'zone', 'deleteZone');
  }

  addDeviceType(d: Omit<DeviceType, 'id'>): Result<{ id: number }> {
    return this.edit(() => ok({ id: this.insertRow('device_types', { kind: d.kind, name: d.name, spec_json: JSON.stringify(d.spec) }) }), 'addDeviceType');
  }

  addPlacement(p: Omit<Placement, 'id' | 'label'> & { label?: string }): Result<{ id: number }> {
    return this.edit(() => {
      if (!this.exists('floors', p.floorId)) return err('not-found', `There is no floor ${p.floorId}.`);
      if (!this.exists('device_types', p.deviceTypeId)) return err('not-found', `There is no device type ${p.deviceTypeId}.`);
      return ok({ id: this.insertRow('placements', { floor_id: p.floorId, device_type_id: p.deviceTypeId, x: p.x, y: p.y, label: p.label ?? '' }) });
    }, 'addPlacement');
  }

  movePlacement(id: number, x: number, y: number): Result<null> {
    return this.edit(() => (this.updateRow('placements', id, { x, y }) ? ok(null) : err('not-found', `There is no device ${id}.`)), 'moveDevices');
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
      const old = this.db.prepare('SELECT id FROM placements WHERE floor_id = ? AND device_type_id IN (SELECT id FROM device_types WHERE kind = ?) ORDER BY id');
      for (const kind of kinds) for (const row of old.all(floorId, kind) as Row[]) this.removeRow('placements', num(row.id));
      const counters = new Map<DeviceKind, number>();
      for (const d of devices) {
        const n = (counters.get(d.kind) ?? 0) + 1;
        counters.set(d.kind, n);
        this.insertRow('placements', { floor_id: floorId, device_type_id: typeOf.get(d.kind)!, x: d.x, y: d.y, label: `${LABEL_PREFIX[d.kind]}${n}` });
      }
      return ok({ placed: devices.length });
    }, 'replacePlacements');
  }

  deletePlacement(id: number): Result<null> {
    return this.deleteOne('placements', id, 'device', 'deleteDevice');
  }

  exists(table: 'floors' | 'materials' | 'device_types' | 'walls' | 'zones' | 'placements', id: number): boolean {
    return this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  }

  private deleteOne(table: 'walls' | 'zones' | 'placements', id: number, what: string, label: string): Result<null> {
    return this.edit(() => (this.removeRow(table, id) ? ok(null) : err('not-found', `There is no ${what} ${id}.`)), label);
  }
}

class RefusedEdit extends Error {
  constructor(readonly result: Result<unknown>) {
    super('refused edit');
  }
}
