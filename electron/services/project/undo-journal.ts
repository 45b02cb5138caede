// Undo and redo of whole edits (DESIGN §2: "undo/redo is the application's job"). Every edit of the
// project store records, inside its own transaction, the rows it touched as they were before and after
// (row images, like a database's before/after journal). Undo writes the before-images back in reverse
// order, redo the after-images in order, each as one transaction. Row images rather than inverse
// commands keep every edit undoable — a split wall, a replaced placement from the optimiser, an
// imported plan image — without writing an inverse for each.
//
// The journal lives in memory for one open session of the file (the file itself stays the latest
// state) and is bounded by entry count and by bytes: the oldest entries are dropped first.
import type { SqliteDatabase } from './sqlite';

/** The tables whose rows the user edits. Optimisation runs and recordings are not undoable edits. */
export type JournalTable = 'building' | 'materials' | 'floors' | 'walls' | 'zones' | 'device_types' | 'placements';

export type RowImage = Readonly<Record<string, unknown>>;

export interface RowChange {
  readonly table: JournalTable;
  readonly id: number;
  /** null: the row did not exist before (an insert). */
  readonly before: RowImage | null;
  /** null: the row does not exist after (a delete). */
  readonly after: RowImage | null;
}

export interface JournalEntry {
  /** What the edit was, as a short code the renderer translates ('addWall', 'moveDevices', …). */
  readonly label: string;
  readonly changes: readonly RowChange[];
  /** Approximate memory held by the images. */
  readonly bytes: number;
}

export interface JournalLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** A hundred edits back, and at most 64 MiB of row images (a few plan images). */
export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxEntries: 100, maxBytes: 64 * 1024 * 1024 };

export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export class UndoJournal {
  private readonly undoStack: JournalEntry[] = [];
  private readonly redoStack: JournalEntry[] = [];

  constructor(private readonly limits: JournalLimits = DEFAULT_JOURNAL_LIMITS) {}

  /** Records a committed edit; a new edit forgets what could be redone. Edits that changed nothing are not kept. */
  record(label: string, changes: readonly RowChange[]): void {
    const real = changes.filter((c) => !sameImage(c.before, c.after));
    if (real.length === 0) return;
    this.redoStack.length = 0;
    this.undoStack.push({ label, changes: real, bytes: real.reduce((n, c) => n + imageBytes(c.before) + imageBytes(c.after), 0) });
    this.trim();
  }

  peekUndo(): JournalEntry | null {
    return this.undoStack[this.undoStack.length - 1] ?? null;
  }

  peekRedo(): JournalEntry | null {
    return this.redoStack[this.redoStack.length - 1] ?? null;
  }

  /** Moves the newest edit to the redo stack once its before-images are written. */
  markUndone(): void {
    const e = this.undoStack.pop();
    if (e) this.redoStack.push(e);
  }

  markRedone(): void {
    const e = this.redoStack.pop();
    if (e) this.undoStack.push(e);
  }

  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }

  get state(): UndoState {
    const u = this.peekUndo();
    const r = this.peekRedo();
    return { canUndo: u !== null, canRedo: r !== null, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
  }

  get size(): { entries: number; bytes: number } {
    const all = [...this.undoStack, ...this.redoStack];
    return { entries: all.length, bytes: all.reduce((n, e) => n + e.bytes, 0) };
  }

  private trim(): void {
    let { entries, bytes } = this.size;
    // The oldest undo entries go first; the newest edit is always kept, however large.
    while ((entries > this.limits.maxEntries || bytes > this.limits.maxBytes) && this.undoStack.length > 1) {
      const dropped = this.undoStack.shift()!;
      entries -= 1;
      bytes -= dropped.bytes;
    }
  }
}

/** Reads one row as an image (blobs as Buffers), or null when there is none. */
export function readRowImage(db: SqliteDatabase, table: JournalTable, id: number): RowImage | null {
  return (db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as RowImage | undefined) ?? null;
}

/**
 * Makes row `id` of `table` match `image` (null: absent). An existing row is updated in place, never
 * replaced: REPLACE would delete it first, and the foreign keys' ON DELETE CASCADE would take its walls,
 * zones and devices with it.
 */
export function writeRowImage(db: SqliteDatabase, table: JournalTable, id: number, image: RowImage | null): void {
  if (image === null) {
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    return;
  }
  const columns = Object.keys(image).filter((c) => c !== 'id');
  const values = columns.map((c) => image[c]);
  if (readRowImage(db, table, id)) {
    if (columns.length > 0) db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
  } else {
    db.prepare(`INSERT INTO ${table} (id${columns.map((c) => `, ${c}`).join('')}) VALUES (?${', ?'.repeat(columns.length)})`).run(id, ...values);
  }
}

function imageBytes(image: RowImage | null): number {
  if (!image) return 0;
  let n = 64;
  for (const v of Object.values(image)) {
    if (typeof v === 'string') n += v.length * 2;
    else if (v instanceof Uint8Array) n += v.byteLength;
    else n += 8;
  }
  return n;
}

function sameImage(a: RowImage | null, b: RowImage | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x instanceof Uint8Array && y instanceof Uint8Array) return x.byteLength === y.byteLength && Buffer.compare(x, y) === 0;
    return x === y;
  });
}

/**
 * Undoes (writes the before-images, newest change first) or redoes (after-images, in order) the top
 * entry, in one transaction. If the file no longer matches the journal (changed by something that does
 * not record), the transaction rolls back, the history is cleared and the answer says so.
 */
export function replayJournal(
  db: SqliteDatabase,
  journal: UndoJournal,
  direction: 'undo' | 'redo',
): { ok: true; value: UndoState & { label: string } } | { ok: false; code: string; message: string } {
  const entry = direction === 'undo' ? journal.peekUndo() : journal.peekRedo();
  if (!entry) return { ok: false, code: `nothing-to-${direction}`, message: `There is nothing to ${direction}.` };
  try {
    db.transaction(() => {
      if (direction === 'undo') {
        for (let i = entry.changes.length - 1; i >= 0; i--) writeRowImage(db, entry.changes[i]!.table, entry.changes[i]!.id, entry.changes[i]!.before);
      } else {
        for (const c of entry.changes) writeRowImage(db, c.table, c.id, c.after);
      }
    })();
  } catch (e) {
    if (!(e instanceof Error) || !('code' in e) || !String((e as { code: unknown }).code).startsWith('SQLITE')) throw e;
    journal.clear();
    return {
      ok: false,
      code: `cannot-${direction}`,
      message: `The edit history no longer matches the project (${e.message}); it has been cleared and nothing was changed.`,
    };
  }
  if (direction === 'undo') journal.markUndone();
  else journal.markRedone();
  return { ok: true, value: { label: entry.label, ...journal.state } };
}
