// The bench's renderer side without a browser: what the store keeps from events (measurements at window
// rate, a failed connect until the next attempt, nothing stale once the stream stops), the capture built
// from the screen, the link's one-line status and its advice, readings with fixed decimals, and autoset.
import { describe, expect, it } from 'vitest';
import type { DeviceStatusWire, MeasurementWindowWire, SampleBatch } from '../../../shared/api/device-api';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import { BenchController } from '../../../renderer/src/features/scope/bench-controller';
import { autoset } from '../../../renderer/src/features/scope/engine/autoset';
import { SampleRing } from '../../../renderer/src/features/scope/engine/sample-ring';
import { connectErrorKey, linkLine } from '../../../renderer/src/features/scope/link-status';
import { formatPerDiv, formatReading } from '../../../renderer/src/features/scope/measurement-format';
import { createFakeApi } from '../fake-api';

const window: MeasurementWindowWire = {
  endSampleIndex: 1280,
  durationS: 0.2,
  vrmsV: 230.04,
  irmsA: 10.002,
  activePowerW: 2300.4,
  apparentPowerVA: 2300.9,
  reactivePowerVar: 1.2,
  powerFactor: 0.9998,
  frequencyHz: 50.0012,
  voltageThd: 0.0003,
  currentThd: 0.0024,
  voltageHarmonicsV: Array.from({ length: 16 }, (_, k) => (k === 1 ? 230 : 0.01)),
  currentHarmonicsA: Array.from({ length: 16 }, (_, k) => (k === 1 ? 10 : 0.001)),
};

const status = (state: DeviceStatusWire['state'], patch: Partial<DeviceStatusWire> = {}): DeviceStatusWire => ({
  state,
  path: 'virtual:meter',
  baudRate: 1_000_000,
  mode: 'binary',
  identity: state === 'streaming' ? { protocolVersion: 1, firmwareVersion: '1.0.0', boardSerial: '4D50564D00000001', channelCount: 2, samplesPerPeriod: 128, adcBits: 10, nominalFrequencyHz: 50, sampleRateHz: 6400, blockPairs: 32, streaming: true } : null,
  calibration: null,
  sampleRateHz: state === 'streaming' ? 6400 : null,
  stats: { ...emptyLinkStats(), lostFrames: 2 },
  message: null,
  lastErrorCode: null,
  ...patch,
});

function batch(first: number, n: number, measurements: MeasurementWindowWire[] = []): SampleBatch {
  const v = Array.from({ length: n }, (_, k) => Math.round(325.27 * Math.sin((2 * Math.PI * (first + k)) / 128 + 0.3) * 1000) / 1000);
  return { seq: first, firstSampleIndex: first, sampleRateHz: 6400, voltageV: v, currentA: v.map((x) => x / 23), lostSamples: 0, measurements, temperatureC: 24.5, activeEnergyWh: 1.25, stats: emptyLinkStats(), receivedAtMs: 0, sentAtMs: 0 };
}

describe('BenchController', () => {
  it('keeps the newest window and temperature, and forgets them when the stream stops', () => {
    const fake = createFakeApi({});
    const bench = new BenchController(fake.api, { requestFrame: () => undefined });
    fake.emit('deviceStatus', status('streaming'));
    fake.emit('sampleBatch', batch(0, 200, [window]));
    expect(bench.store.getState()).toMatchObject({ measurement: window, temperatureC: 24.5, activeEnergyWh: 1.25 });
    expect(fake.listenerCount('sampleBatch')).toBe(1); // one schema check per batch, shared with the engine
    fake.emit('deviceStatus', status('reconnecting'));
    expect(bench.store.getState().measurement).toBeNull();
    expect(bench.engine.stats().state).toBe('no-signal');
    bench.dispose();
    expect(fake.listenerCount('sampleBatch')).toBe(0);
  });

  it('keeps a failed connect until the next attempt', async () => {
    const fake = createFakeApi({
      connectDevice: async ({ path }) => (path === 'bad' ? { ok: false, code: 'not-found', message: 'bad: no such port' } : { ok: true, value: status('streaming') }),
    });
    const bench = new BenchController(fake.api, { requestFrame: () => undefined });
    await bench.connect({ path: 'bad' });
    expect(bench.store.getState().connectError).toEqual({ code: 'not-found', message: 'bad: no such port' });
    const attempt = bench.connect({ path: 'virtual:meter' });
    expect(bench.store.getState()).toMatchObject({ connectError: null, busy: true });
    await attempt;
    expect(bench.store.getState()).toMatchObject({ connectError: null, busy: false, status: { state: 'streaming' } });
  });

  it('captures what the screen shows, with the settings and readings of the moment', async () => {
    const fake = createFakeApi({ saveCapture: async (c) => ({ ok: true, value: { id: 7, sessionId: null, createdAt: '', note: c.note, sampleRateHz: c.sampleRateHz, sampleCount: c.voltageV.length, boardSerial: null, vrmsV: null, irmsA: null, activePowerW: null } }) });
    const frames: (() => void)[] = [];
    const bench = new BenchController(fake.api, { requestFrame: (cb) => void frames.push(cb) });
    bench.engine.attach({ draw: () => undefined, clear: () => undefined });
    expect(bench.captureInput('x')).toBeNull();
    fake.emit('deviceStatus', status('streaming'));
    fake.emit('sampleBatch', batch(0, 640, [window]));
    for (const f of frames.splice(0)) f();
    const input = bench.captureInput('note')!;
    // 5 ms/div × 10 divisions at 6400 S/s: 320 samples, the first 5 ms before the trigger.
    expect(input.voltageV.length).toBeGreaterThanOrEqual(320);
    expect(input.voltageV.length).toBeLessThanOrEqual(321);
    expect(input.startMs).toBeGreaterThanOrEqual(-5);
    expect(input.startMs).toBeLessThan(-5 + 1000 / 6400);
    expect(input.metrics).toMatchObject({ vrmsV: 230.04, temperatureC: 24.5 });
    expect(input.view).toMatchObject({ timePerDivMs: 5, triggerChannel: 'voltage', triggered: true });
    expect(await bench.saveCapture('note')).toMatchObject({ ok: true, value: { id: 7, sampleCount: input.voltageV.length } });
  });
});

