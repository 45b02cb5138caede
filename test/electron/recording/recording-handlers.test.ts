// Captures and the Monitor's queries through the API handlers, over a real project file: a capture
// stored, listed without its samples, read back after the file is closed and reopened, exported as CSV;
// trends, daily energy (in the caller's time zone), threshold episodes and the aggregates' CSV against
// hand-computed figures; and the refusals (no project, bad range, a relative path, mismatched channels).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { CaptureInput } from '../../../shared/api/device-api';
import type { DeviceStatus } from '../../../shared/protocol/device-types';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import { createSession, writeMinutes, type MinuteRow } from '../../../electron/services/project/meter-store';
import { openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { createRecordingHandlers } from '../../../electron/services/recording/recording-handlers';
import { Recorder } from '../../../electron/services/recording/recorder';
import { openSeededStore } from '../project/store-fixture';

let dir: string;
let store: ProjectStore;
let current: Result<ProjectStore>;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-meter-'));
  store = openSeededStore(dir);
  current = ok(store);
});
afterEach(() => {
  if (store.db.open) store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const projects = { get store() { return current; }, onDidChangeProject: () => () => undefined };
const devices = {
  getStatus: (): DeviceStatus => ({ state: 'streaming', path: 'virtual:meter', baudRate: 1_000_000, mode: 'binary', identity: { protocolVersion: 1, firmwareVersion: '1.0.0', boardSerial: '4D50564D00000001', channelCount: 2, samplesPerPeriod: 128, adcBits: 10, nominalFrequencyHz: 50, sampleRateHz: 6400, blockPairs: 32, streaming: true }, calibration: null, sampleRateHz: 6400, stats: emptyLinkStats(), message: null }),
  onBatch: () => () => undefined,
};

function handlers() {
  const recorder = new Recorder(projects, devices, { flushIntervalMs: 3_600_000 });
  return createRecordingHandlers(projects, devices, recorder);
}

const unwrap = <T>(r: Result<T> | T): T => {
  const x = r as Result<T>;
  if (x && typeof x === 'object' && 'ok' in x) {
    if (!x.ok) throw new Error(x.message);
    return x.value;
  }
  return r as T;
};

const view: CaptureInput = {
  note: 'kettle, before descaling',
  sampleRateHz: 6400,
  startMs: -2,
  voltageV: Array.from({ length: 256 }, (_, k) => Math.round(325.27 * Math.sin((2 * Math.PI * k) / 128) * 1000) / 1000),
  currentA: Array.from({ length: 256 }, (_, k) => Math.round(10 * Math.sin((2 * Math.PI * k) / 128) * 1e4) / 1e4),
  metrics: { vrmsV: 230.0, irmsA: 7.07, activePowerW: 1626.5, frequencyHz: 50, temperatureC: 24.5 },
  view: { timePerDivMs: 5, trigger: 'rising' },
};

describe('captures', () => {
  it('stores the view compactly, lists it without samples, and reads it back after the file is reopened', async () => {
    const h = handlers();
    const saved = unwrap(await h.saveCapture(view));
    expect(saved).toMatchObject({ id: 1, sessionId: null, note: 'kettle, before descaling', sampleCount: 256, boardSerial: '4D50564D00000001', vrmsV: 230, activePowerW: 1626.5 });
    const blob = store.db.prepare('SELECT length(samples) AS n, format FROM captures').get();
    expect(blob).toEqual({ n: 1024, format: 'i16le-interleaved-scaled' }); // 4 bytes a pair
    store.db.close();
    const reopened = openProjectFile(path.join(dir, 'p.meterplan'));
    if (!reopened.ok) throw new Error(reopened.message);
    store = new ProjectStore(reopened.value.db);
    current = ok(store);
    expect(unwrap(await h.listCaptures({}))).toEqual([saved]);
    const back = unwrap(await h.getCapture({ id: 1 }));
    expect(back).toMatchObject({ startMs: -2, view: { timePerDivMs: 5, trigger: 'rising' }, metrics: { vrmsV: 230, temperatureC: 24.5 } });
    for (let k = 0; k < 256; k++) {
      expect(Math.abs(back.voltageV[k]! - view.voltageV[k]!)).toBeLessThan(0.005 + 1e-9); // half of 325.27/32767 V
      expect(Math.abs(back.currentA[k]! - view.currentA[k]!)).toBeLessThan(0.00016);
    }
    expect(unwrap(await h.deleteCapture({ id: 1 }))).toBeNull();
    expect(await h.getCapture({ id: 1 })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('writes CSV of the view and of a stored capture, in time from the trigger', async () => {
    const h = handlers();
    const viewCsv = path.join(dir, 'view.csv');
    expect(unwrap(await h.exportCaptureCsv({ path: viewCsv, source: { capture: view } }))).toMatchObject({ path: viewCsv, rows: 256 });
    const lines = readFileSync(viewCsv, 'utf8').split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['# Meterplan capture', expect.stringMatching(/^# created 20/), '# sample rate 6400 Hz, board 4D50564D00000001', '# note kettle, before descaling', 'time_ms,voltage_V,current_A,power_W']);
    // Sample 32 is a quarter period after sample 0: 325.27 V × 10 A at 5 ms − 2 ms.
    expect(lines[5 + 32]).toBe('3.0000,325.270,10.0000,3252.70');
    expect(lines.at(-1)).toBe('');
    unwrap(await h.saveCapture(view));
    const storedCsv = path.join(dir, 'stored.csv');
    unwrap(await h.exportCaptureCsv({ path: storedCsv, source: { captureId: 1 } }));
    expect(readFileSync(storedCsv, 'utf8').split('\r\n')[5 + 32]).toMatch(/^3\.0000,325\.27\d,10\.000\d,325\d\.\d\d$/);
  });

  it('refuses without a project, with mismatched channels, or with a relative path', async () => {
    const h = handlers();
    expect(await h.saveCapture({ ...view, currentA: [1] })).toMatchObject({ ok: false, code: 'bad-capture' });
    expect(await h.exportCaptureCsv({ path: 'relative.csv', source: { capture: view } })).toMatchObject({ ok: false, code: 'bad-output' });
    current = err('no-project', 'No project is open.');
    expect(await h.saveCapture(view)).toMatchObject({ ok: false, code: 'no-project', message: expect.stringMatching(/Open a project/) });
    expect(await h.getPowerTrend({ maxPoints: 100 })).toMatchObject({ ok: false, code: 'no-project' });
  });
});

describe('monitor queries', () => {
  const minute = (iso: string, p: number): MinuteRow => ({
    minuteStart: iso,
    samples: 300,
    vrmsAvg: 230,
    vrmsMin: 228,
    vrmsMax: 232,
    irmsAvg: p / 230,
    irmsMax: p / 230,
    pAvgW: p,
    qAvgVar: 0,
    sAvgVA: p,
    pfAvg: 1,
    frequencyAvgHz: 50,
    energyWh: p / 60,
    temperatureC: null,
  });
  const at = (h: number, m: number) => new Date(Date.UTC(2026, 2, h < 12 ? 3 : 2, h, m)).toISOString();

  /** Session 1: 2 Mar 23:50 → 3 Mar 00:09 at 1 kW, 3.5 kW from 00:02 to 00:04; 4 kW at 00:20 and 00:22. Session 2: 500 W at 23:50. */
  function record() {
    const s1 = createSession(store.db, { startedAt: at(23, 50), boardSerial: 'A', boardJson: '{}', port: 'p', note: '' });
    const rows: MinuteRow[] = [];
    for (let m = 50; m < 60; m++) rows.push(minute(at(23, m), 1000));
    for (let m = 0; m < 10; m++) rows.push(minute(at(0, m), m >= 2 && m <= 4 ? 3500 : 1000));
    rows.push(minute(at(0, 20), 4000), minute(at(0, 22), 4000));
    writeMinutes(store.db, s1, rows);
    const s2 = createSession(store.db, { startedAt: at(23, 50), boardSerial: 'B', boardJson: '{}', port: 'q', note: '' });
    writeMinutes(store.db, s2, [minute(at(23, 50), 500)]);
  }

  it('buckets the power trend on round times, adding boards recorded at the same minute', async () => {
    record();
    const h = handlers();
    // 23:50 → 00:23 is 33 minutes: 5-minute buckets give at most 10 points.
    const trend = unwrap(await h.getPowerTrend({ maxPoints: 10 }));
    expect(trend.bucketMinutes).toBe(5);
    expect(trend.points.map((p) => p.t)).toEqual([at(23, 50), at(23, 55), at(0, 0), at(0, 5), at(0, 20)]);
    expect(trend.points[0]).toMatchObject({ minutes: 5, pMaxW: 1500, pMinW: 1000, pAvgW: (1500 + 4 * 1000) / 5 });
    expect(trend.points[2]).toMatchObject({ minutes: 5, pMaxW: 3500, pAvgW: (2 * 1000 + 3 * 3500) / 5 });
    expect(trend.points[2].energyWh).toBeCloseTo((2 * 1000 + 3 * 3500) / 60, 10);
    const one = unwrap(await h.getPowerTrend({ maxPoints: 100, sessionId: 2 }));
    expect(one).toEqual({ bucketMinutes: 1, points: [expect.objectContaining({ t: at(23, 50), pAvgW: 500 })] });
    const ranged = unwrap(await h.getPowerTrend({ maxPoints: 100, from: '2026-03-03T00:00:00Z', to: '2026-03-03T00:05:00Z' }));
    expect(ranged.points.map((p) => p.pAvgW)).toEqual([1000, 1000, 3500, 3500, 3500]);
  });

  it('sums energy per day in the caller’s time zone', async () => {
    record();
    const h = handlers();
    const utc = unwrap(await h.getDailyEnergy({ utcOffsetMin: 0 }));
    expect(utc.map((d) => d.day)).toEqual(['2026-03-02', '2026-03-03']);
    expect(utc[0].energyWh).toBeCloseTo((10 * 1000 + 500) / 60, 10);
    expect(utc[1].energyWh).toBeCloseTo((7 * 1000 + 3 * 3500 + 2 * 4000) / 60, 10);
    expect(utc[1]).toMatchObject({ minutes: 12, peakW: 4000 });
    // Paris in winter (UTC+1): 23:50 UTC is already the 3rd.
    const paris = unwrap(await h.getDailyEnergy({ utcOffsetMin: 60 }));
    expect(paris).toHaveLength(1);
    expect(paris[0].day).toBe('2026-03-03');
    // New York (UTC−5): all of it on the 2nd.
    expect(unwrap(await h.getDailyEnergy({ utcOffsetMin: -300 })).map((d) => d.day)).toEqual(['2026-03-02']);
  });

  it('finds threshold episodes, a missing minute ending one', async () => {
    record();
    const h = handlers();
    const above = unwrap(await h.getThresholdEpisodes({ rule: { metric: 'activePowerW', op: 'above', value: 3000 } }));
    expect(above).toEqual([
      { start: at(0, 2), end: at(0, 5), minutes: 3, extreme: 3500 },
      { start: at(0, 20), end: at(0, 21), minutes: 1, extreme: 4000 },
      { start: at(0, 22), end: at(0, 23), minutes: 1, extreme: 4000 },
    ]);
    const below = unwrap(await h.getThresholdEpisodes({ rule: { metric: 'activePowerW', op: 'below', value: 1200 }, to: '2026-03-03T00:00:00Z' }));
    expect(below).toEqual([{ start: at(23, 51), end: at(0, 0), minutes: 9, extreme: 1000 }]);
  });

  it('exports the aggregates as CSV, and refuses a range that ends before it starts', async () => {
    record();
    const h = handlers();
    const out = path.join(dir, 'minutes.csv');
    expect(unwrap(await h.exportAggregatesCsv({ path: out, sessionId: 1 }))).toMatchObject({ rows: 22 });
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^minute_start_utc,session_id,board_serial,windows,vrms_avg_V/);
    expect(lines[1]).toBe('2026-03-02T23:50:00.000Z,1,A,300,230.000,228.000,232.000,4.3478,4.3478,1000.00,0.00,1000.00,1.0000,50.0000,16.66667,');
    expect(await h.getPowerTrend({ maxPoints: 10, from: '2026-03-03', to: '2026-03-02' })).toMatchObject({ ok: false, code: 'bad-range' });
    expect(await h.getDailyEnergy({ utcOffsetMin: 0, from: 'yesterday' })).toMatchObject({ ok: false, code: 'bad-range', message: expect.stringMatching(/not a date/) });
  });
});
