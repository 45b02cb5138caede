// The whole chain: the built-in virtual meter (deliberate gain, offset and phase errors, protocol v1)
// behind the device manager, calibrated by the calibration service against a pymodbus PAC3200-like slave
// that reports the virtual meter's simulated truth. After calibration the board's own readings pass
// class 1 at 64 and 128 samples per period; a board that refuses the coefficients keeps its calibration.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccuracyClassSpec } from '../../../shared/calibration/accuracy-class';
import { idealCalibration, defaultBoardModel } from '../../../shared/signal/adc-model';
import type { LoadSpec } from '../../../shared/signal/waveform';
import { DeviceManager } from '../../../electron/services/device/device-manager';
import { VirtualMeter } from '../../../electron/services/virtual-meter/virtual-meter';
import { virtualMeterPort, VIRTUAL_METER_PATH } from '../../../electron/services/virtual-meter/virtual-meter-ports';
import type { CalibrationDevice } from '../../../electron/services/calibration/device-calibration-board';
import { DeviceCalibrationBoard } from '../../../electron/services/calibration/device-calibration-board';
import { CalibrationService } from '../../../electron/services/calibration/calibration-service';
import type { RunningSlave } from '../reference-meter/slave-process';
import { startSlave } from '../reference-meter/slave-process';

// The virtual board's design: a 100 A clamp over a 10-bit ADC (0.3 A per count). Rated Ib = 10 A, Imax = 100 A.
const SPEC: AccuracyClassSpec = { accuracyClass: '1', connection: 'direct', basicCurrentA: 10, maxCurrentA: 100 };
const NO_LOAD: LoadSpec = { kind: 'none' };
const R10: LoadSpec = { kind: 'resistive', powerW: 2300 };
const R40: LoadSpec = { kind: 'resistive', powerW: 9200 };
const R3: LoadSpec = { kind: 'resistive', powerW: 690 };
const L20: LoadSpec = { kind: 'inductive', apparentPowerVA: 4600, powerFactor: 0.5 };

function meterValues(meter: VirtualMeter): Record<string, number> {
  const t = meter.truth();
  return { voltageV: t.vrmsV, currentA: t.irmsA, activePowerW: t.activePowerW, reactivePowerVar: t.reactivePowerVar, powerFactor: Number.isFinite(t.powerFactor) ? t.powerFactor : 1, frequencyHz: t.frequencyHz };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function bench(wrap: (d: DeviceManager) => CalibrationDevice = (d) => d) {
  const meter = new VirtualMeter({ load: NO_LOAD, samplesPerPeriod: 128 });
  // A generous silence limit: on a loaded 2-core CI machine the link watchdog is not what is tested here.
  const devices = new DeviceManager({ silenceTimeoutMs: 3000 });
  devices.registerInProcessPort(virtualMeterPort(meter));
  cleanup.push(() => devices.dispose());
  const connected = await devices.connect({ path: VIRTUAL_METER_PATH });
  if (!connected.ok) throw new Error(connected.message);
  const slave = await startSlave({ meter: 'pac3200', values: meterValues(meter) });
  cleanup.push(() => slave.stop());
  const service = new CalibrationService({ resolveBoard: async () => DeviceCalibrationBoard.fromDevice(wrap(devices)), pollIntervalMs: 10 });
  cleanup.push(() => service.dispose());
  const started = await service.start({ reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: '127.0.0.1', port: slave.port } }, accuracy: SPEC, windowS: 0.2 });
  if (!started.ok) throw new Error(started.message);
  return { meter, devices, slave, service, h: service.handlers() };
}

type Bench = Awaited<ReturnType<typeof bench>>;

/** The operator switches the load; the reference meter, on the same line, sees it too. */
async function load(b: { meter: VirtualMeter; slave: RunningSlave }, l: LoadSpec): Promise<void> {
  b.meter.setLoad(l);
  await b.slave.setValues(meterValues(b.meter));
}

async function steps(b: Bench): Promise<void> {
  for (const [l, step] of [
    [NO_LOAD, 'zero'],
    [R10, 'voltage'],
    [R10, 'current'],
    [R40, 'current'],
    [L20, 'phase'],
    [R10, 'unity'],
  ] as const) {
    await load(b, l);
    const r = await b.h.measureCalibrationStep({ step });
    if (!r.ok) throw new Error(`${step}: ${r.message}`);
  }
}