describe('link status', () => {
  it('says what the link is doing, and what to do after a failed connect', () => {
    expect(linkLine(status('streaming'))).toEqual({ tone: 'ok', key: 'scope.link.streaming', values: { board: '4D50…0001', rate: '6.40', lost: 2 } });
    expect(linkLine(status('reconnecting')).tone).toBe('error');
    expect(linkLine(status('disconnected', { lastErrorCode: 'busy', path: '/dev/ttyUSB0' }))).toEqual({ tone: 'error', key: 'scope.link.failed', values: { path: '/dev/ttyUSB0' } });
    expect(linkLine(status('disconnected')).key).toBe('scope.link.disconnected');
    expect(connectErrorKey('wrong-baud')).toBe('scope.errors.wrong-baud');
    expect(connectErrorKey('link-closed')).toBe('scope.errors.other');
    expect(connectErrorKey(null)).toBeNull();
  });
});

describe('readings', () => {
  it('keep a fixed number of decimals per quantity, kilo- above 10 000, in both languages', () => {
    const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(nb(formatReading(230.04, 'V', 'en'))).toBe('230.0 V');
    expect(nb(formatReading(10.002, 'A', 'en'))).toBe('10.00 A');
    expect(nb(formatReading(0.4567, 'A', 'en'))).toBe('0.457 A');
    expect(nb(formatReading(2300.4, 'W', 'en'))).toBe('2,300 W');
    expect(nb(formatReading(12_345, 'W', 'en'))).toBe('12.35 kW');
    expect(nb(formatReading(-106.74, 'var', 'en'))).toBe('-106.7 var');
    expect(formatReading(0.99984, 'PF', 'en')).toBe('1.000');
    expect(nb(formatReading(50.0012, 'Hz', 'en'))).toBe('50.001 Hz');
    expect(nb(formatReading(0.24, '%', 'en'))).toBe('0.24 %');
    expect(nb(formatReading(230.04, 'V', 'fr'))).toBe('230,0 V');
    expect(formatReading(null, 'V', 'en')).toBe('—');
    expect(formatReading(Number.NaN, 'Hz', 'en')).toBe('—');
    expect(nb(formatPerDiv(0.05, 'A', 'en'))).toBe('0.05 A/div');
    expect(nb(formatPerDiv(2000, 'W', 'en'))).toBe('2 kW/div');
  });
});

describe('autoset', () => {
  function ringOf(peakV: number, peakA: number, hz: number, rate: number): SampleRing {
    const ring = new SampleRing(8192);
    const n = 2 * rate;
    const v = Array.from({ length: n }, (_, k) => peakV * Math.sin((2 * Math.PI * hz * k) / rate));
    ring.push(0, v, v.map((x) => (x * peakA) / peakV), 0);
    return ring;
  }

  it('fits 230 V / 10 A at 50 Hz and 120 V / 2 A at 60 Hz within 90 % of the screen', () => {
    expect(autoset(ringOf(325.3, 14.14, 50, 6400), 6400, 50)).toMatchObject({ voltsPerDiv: 100, ampsPerDiv: 5, timePerDivMs: 5, wattsPerDiv: 2000, triggerLevelV: 0 });
    // 2 × 169.7 V = 339 V over 7.2 divisions → 50 V/div; 2 × 2.83 A → 1 A/div; 2.5 periods of 16.7 ms → 5 ms/div.
    expect(autoset(ringOf(169.7, 2.83, 60, 7680), 7680, 60)).toMatchObject({ voltsPerDiv: 50, ampsPerDiv: 1, timePerDivMs: 5 });
    expect(Object.is(autoset(ringOf(325.3, 14.14, 50, 6400), 6400, 50).triggerLevelV, -0)).toBe(false);
  });
});

