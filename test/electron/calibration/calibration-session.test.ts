// The calibration session on a board with known errors, with readings typed by the engineer (the
// reference's truth). The Modbus-driven run is in calibration-modbus.test.ts.
import { describe, expect, it } from 'vitest';
import type { AccuracyClassSpec } from '../../../shared/calibration/accuracy-class';
import type { ReferenceReading } from '../../../shared/calibration/reference-reading';
import type { LoadSpec } from '../../../shared/signal/waveform';
import { scenarioTruth } from '../../../shared/signal/waveform';
import { CalibrationSession } from '../../../electron/services/calibration/calibration-session';
import { TEST_ERRORS } from '../../shared/calibration/synthetic-board';
import { SyntheticCalibrationBoard } from './synthetic-calibration-board';

const SPEC: AccuracyClassSpec = { accuracyClass: '1', connection: 'direct', basicCurrentA: 5, maxCurrentA: 15 };
const NO_LOAD: LoadSpec = { kind: 'none' };
const R10: LoadSpec = { kind: 'resistive', powerW: 2300 };
const R2: LoadSpec = { kind: 'resistive', powerW: 460 };
const R1: LoadSpec = { kind: 'resistive', powerW: 230 };
const L5: LoadSpec = { kind: 'inductive', apparentPowerVA: 1150, powerFactor: 0.5 };

function truth(board: SyntheticCalibrationBoard, load: LoadSpec): ReferenceReading {
  const t = scenarioTruth({ mains: board.mains, load });
  const all = { voltageV: t.vrmsV, currentA: t.irmsA, activePowerW: t.activePowerW, reactivePowerVar: t.reactivePowerVar, powerFactor: t.powerFactor, frequencyHz: t.frequencyHz };
  // A meter shows no power factor with no load (0/0): leave it out, as the engineer would.
  return { ...Object.fromEntries(Object.entries(all).filter(([, v]) => Number.isFinite(v))), samples: 1, durationS: 0 };
}

async function open(board = new SyntheticCalibrationBoard()) {
  const s = await CalibrationSession.start({ board, reference: { kind: 'typed' }, referenceSource: { kind: 'typed', instrument: 'Fluke 1736 s/n 42' }, accuracy: SPEC, windowS: 0.2, now: () => new Date('2025-06-01T10:00:00Z') });
  if (!s.ok) throw new Error(s.message);
  return { board, session: s.value };
}