describe('calibrating the virtual meter through the device manager against a Modbus reference', () => {
  it('finds the board’s errors, and its own readings then pass class 1 at 64 and 128 samples per period', async () => {
    const b = await bench();
    const nominal = b.meter.calibration;
    // Before: the board's design coefficients read 2.3 % high on voltage, and so on.
    await steps(b);
    const state = await b.h.getCalibrationSession({});
    const proposed = state.ok ? state.value?.proposed : null;
    expect(proposed).toBeTruthy();
    if (!proposed) return;
    const ideal = idealCalibration(defaultBoardModel());
    expect(Math.abs(proposed.voltageGainVPerCount / ideal.voltageGainVPerCount - 1)).toBeLessThan(2e-3);
    expect(Math.abs(proposed.currentGainAPerCount / ideal.currentGainAPerCount - 1)).toBeLessThan(3e-3);
    expect(Math.abs(proposed.voltageOffsetCounts - ideal.voltageOffsetCounts)).toBeLessThan(0.2);
    expect(Math.abs(proposed.currentOffsetCounts - ideal.currentOffsetCounts)).toBeLessThan(0.2);
    expect(Math.abs(proposed.phaseCorrectionDeg - ideal.phaseCorrectionDeg)).toBeLessThan(0.1);

    const applied = await b.h.applyCalibration({});
    expect(applied.ok).toBe(true);
    for (const samplesPerPeriod of [64, 128] as const) {
      for (const [label, l] of [
        ['Resistive 10 A', R10],
        ['Resistive 3 A', R3],
        ['Inductive 20 A, PF 0.5', L20],
      ] as const) {
        await load(b, l);
        const r = await b.h.measureVerificationPoint({ label, samplesPerPeriod });
        if (!r.ok) throw new Error(`${label} @ ${samplesPerPeriod}: ${r.message}`);
      }
    }
    const record = await b.h.finishCalibration({ operator: 'CI', notes: '' });
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    const rows = record.value.verification.tables.flatMap((t) => t.rows);
    const p = rows.filter((r) => r.quantity === 'activePower');
    expect(p).toHaveLength(6);
    for (const r of p) {
      expect(r.verdict, `${r.point} at ${r.samplesPerPeriod}`).toBe('pass');
      // Measured: within ±0.2 % on a quiet machine and up to 0.51 % at 3 A on a loaded CI machine (the
      // board's and the reference's windows drift apart when the process is starved), against ±1 % allowed.
      expect(Math.abs(r.errorPercent), `${r.point} at ${r.samplesPerPeriod}`).toBeLessThan(0.8);
    }
    expect(record.value.verification.verdict.verdict).toBe('pass');
    expect(record.value.storedOnBoard).toBe(true);
    // What the virtual board holds and stored is what was fitted (as float32).
    expect(b.meter.storedCalibration.phaseCorrectionDeg).toBeCloseTo(record.value.coefficients.phaseCorrectionDeg, 5);
    expect(b.meter.storedCalibration).not.toEqual(nominal);
    expect(b.meter.identity.samplesPerPeriod).toBe(128);
  });

  it('a board that refuses the coefficients (NACK outOfRange) keeps its previous calibration, with a clear message', async () => {
    // A firmware with stricter limits than ours: simulated by sending a phase it cannot hold.
    const b = await bench((d) => ({
      getStatus: () => d.getStatus(),
      onBatch: (l) => d.onBatch(l),
      startStreaming: () => d.startStreaming(),
      readCalibration: () => d.readCalibration(),
      storeCalibration: () => d.storeCalibration(),
      setSamplesPerPeriod: (s) => d.setSamplesPerPeriod(s),
      writeCalibration: (c) => d.writeCalibration({ ...c, phaseCorrectionDeg: c.phaseCorrectionDeg * 100 }),
    }));
    const before = b.meter.calibration;
    const stored = b.meter.storedCalibration;
    await steps(b);
    const r = await b.h.applyCalibration({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('The board refused the new coefficients: The board refused the coefficients as out of range and keeps the previous ones. Its previous calibration is kept.');
    expect(b.meter.calibration).toEqual(before);
    expect(b.meter.storedCalibration).toEqual(stored);
    expect(b.meter.counters.nacksSent).toBeGreaterThanOrEqual(1);
    const s = await b.h.getCalibrationSession({});
    expect(s.ok && s.value?.status).toBe('measuring');
  });
});

