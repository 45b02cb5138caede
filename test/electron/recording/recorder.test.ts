// The recorder over a real project file: windows become minute rows written in batches (the minute still
// filling rewritten), the session opened and closed, "Save As" followed, another project ending the
// session with a reason, and a board swap stopping it. The clock and the batches are the test's.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { DeviceBatch, DeviceStatus, MeasurementWindow } from '../../../shared/protocol/device-types';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import { backupProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { Recorder } from '../../../electron/services/recording/recorder';
import { openSeededStore } from '../project/store-fixture';

const T0 = Date.parse('2026-03-02T10:15:00.000Z');

let dir: string;
let store: ProjectStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-recorder-'));
  store = openSeededStore(dir);
});
afterEach(() => {
  if (store.db.open) store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function fixture() {
  let now = T0;
  let current: Result<ProjectStore> = ok(store);
  const projectListeners = new Set<() => void>();
  const batchListeners = new Set<(b: DeviceBatch) => void>();
  let serial = 'ABCDEF0123456789';
  const projects = {
    get store() {
      return current;
    },
    onDidChangeProject(l: () => void) {
      projectListeners.add(l);
      return () => void projectListeners.delete(l);
    },
  };
  const devices = {
    getStatus: (): DeviceStatus => ({
      state: 'streaming',
      path: '/dev/ttyUSB0',
      baudRate: 1_000_000,
      mode: 'binary',
      identity: { protocolVersion: 1, firmwareVersion: '1.0.0', boardSerial: serial, channelCount: 2, samplesPerPeriod: 128, adcBits: 10, nominalFrequencyHz: 50, sampleRateHz: 6400, blockPairs: 32, streaming: true },
      calibration: null,
      sampleRateHz: 6400,
      stats: emptyLinkStats(),
      message: null,
    }),
    onBatch(l: (b: DeviceBatch) => void) {
      batchListeners.add(l);
      return () => void batchListeners.delete(l);
    },
  };
  const statuses: unknown[] = [];
  const recorder = new Recorder(projects, devices, { flushIntervalMs: 3_600_000, now: () => now, onStatus: (s) => statuses.push(s) });
  /** A batch ending at `atMs` with one 200 ms window of power `p` (230 V), its end being the batch's last sample. */
  const batch = (atMs: number, p: number) => {
    const window: MeasurementWindow = {
      endSampleIndex: 1280,
      durationS: 0.2,
      vrmsV: 230,
      irmsA: p / 230,
      activePowerW: p,
      apparentPowerVA: p,
      reactivePowerVar: 0,
      powerFactor: 1,
      frequencyHz: 50,
      voltageThd: 0,
      currentThd: 0,
      voltageHarmonicsV: [],
      currentHarmonicsA: [],
    };
    const b: DeviceBatch = {
      firstSampleIndex: 0,
      sampleRateHz: 6400,
      voltageV: new Array<number>(1280).fill(0),
      currentA: new Array<number>(1280).fill(0),
      lostSamples: 0,
      measurements: [window],
      boardMetrics: [],
      temperatures: [{ sensorIndex: 0, status: 0, raw16thC: 392, temperatureC: 24.5 }],
      activeEnergyWh: 0,
      stats: emptyLinkStats(),
      receivedAtMs: atMs,
    };
    for (const l of batchListeners) l(b);
  };
  return {
    recorder,
    statuses,
    batch,
    setNow: (t: number) => (now = t),
    swapBoard: (s: string) => (serial = s),
    switchProject(next: Result<ProjectStore>) {
      current = next;
      for (const l of projectListeners) l();
    },
  };
}

const minutes = (s: ProjectStore) => s.db.prepare('SELECT minute_start, samples, p_avg_w, energy_wh, temperature_c FROM minute_aggregates ORDER BY minute_start').all() as Record<string, unknown>[];

describe('Recorder', () => {
  it('needs a project and a board, and keeps one session at a time', () => {
    const f = fixture();
    f.switchProject(err('no-project', 'none'));
    expect(f.recorder.start()).toMatchObject({ ok: false, code: 'no-project' });
    f.switchProject(ok(store));
    expect(f.recorder.start('kitchen circuit')).toMatchObject({ ok: true, value: { recording: true, sessionId: 1, startedAt: '2026-03-02T10:15:00.000Z' } });
    expect(f.recorder.start()).toMatchObject({ ok: false, code: 'already-recording' });
    const row = store.db.prepare('SELECT board_serial, port, note, board_json FROM meter_sessions').get() as Record<string, string>;
    expect(row).toMatchObject({ board_serial: 'ABCDEF0123456789', port: '/dev/ttyUSB0', note: 'kitchen circuit' });
    expect(JSON.parse(row.board_json).identity.samplesPerPeriod).toBe(128);
    f.recorder.dispose();
  });

  it('writes minutes in batches, rewriting the one still filling, and closes the session with the last of them', () => {
    const f = fixture();
    f.recorder.start();
    for (let k = 0; k < 5; k++) f.batch(T0 + 1000 + 200 * k, 1000); // 5 windows of 1 kW in 10:15
    expect(minutes(store)).toEqual([]); // nothing before the batch is due
    f.setNow(T0 + 5000);
    f.recorder.flush();
    expect(minutes(store)).toEqual([{ minute_start: '2026-03-02T10:15:00.000Z', samples: 5, p_avg_w: 1000, energy_wh: (5 * 1000 * 0.2) / 3600, temperature_c: 24.5 }]);
    f.batch(T0 + 30_000, 2000);
    f.batch(T0 + 61_000, 3000); // 10:16
    f.setNow(T0 + 62_000);
    f.recorder.flush();
    const rows = minutes(store);
    expect(rows.map((r) => [r.minute_start, r.samples, r.p_avg_w])).toEqual([
      ['2026-03-02T10:15:00.000Z', 6, (5 * 1000 + 2000) / 6],
      ['2026-03-02T10:16:00.000Z', 1, 3000],
    ]);
    expect(f.recorder.status()).toMatchObject({ minutesWritten: 2, lastWriteAt: '2026-03-02T10:16:02.000Z' });
    f.batch(T0 + 62_000, 3000);
    f.setNow(T0 + 63_000);
    const stopped = f.recorder.stop();
    expect(stopped).toMatchObject({ recording: false, message: null });
    expect(minutes(store)[1]).toMatchObject({ samples: 2 });
    expect(store.db.prepare('SELECT ended_at FROM meter_sessions').get()).toEqual({ ended_at: '2026-03-02T10:16:03.000Z' });
    f.batch(T0 + 64_000, 3000); // after the end: ignored
    f.recorder.flush();
    expect(minutes(store)[1]).toMatchObject({ samples: 2 });
  });

  it('follows the project through "Save As", and stops with a reason when another one is opened', async () => {
    const f = fixture();
    f.recorder.start();
    f.batch(T0 + 1000, 500);
    f.recorder.flush();
    const copyPath = path.join(dir, 'copy.meterplan');
    await backupProjectFile(store.db, copyPath);
    const opened = openProjectFile(copyPath);
    if (!opened.ok) throw new Error(opened.message);
    const copy = new ProjectStore(opened.value.db);
    f.switchProject(ok(copy));
    expect(f.recorder.status().recording).toBe(true);
    f.batch(T0 + 2000, 500);
    f.recorder.flush();
    expect(minutes(copy)[0]).toMatchObject({ samples: 2 });
    expect(minutes(store)[0]).toMatchObject({ samples: 1 });
    // Another project (without this session): the recording ends, saying why.
    const other = openSeededStore(mkdtempSync(path.join(os.tmpdir(), 'meterplan-other-')));
    f.switchProject(ok(other));
    expect(f.recorder.status()).toMatchObject({ recording: false, message: expect.stringMatching(/project it was writing to was closed/) });
    f.batch(T0 + 3000, 500);
    f.recorder.flush();
    expect(minutes(other)).toEqual([]);
    copy.db.close();
    other.db.close();
  });

  it('stops when another board takes the connection', () => {
    const f = fixture();
    f.recorder.start();
    f.batch(T0 + 1000, 500);
    f.swapBoard('0000000000000002');
    f.batch(T0 + 2000, 500);
    expect(f.recorder.status()).toMatchObject({ recording: false, message: expect.stringMatching(/board 0000000000000002 replaced board ABCDEF0123456789/) });
    expect(minutes(store)).toHaveLength(1);
    expect(minutes(store)[0]).toMatchObject({ samples: 1 });
  });
});
