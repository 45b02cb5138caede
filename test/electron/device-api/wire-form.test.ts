// The wire form of the device manager's batches and statuses: NaN becomes null (JSON has no NaN and the
// renderer's schema refuses it), samples are rounded to 1 mV / 0.1 mA, the newest valid temperature is
// kept — and what comes out passes the contract's schema after a JSON round trip.
import { describe, expect, it } from 'vitest';
import { DeviceStatusSchema, SampleBatchSchema } from '../../../shared/api/device-api';
import { connectErrorCode, wireBatch, wireStatus } from '../../../electron/services/app/device-handlers';
import type { DeviceBatch, MeasurementWindow } from '../../../shared/protocol/device-types';
import { emptyLinkStats } from '../../../shared/protocol/device-types';

const window: MeasurementWindow = {
  endSampleIndex: 1280,
  durationS: 0.2,
  vrmsV: 230.01,
  irmsA: 0,
  activePowerW: 0,
  apparentPowerVA: 0,
  reactivePowerVar: 0,
  powerFactor: Number.NaN,
  frequencyHz: 50.002,
  voltageThd: 0.011,
  currentThd: Number.NaN,
  voltageHarmonicsV: [0, 230, 1.2],
  currentHarmonicsA: [0, Number.NaN, Number.NaN],
};

const batch: DeviceBatch = {
  firstSampleIndex: 1000,
  sampleRateHz: 6400,
  voltageV: [325.12345, Number.NaN, -0.00049],
  currentA: [1.234567, Number.NaN, -10.00004],
  lostSamples: 1,
  measurements: [window, { ...window, vrmsV: Number.NaN }],
  boardMetrics: [],
  temperatures: [
    { sensorIndex: 0, status: 0, raw16thC: 392, temperatureC: 24.5 },
    { sensorIndex: 0, status: 1, raw16thC: 0, temperatureC: 0 },
  ],
  activeEnergyWh: 1.5,
  stats: emptyLinkStats(),
  receivedAtMs: 1_700_000_000_000,
};

describe('wire form', () => {
  it('rounds samples, turns lost ones into null and keeps the index contract', () => {
    const w = wireBatch(batch, 7, 1_700_000_000_010);
    expect(w.voltageV).toEqual([325.123, null, -0]);
    expect(w.currentA).toEqual([1.2346, null, -10]);
    expect(w).toMatchObject({ seq: 7, firstSampleIndex: 1000, lostSamples: 1, receivedAtMs: 1_700_000_000_000, sentAtMs: 1_700_000_000_010 });
  });

  it('keeps windows with values, with NaN as null, and the newest temperature whose sensor answered', () => {
    const w = wireBatch(batch, 0, 0);
    expect(w.measurements).toHaveLength(1);
    expect(w.measurements[0]).toMatchObject({ powerFactor: null, frequencyHz: 50.002, currentThd: null, currentHarmonicsA: [0, null, null] });
    expect(w.temperatureC).toBe(24.5);
    expect(SampleBatchSchema.safeParse(JSON.parse(JSON.stringify(w))).success).toBe(true);
    // The same batch without conversion would be refused by the renderer.
    expect(SampleBatchSchema.safeParse({ ...w, voltageV: [Number.NaN] }).success).toBe(false);
  });

  it('passes the status schema with the last connect error', () => {
    const s = wireStatus(
      { state: 'disconnected', path: '/dev/ttyUSB0', baudRate: 1_000_000, mode: 'binary', identity: null, calibration: null, sampleRateHz: null, stats: emptyLinkStats(), message: 'no such port' },
      'not-found',
    );
    expect(DeviceStatusSchema.parse(JSON.parse(JSON.stringify(s)))).toMatchObject({ lastErrorCode: 'not-found' });
  });

  it('names a handshake that heard only garbage as a wrong baud rate', () => {
    expect(connectErrorCode('no-answer', 'the board did not answer on /dev/x within 1500 ms: 812 bytes came back but no valid frame (wrong baud rate, or a board in text mode?)')).toBe('wrong-baud');
    expect(connectErrorCode('no-answer', 'the board did not answer on /dev/x within 1500 ms: nothing came back')).toBe('no-answer');
    expect(connectErrorCode('busy', 'in use')).toBe('busy');
  });
});