/** Walks the steps as the wizard does: the operator switches the load, then asks for a measurement. */
async function calibrate(board: SyntheticCalibrationBoard, session: CalibrationSession, options: { phase?: boolean } = {}) {
  const step = async (load: LoadSpec, args: Parameters<CalibrationSession['measureStep']>[0]) => {
    board.load = load;
    const r = await session.measureStep({ ...args, typed: args.typed ?? truth(board, load) });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  await step(NO_LOAD, { step: 'zero' });
  await step(R10, { step: 'voltage' });
  await step(R10, { step: 'current' });
  await step(R2, { step: 'current' });
  if (options.phase !== false) await step(L5, { step: 'phase' });
  return step(R10, { step: 'unity' });
}

async function verify(board: SyntheticCalibrationBoard, session: CalibrationSession) {
  for (const samplesPerPeriod of [64, 128] as const) {
    for (const [label, load] of [
      ['Resistive 10 A', R10],
      ['Resistive 1 A', R1],
      ['Inductive 5 A, PF 0.5', L5],
    ] as const) {
      board.load = load;
      const r = await session.measureVerification({ label, samplesPerPeriod, typed: truth(board, load) });
      if (!r.ok) throw new Error(r.message);
    }
  }
}

describe('calibration session with typed readings', () => {
  it('corrects the board’s gain, offset and phase errors: verification passes class 1, coefficients stored', async () => {
    const { board, session } = await open();
    const before = { ...board.eeprom };
    const state = await calibrate(board, session);
    expect(state.proposed).not.toBeNull();
    expect(Math.abs(state.proposed!.phaseCorrectionDeg - TEST_ERRORS.currentLeadDeg)).toBeLessThan(0.1);
    expect(Math.abs(state.steps.unity!.errorPercent)).toBeLessThan(0.3);
    expect(state.readings.current).toHaveLength(2);

    const applied = await session.apply();
    expect(applied.ok && applied.value.status).toBe('applied');
    expect(board.working).toEqual(state.proposed);
    expect(board.eeprom).toEqual(before); // not stored until verified

    await verify(board, session);
    const v = session.state().verification;
    expect(v.tables.map((t) => t.samplesPerPeriod)).toEqual([64, 128]);
    const pRows = v.tables.flatMap((t) => t.rows).filter((r) => r.quantity === 'activePower');
    expect(pRows).toHaveLength(6);
    for (const r of pRows) {
      expect(r.verdict).toBe('pass');
      expect(Math.abs(r.errorPercent)).toBeLessThan(0.5);
    }
    expect(v.verdict.verdict).toBe('pass');

    const record = await session.finish({ operator: 'Tester' });
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    expect(record.value.storedOnBoard).toBe(true);
    expect(record.value.verification.verdict.verdict).toBe('pass');
    expect(record.value.previousCoefficients).toEqual(before);
    expect(board.eeprom).toEqual(record.value.coefficients);
    expect(record.value.completedAt).toBe('2025-06-01T10:00:00.000Z');
    expect(record.value.board.boardSerial).toBe('00000000C0FFEE01');
    expect(board.identity().samplesPerPeriod).toBe(64); // back to the calibration rate
    expect(session.state().status).toBe('finished');
    expect((await session.apply()).ok).toBe(false);
  });

  it('without the phase step the PF 0.5 points fail, and the board gets its previous calibration back', async () => {
    const { board, session } = await open();
    const before = { ...board.working };
    await calibrate(board, session, { phase: false });
    expect((await session.apply()).ok).toBe(true);
    await verify(board, session);
    const v = session.state().verification.verdict;
    expect(v.verdict).toBe('fail');
    // The current leads by 2.5°: the board sees 57.5° instead of 60°, so P reads cos 57.5°/cos 60° − 1 = +7.5 % high.
    expect(v.reasons).toContainEqual(expect.stringMatching(/Inductive 5 A, PF 0\.5 at 64 samples\/period: P error 7\.[45]\d % exceeds ±1 %/));
    const record = await session.finish();
    expect(record.ok && record.value.storedOnBoard).toBe(false);
    expect(board.working).toEqual(before);
    expect(board.eeprom).toEqual(before);
  });

  it('refuses a reference reading of zero or less with a clear message, and records nothing', async () => {
    const { board, session } = await open();
    board.load = R10;
    const zero = await session.measureStep({ step: 'voltage', typed: { voltageV: 0 } });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.message).toMatch(/reference voltage is 0 V: a reading of zero or less cannot calibrate the board/);
    const negative = await session.measureStep({ step: 'current', typed: { currentA: -10 } });
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.message).toMatch(/reference current is -10 A/);
    const nan = await session.measureStep({ step: 'voltage', typed: { voltageV: Number.NaN } });
    expect(nan.ok).toBe(false);
    if (!nan.ok) expect(nan.message).toMatch(/typed reference voltageV is not valid/);
    const missing = await session.measureStep({ step: 'voltage' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.code).toBe('missing-reference');
    const s = session.state();
    expect(s.readings.voltage).toHaveLength(0);
    expect(s.readings.current).toHaveLength(0);
    expect(s.proposed).toBeNull();
    expect(s.proposedProblem).toMatch(/voltage gain step has not been done/);
  });

  it('a board that rejects the coefficients (NACK) keeps its previous calibration, with a clear message', async () => {
    const { board, session } = await open();
    const before = { ...board.working };
    await calibrate(board, session);
    board.rejectWrites = true;
    const r = await session.apply();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('The board refused the new coefficients: The board answered NACK (busy). Its previous calibration is kept.');
    expect(board.working).toEqual(before);
    expect(session.state().status).toBe('measuring');
    // Once the board accepts again, the same session goes on.
    board.rejectWrites = false;
    expect((await session.apply()).ok).toBe(true);
  });

  it('a board that cannot store (EEPROM failure) gets its previous coefficients back', async () => {
    const { board, session } = await open();
    const before = { ...board.working };
    await calibrate(board, session);
    await session.apply();
    await verify(board, session);
    board.rejectStore = true;
    const r = await session.finish();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/could not store the new coefficients: The board answered NACK \(eepromFailure\)\. Its previous calibration was put back\./);
    expect(board.working).toEqual(before);
    expect(board.eeprom).toEqual(before);
  });

  it('measuring a step again after apply puts the previous coefficients back and clears the verification', async () => {
    const { board, session } = await open();
    const before = { ...board.working };
    await calibrate(board, session);
    await session.apply();
    board.load = R10;
    await session.measureVerification({ label: 'R10', samplesPerPeriod: 64, typed: truth(board, R10) });
    expect(session.state().verification.points).toHaveLength(1);
    board.load = L5;
    const again = await session.measureStep({ step: 'phase', typed: truth(board, L5) });
    expect(again.ok && again.value.status).toBe('measuring');
    expect(board.working).toEqual(before);
    expect(session.state().verification.points).toHaveLength(0);
  });

  it('refuses the zero step with a load on, the phase step at unity, and two operations at once', async () => {
    const { board, session } = await open();
    board.load = R10;
    const zero = await session.measureStep({ step: 'zero', typed: { currentA: 10 } });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.code).toBe('load-present');
    const phase = await session.measureStep({ step: 'phase', typed: truth(board, R10) });
    expect(phase.ok).toBe(false);
    if (!phase.ok) expect(phase.code).toBe('load-not-inductive');
    const [a, b] = await Promise.all([session.measureStep({ step: 'voltage', typed: truth(board, R10) }), session.measureStep({ step: 'voltage', typed: truth(board, R10) })]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.code).toBe('busy');
    const verify = await session.measureVerification({ label: 'x', samplesPerPeriod: 64, typed: truth(board, R10) });
    expect(verify.ok).toBe(false);
    if (!verify.ok) expect(verify.message).toMatch(/Apply the coefficients/);
  });

  it('a current point can be replaced and removed, and the fit follows', async () => {
    const { board, session } = await open();
    await calibrate(board, session);
    const g2 = session.state().steps.current!.gain;
    const removed = await session.removePoint('current', 1);
    expect(removed.ok && removed.value.readings.current).toHaveLength(1);
    board.load = R2;
    // A wrong typed value (2 % high) at point 1 moves the gain by about 2 %.
    const wrong = { ...truth(board, R2), currentA: 2 * 1.02 };
    const replaced = await session.measureStep({ step: 'current', pointIndex: 0, typed: wrong });
    expect(replaced.ok).toBe(true);
    if (replaced.ok) expect(replaced.value.steps.current!.gain / g2).toBeCloseTo(1.02, 2);
  });
});
