// Calibration against a reference meter read over Modbus, with a real Modbus stack on the other side:
// a pymodbus slave emulating a PAC3200 (Modbus TCP) or an SDM120 (Modbus RTU on a socat pseudo-terminal)
// that reports the simulated truth of the load the board sees. The service drives the board with
// deliberate gain, offset and phase errors to a verification that passes class 1.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccuracyClassSpec } from '../../../shared/calibration/accuracy-class';
import type { LoadSpec } from '../../../shared/signal/waveform';
import { scenarioTruth } from '../../../shared/signal/waveform';
import { CalibrationService } from '../../../electron/services/calibration/calibration-service';
import { ok } from '../../../shared/api/result';
import type { PtyBridge, RunningSlave } from '../reference-meter/slave-process';
import { startPtyBridge, startSlave } from '../reference-meter/slave-process';
import { SyntheticCalibrationBoard } from './synthetic-calibration-board';

const SPEC: AccuracyClassSpec = { accuracyClass: '1', connection: 'direct', basicCurrentA: 5, maxCurrentA: 15 };
const NO_LOAD: LoadSpec = { kind: 'none' };
const R10: LoadSpec = { kind: 'resistive', powerW: 2300 };
const R2: LoadSpec = { kind: 'resistive', powerW: 460 };
const R1: LoadSpec = { kind: 'resistive', powerW: 230 };
const L5: LoadSpec = { kind: 'inductive', apparentPowerVA: 1150, powerFactor: 0.5 };

