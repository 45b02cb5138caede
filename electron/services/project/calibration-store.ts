// Calibrations in the project file (table `calibrations`, format v3): written once when a calibration is
// finished, listed newest first, read back through the record's schema so that a damaged row is a clear
// message, never a crash or a half-read record. A calibration records what happened on the bench: it is
// not a plan edit, so it stays out of the undo history (raw statements, not the journalled row helpers).
import type { CalibrationSummary, StoredCalibration } from '../../../shared/api/calibration-store-api';
import { err, ok, type Result } from '../../../shared/api/result';
import type { CalibrationRecord } from '../../../shared/calibration/record';
import { CalibrationRecordSchema, parseCalibrationRecord } from '../../../shared/calibration/record';
import { REFERENCE_METER_LABELS } from '../../../shared/calibration/reference-reading';
import type { ReferenceSource } from '../../../shared/calibration/reference-reading';
import type { ProjectStore } from './project-store';

interface CalibrationRow {
  id: number;
  created_at: string;
  board_serial: string;
  passed: number;
  record_json: string;
}

export function saveCalibration(store: ProjectStore, record: CalibrationRecord): Result<{ id: number }> {
  // The API checked it already; a caller inside the back end may not have.
  const parsed = CalibrationRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('bad-calibration-record', `The calibration cannot be stored: ${issue.path.join('.') || 'record'} ${issue.message}.`);
  }
  const r = parsed.data;
  return store.edit(() => {
    const info = store.db
      .prepare('INSERT INTO calibrations (created_at, board_serial, passed, record_json) VALUES (?, ?, ?, ?)')
      .run(r.completedAt, r.board.boardSerial, r.verification.verdict.verdict === 'pass' ? 1 : 0, JSON.stringify(r));
    return ok({ id: Number(info.lastInsertRowid) });
  }, 'saveCalibration');
}

/** The record of a row, or why it cannot be read. */
function readRecord(row: CalibrationRow): Result<CalibrationRecord> {
  let json: unknown;
  try {
    json = JSON.parse(row.record_json);
  } catch (e) {
    return err('bad-calibration-record', `Stored calibration ${row.id} is damaged: its record is not valid JSON (${(e as Error).message}).`);
  }
  const parsed = parseCalibrationRecord(json);
  if (!parsed.ok) return err(parsed.code, `Calibration ${row.id}: ${parsed.message}`);
  return parsed;
}

/** How the certificate and the list name the reference. */
export function referenceLabel(ref: ReferenceSource): string {
  if (ref.kind === 'typed') return `${ref.instrument} (typed readings)`;
  const where = ref.link.transport === 'rtu' ? `RTU ${ref.link.path}` : `TCP ${ref.link.host}:${ref.link.port}`;
  return `${REFERENCE_METER_LABELS[ref.model]}${ref.instrument ? ` ${ref.instrument}` : ''} (Modbus ${where}, unit ${ref.unitId})`;
}

function summaryOf(row: CalibrationRow): CalibrationSummary {
  const base = { id: row.id, createdAt: row.created_at, boardSerial: row.board_serial, passed: row.passed === 1 };
  const record = readRecord(row);
  if (!record.ok) return { ...base, verdict: null, accuracyClass: null, storedOnBoard: null, reference: null, operator: '', problem: record.message };
  const r = record.value;
  return {
    ...base,
    verdict: r.verification.verdict.verdict,
    accuracyClass: r.accuracy.accuracyClass,
    storedOnBoard: r.storedOnBoard,
    reference: referenceLabel(r.reference),
    operator: r.operator,
    problem: null,
  };
}

/** Newest first (by id: two calibrations may share a second). */
export function listCalibrations(store: ProjectStore, boardSerial?: string): CalibrationSummary[] {
  const rows = (
    boardSerial === undefined
      ? store.db.prepare('SELECT * FROM calibrations ORDER BY id DESC').all()
      : store.db.prepare('SELECT * FROM calibrations WHERE board_serial = ? ORDER BY id DESC').all(boardSerial)
  ) as CalibrationRow[];
  return rows.map(summaryOf);
}

function stored(row: CalibrationRow): Result<StoredCalibration> {
  const record = readRecord(row);
  return record.ok ? ok({ id: row.id, createdAt: row.created_at, record: record.value }) : record;
}

export function getCalibration(store: ProjectStore, id: number): Result<StoredCalibration> {
  const row = store.db.prepare('SELECT * FROM calibrations WHERE id = ?').get(id) as CalibrationRow | undefined;
  if (!row) return err('not-found', `There is no calibration ${id} in this project.`);
  return stored(row);
}

/** The board's newest calibration in the project, or null when it has none. */
export function latestCalibration(store: ProjectStore, boardSerial: string): Result<StoredCalibration | null> {
  const row = store.db.prepare('SELECT * FROM calibrations WHERE board_serial = ? ORDER BY id DESC LIMIT 1').get(boardSerial) as CalibrationRow | undefined;
  return row ? stored(row) : ok(null);
}
