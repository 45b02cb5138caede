// Calibrations in the project file: stored whole, listed newest first with their verdicts, the newest of a
// board found, kept across closing and reopening, and a damaged row reported clearly instead of crashing
// the list or handing out half a record.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalibrationSummarySchema } from '../../../shared/api/calibration-store-api';
import type { CalibrationRecord } from '../../../shared/calibration/record';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { seedNewProject } from '../../../electron/services/project/seed';
import { getCalibration, latestCalibration, listCalibrations, referenceLabel, saveCalibration } from '../../../electron/services/project/calibration-store';
import { fixtureRecord } from '../calibration/record-fixture';
import { useTempDir } from '../project/helpers';

function open(file: string): ProjectStore {
  const r = openProjectFile(file);
  if (!r.ok) throw new Error(r.message);
  return new ProjectStore(r.value.db);
}

function fresh(dir: string): { file: string; store: ProjectStore } {
  const file = path.join(dir, 'cal.meterplan');
  createProjectFile(file, (db) => seedNewProject(db, 'Calibrations'));
  return { file, store: open(file) };
}

const id = (r: { ok: true; value: { id: number } } | { ok: false; message: string }) => {
  if (!r.ok) throw new Error(r.message);
  return r.value.id;
};

/** A second board, calibrated later, whose verification failed (errors 20 times the fixture's). */
function failedRecordOfAnotherBoard(): CalibrationRecord {
  const r = fixtureRecord(20);
  return { ...r, completedAt: '2025-03-15T10:00:00.000Z', board: { ...r.board, boardSerial: '4D50564D00000001' }, operator: 'B. Engineer' };
}

describe('calibrations in the project', () => {
  const tmp = useTempDir();

  it('are stored whole, listed newest first with their verdicts, and survive reopening', () => {
    const { file, store } = fresh(tmp());
    const passed = fixtureRecord();
    const failed = failedRecordOfAnotherBoard();
    expect(failed.verification.verdict.verdict).toBe('fail');
    const first = id(saveCalibration(store, passed));
    const second = id(saveCalibration(store, failed));
    expect(second).toBeGreaterThan(first);
    // A bench event, not a plan edit: nothing to undo.
    expect(store.undoState.canUndo).toBe(false);
    store.db.close();

    const reopened = open(file);
    const list = listCalibrations(reopened);
    expect(list.map((c) => c.id)).toEqual([second, first]);
    for (const c of list) expect(CalibrationSummarySchema.parse(c)).toEqual(c);
    expect(list[1]).toEqual({
      id: first,
      createdAt: '2025-03-14T09:26:53.000Z',
      boardSerial: '28FF4A1B2C3D4E5F',
      passed: true,
      verdict: 'pass',
      accuracyClass: '1',
      storedOnBoard: true,
      reference: 'Siemens SENTRON PAC3200 s/n LBN123456 (Modbus TCP 192.0.2.10:502, unit 1)',
      operator: 'A. Technician',
      problem: null,
    });
    expect(list[0]).toMatchObject({ boardSerial: '4D50564D00000001', passed: false, verdict: 'fail', storedOnBoard: false, operator: 'B. Engineer' });

    // Read back whole: the same record, verification tables and all.
    const got = getCalibration(reopened, first);
    expect(got.ok && got.value.record).toEqual(passed);
    expect(got.ok && got.value.record.verification.tables.map((t) => t.samplesPerPeriod)).toEqual([64, 128]);

    // Per board: the list, and the newest.
    expect(listCalibrations(reopened, '28FF4A1B2C3D4E5F').map((c) => c.id)).toEqual([first]);
    expect(listCalibrations(reopened, 'FFFFFFFFFFFFFFFF')).toEqual([]);
    const third = id(saveCalibration(reopened, { ...passed, completedAt: '2025-04-01T08:00:00.000Z' }));
    const latest = latestCalibration(reopened, '28FF4A1B2C3D4E5F');
    expect(latest.ok && latest.value?.id).toBe(third);
    expect(latestCalibration(reopened, 'FFFFFFFFFFFFFFFF')).toEqual({ ok: true, value: null });
    expect(getCalibration(reopened, 999)).toEqual({ ok: false, code: 'not-found', message: 'There is no calibration 999 in this project.' });
    reopened.db.close();
  });

  it('refuses a record that does not fit the schema, and stores nothing', () => {
    const { store } = fresh(tmp());
    const bad = { ...fixtureRecord(), board: { ...fixtureRecord().board, adcBits: 'ten' } } as unknown as CalibrationRecord;
    const r = saveCalibration(store, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('bad-calibration-record');
      expect(r.message).toContain('board.adcBits');
    }
    expect(listCalibrations(store)).toEqual([]);
    store.db.close();
  });

  it('reports a damaged row clearly, in the list and when it is opened, and keeps the others readable', () => {
    const { store } = fresh(tmp());
    const good = id(saveCalibration(store, fixtureRecord()));
    const truncated = id(saveCalibration(store, fixtureRecord()));
    const wrongShape = id(saveCalibration(store, fixtureRecord()));
    const json = store.db.prepare('SELECT record_json FROM calibrations WHERE id = ?').pluck().get(truncated) as string;
    store.db.prepare('UPDATE calibrations SET record_json = ? WHERE id = ?').run(json.slice(0, 200), truncated);
    const shape = JSON.parse(json) as Record<string, unknown>;
    delete shape.coefficients;
    store.db.prepare('UPDATE calibrations SET record_json = ? WHERE id = ?').run(JSON.stringify(shape), wrongShape);

    const list = listCalibrations(store);
    expect(list.map((c) => c.id)).toEqual([wrongShape, truncated, good]);
    const byId = new Map(list.map((c) => [c.id, c]));
    expect(byId.get(good)?.problem).toBeNull();
    // The columns still say which board and whether it passed; the record's fields are null.
    expect(byId.get(truncated)).toMatchObject({ boardSerial: '28FF4A1B2C3D4E5F', passed: true, verdict: null, reference: null });
    expect(byId.get(truncated)?.problem).toMatch(new RegExp(`^Stored calibration ${truncated} is damaged: its record is not valid JSON`));
    expect(byId.get(wrongShape)?.problem).toBe(`Calibration ${wrongShape}: Stored calibration is malformed at coefficients: Invalid input: expected object, received undefined`);

    const opened = getCalibration(store, wrongShape);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened).toMatchObject({ code: 'bad-calibration-record', message: byId.get(wrongShape)?.problem });
    // The newest of the board is the damaged one: said so, not skipped silently.
    const latest = latestCalibration(store, '28FF4A1B2C3D4E5F');
    expect(latest.ok).toBe(false);
    store.db.close();
  });

  it('names the reference as the certificate does', () => {
    expect(referenceLabel({ kind: 'typed', instrument: 'Fluke 1736 s/n 1234' })).toBe('Fluke 1736 s/n 1234 (typed readings)');
    expect(
      referenceLabel({ kind: 'modbus', model: 'sdm120', link: { transport: 'rtu', path: '/dev/ttyUSB1', baudRate: 2400, parity: 'none', stopBits: 1 }, unitId: 7, timeoutMs: 1000, instrument: '' }),
    ).toBe('Eastron SDM120-Modbus (Modbus RTU /dev/ttyUSB1, unit 7)');
  });
});
