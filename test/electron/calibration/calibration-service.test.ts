// The service behind the wizard's calls: one session at a time, state that crosses IPC as plain JSON and
// passes its schema, and cancel putting the board back as it was.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/api/result';
import { calibrationMethods, CalibrationSessionStateSchema } from '../../../shared/calibration/calibration-api';
import type { CalibrationSessionState } from '../../../shared/calibration/calibration-api';
import { scenarioTruth } from '../../../shared/signal/waveform';
import type { LoadSpec } from '../../../shared/signal/waveform';
import { CalibrationService } from '../../../electron/services/calibration/calibration-service';
import { fixtureRecord } from './record-fixture';
import { SyntheticCalibrationBoard } from './synthetic-calibration-board';

const SPEC = { accuracyClass: '1' as const, connection: 'direct' as const, basicCurrentA: 5, maxCurrentA: 15 };
const dir = mkdtempSync(path.join(tmpdir(), 'meterplan-calsvc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typed(board: SyntheticCalibrationBoard, load: LoadSpec) {
  const t = scenarioTruth({ mains: board.mains, load });
  return { voltageV: t.vrmsV, currentA: t.irmsA, activePowerW: t.activePowerW, powerFactor: t.powerFactor, frequencyHz: t.frequencyHz };
}

describe('calibration service', () => {
  it('answers every call with a result, before and during a session', async () => {
    const board = new SyntheticCalibrationBoard();
    const events: (CalibrationSessionState | null)[] = [];
    const service = new CalibrationService({ resolveBoard: async () => ok(board), onSessionChanged: (s) => events.push(s) });
    const h = service.handlers();
    expect(Object.keys(h).sort()).toEqual(Object.keys(calibrationMethods).sort());
    const none = await h.applyCalibration({});
    expect(none).toEqual({ ok: false, code: 'no-session', message: 'No calibration is under way: start one first.' });
    expect(await h.getCalibrationSession({})).toEqual({ ok: true, value: null });

    const started = await h.startCalibration({ board: {}, reference: { kind: 'typed', instrument: 'Fluke 1736' }, accuracy: SPEC, windowS: 0.2 });
    expect(started.ok).toBe(true);
    const again = await h.startCalibration({ board: {}, reference: { kind: 'typed', instrument: 'Fluke 1736' }, accuracy: SPEC, windowS: 0.2 });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.code).toBe('session-open');

    board.load = { kind: 'resistive', powerW: 2300 };
    const step = await h.measureCalibrationStep({ step: 'voltage', typed: { ...typed(board, board.load), samples: 1, durationS: 0 } });
    expect(step.ok).toBe(true);
    // Listeners saw the session busy, then idle with the new reading.
    const busy = events.filter((e) => e?.busy);
    expect(busy.length).toBeGreaterThan(0);
    expect(events.at(-1)?.busy).toBe(false);
    expect(events.at(-1)?.readings.voltage).toHaveLength(1);

    // The state is plain JSON and passes the schema the transport checks.
    if (step.ok) {
      const json = JSON.parse(JSON.stringify(step.value));
      expect(CalibrationSessionStateSchema.parse(json)).toEqual(step.value);
    }
  });

  it('cancel puts the previous coefficients back on the board and closes the session', async () => {
    const board = new SyntheticCalibrationBoard();
    const before = { ...board.working };
    const service = new CalibrationService({ resolveBoard: async () => ok(board) });
    const h = service.handlers();
    await h.startCalibration({ board: {}, reference: { kind: 'typed', instrument: 'Fluke 1736' }, accuracy: SPEC, windowS: 0.2 });
    for (const [load, step] of [
      [{ kind: 'resistive', powerW: 2300 }, 'voltage'],
      [{ kind: 'resistive', powerW: 2300 }, 'current'],
    ] as const) {
      board.load = load;
      const r = await h.measureCalibrationStep({ step, typed: { ...typed(board, load), samples: 1, durationS: 0 } });
      expect(r.ok).toBe(true);
    }
    expect((await h.applyCalibration({})).ok).toBe(true);
    expect(board.working).not.toEqual(before);
    expect(await h.cancelCalibration({})).toEqual({ ok: true, value: null });
    expect(board.working).toEqual(before);
    expect(await h.getCalibrationSession({})).toEqual({ ok: true, value: null });
  });

  it('a board that cannot be reached fails the start with its reason', async () => {
    const service = new CalibrationService({ resolveBoard: async () => ({ ok: false, code: 'not-connected', message: 'Connect the board before calibrating it.' }) });
    const r = await service.handlers().startCalibration({ board: {}, reference: { kind: 'typed', instrument: 'x' }, accuracy: SPEC, windowS: 1 });
    expect(r).toEqual({ ok: false, code: 'not-connected', message: 'Connect the board before calibrating it.' });
  });

  it('exports the certificate of a record', async () => {
    const service = new CalibrationService({ resolveBoard: async () => ok(new SyntheticCalibrationBoard()) });
    const file = path.join(dir, 'certificate.pdf');
    const r = await service.handlers().exportCalibrationCertificate({ record: fixtureRecord(), path: file });
    expect(r.ok && r.value.bytes).toBeGreaterThan(1000);
    expect(existsSync(file)).toBe(true);
  });

  it('the call schemas refuse what the wizard must not send', () => {
    expect(calibrationMethods.measureCalibrationStep.args.safeParse({ step: 'gain' }).success).toBe(false);
    expect(calibrationMethods.measureVerificationPoint.args.safeParse({ label: 'x', samplesPerPeriod: 100 }).success).toBe(false);
    expect(calibrationMethods.startCalibration.args.safeParse({ reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: 'h', port: 70000 } }, accuracy: SPEC }).success).toBe(false);
    const parsed = calibrationMethods.startCalibration.args.parse({ reference: { kind: 'modbus', model: 'sdm120', link: { transport: 'rtu', path: '/dev/ttyUSB0' } }, accuracy: SPEC });
    // MODBUS over Serial Line V1.02 defaults (19200 baud, even parity), unit 1, a 1 s window.
    expect(parsed.reference).toMatchObject({ unitId: 1, timeoutMs: 1000, link: { baudRate: 19200, parity: 'even', stopBits: 1 } });
    expect(parsed.windowS).toBe(1);
  });
});