/** What the reference meter displays for a load: the scenario's truth (PF 1 with no load, as meters show). */
function meterValues(board: SyntheticCalibrationBoard, load: LoadSpec): Record<string, number> {
  const t = scenarioTruth({ mains: board.mains, load });
  return { voltageV: t.vrmsV, currentA: t.irmsA, activePowerW: t.activePowerW, reactivePowerVar: t.reactivePowerVar, powerFactor: Number.isFinite(t.powerFactor) ? t.powerFactor : 1, frequencyHz: t.frequencyHz };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function calibrateOverModbus(board: SyntheticCalibrationBoard, slave: RunningSlave, service: CalibrationService) {
  const h = service.handlers();
  /** The operator switches the load; the reference meter sees it too. */
  const load = async (l: LoadSpec) => {
    board.load = l;
    await slave.setValues(meterValues(board, l));
  };
  const step = async (l: LoadSpec, step: 'zero' | 'voltage' | 'current' | 'phase' | 'unity') => {
    await load(l);
    const r = await h.measureCalibrationStep({ step });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  await step(NO_LOAD, 'zero');
  await step(R10, 'voltage');
  await step(R10, 'current');
  await step(R2, 'current');
  await step(L5, 'phase');
  const s = await step(R10, 'unity');
  expect(s.readings.phase[0].reference.samples).toBeGreaterThanOrEqual(2); // polled over the window
  const applied = await h.applyCalibration({});
  if (!applied.ok) throw new Error(applied.message);
  for (const samplesPerPeriod of [64, 128] as const) {
    for (const [label, l] of [
      ['Resistive 10 A', R10],
      ['Resistive 1 A', R1],
      ['Inductive 5 A, PF 0.5', L5],
    ] as const) {
      await load(l);
      const r = await h.measureVerificationPoint({ label, samplesPerPeriod });
      if (!r.ok) throw new Error(r.message);
    }
  }
  return h.finishCalibration({ operator: 'CI', notes: '' });
}

describe('calibration with a Modbus reference meter', () => {
  it('PAC3200 over Modbus TCP: the board’s errors are corrected and verification passes class 1', async () => {
    const board = new SyntheticCalibrationBoard();
    const slave = await startSlave({ meter: 'pac3200', values: meterValues(board, NO_LOAD) });
    cleanup.push(() => slave.stop());
    const service = new CalibrationService({ resolveBoard: async () => ok(board), pollIntervalMs: 10 });
    cleanup.push(() => service.dispose());
    const started = await service.start({ reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: '127.0.0.1', port: slave.port }, instrument: 's/n TEST' }, accuracy: SPEC, windowS: 0.1 });
    expect(started.ok).toBe(true);
    const record = await calibrateOverModbus(board, slave, service);
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    expect(record.value.verification.verdict.verdict).toBe('pass');
    expect(record.value.storedOnBoard).toBe(true);
    expect(board.eeprom).toEqual(record.value.coefficients);
    expect(Math.abs(record.value.coefficients.phaseCorrectionDeg - 2.5)).toBeLessThan(0.1);
    const pRows = record.value.verification.tables.flatMap((t) => t.rows).filter((r) => r.quantity === 'activePower');
    expect(pRows).toHaveLength(6);
    expect(pRows.every((r) => r.verdict === 'pass')).toBe(true);
    expect(record.value.reference).toMatchObject({ kind: 'modbus', model: 'pac3200' });
  });

  it('SDM120 over Modbus RTU on a pseudo-terminal: same result', async () => {
    const board = new SyntheticCalibrationBoard();
    const slave = await startSlave({ meter: 'sdm120', framer: 'rtu', values: meterValues(board, NO_LOAD) });
    cleanup.push(() => slave.stop());
    const bridge: PtyBridge = await startPtyBridge(slave.port);
    cleanup.push(() => bridge.stop());
    const service = new CalibrationService({ resolveBoard: async () => ok(board), pollIntervalMs: 10 });
    cleanup.push(() => service.dispose());
    const started = await service.start({ reference: { kind: 'modbus', model: 'sdm120', link: { transport: 'rtu', path: bridge.path } }, accuracy: SPEC, windowS: 0.1 });
    expect(started.ok).toBe(true);
    const record = await calibrateOverModbus(board, slave, service);
    expect(record.ok && record.value.verification.verdict.verdict).toBe('pass');
  });

  it('a meter reading zero volts is refused with a clear message, and the step is not recorded', async () => {
    const board = new SyntheticCalibrationBoard();
    const slave = await startSlave({ meter: 'pac3200', values: { ...meterValues(board, R10), voltageV: 0 } });
    cleanup.push(() => slave.stop());
    const service = new CalibrationService({ resolveBoard: async () => ok(board), pollIntervalMs: 10 });
    cleanup.push(() => service.dispose());
    await service.start({ reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: '127.0.0.1', port: slave.port } }, accuracy: SPEC, windowS: 0.1 });
    board.load = R10;
    const r = await service.handlers().measureCalibrationStep({ step: 'voltage' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/reference voltage is 0 V: a reading of zero or less cannot calibrate the board/);
    const s = await service.handlers().getCalibrationSession({});
    expect(s.ok && s.value?.readings.voltage).toHaveLength(0);
  });

  it('a meter that stops answering fails the step with the timeout, and one that never answers fails the start', async () => {
    const board = new SyntheticCalibrationBoard();
    const silent = await startSlave({ meter: 'pac3200', values: meterValues(board, R10), serveUnit: 5 });
    cleanup.push(() => silent.stop());
    const service = new CalibrationService({ resolveBoard: async () => ok(board), pollIntervalMs: 10 });
    cleanup.push(() => service.dispose());
    const start = await service.start({ reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: '127.0.0.1', port: silent.port }, timeoutMs: 200 }, accuracy: SPEC, windowS: 0.1 });
    expect(start.ok).toBe(false);
    if (!start.ok) expect(start.message).toMatch(/did not answer the read of Voltage Va-n \(offset 1\) within 200 ms/);

    const slave = await startSlave({ meter: 'pac3200', values: meterValues(board, R10) });
    cleanup.push(() => slave.stop());
    const started = await service.start({ reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: '127.0.0.1', port: slave.port }, timeoutMs: 200 }, accuracy: SPEC, windowS: 0.1 });
    expect(started.ok).toBe(true);
    await slave.stop();
    board.load = R10;
    const r = await service.handlers().measureCalibrationStep({ step: 'voltage' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/PAC3200.*(did not answer|failed|closed).*The step was not recorded\./);
  });
});
