// The API's captures, recording and Monitor calls over the open project (shared/api/device-api.ts): the
// scope's view stored compactly or written as CSV, sessions started and stopped, and the aggregates
// queried as trends, daily energy and threshold episodes, or exported as CSV.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { CaptureInput, CaptureSummary, deviceMethods } from '../../../shared/api/device-api';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import { writeFileAtomic } from '../app/atomic-write';
import type { CaptureListRow, MinuteRange } from '../project/meter-store';
import {
  dailyEnergy,
  deleteCapture,
  getCapture,
  insertCapture,
  iterateMinutes,
  listCaptures,
  listSessions,
  metricByMinute,
  minuteSpan,
  powerTrend,
} from '../project/meter-store';
import type { ProjectStore } from '../project/project-store';
import { aggregatesCsv, captureCsv } from './meter-csv';
import type { Recorder, RecorderDevices, RecorderProjects } from './recorder';
import { CAPTURE_FORMAT, decodeSamples, encodeSamples } from './sample-codec';
import { thresholdEpisodes } from './threshold-episodes';

type RecordingMethod = Exclude<keyof typeof deviceMethods, 'listPorts' | 'connectDevice' | 'disconnectDevice' | 'getDeviceStatus' | 'startStreaming' | 'stopStreaming' | 'setSamplesPerPeriod' | 'getVirtualMeter' | 'startVirtualMeter' | 'stopVirtualMeter' | 'configureVirtualMeter' | 'unplugVirtualMeter'>;
export type RecordingHandlers = Pick<ApiHandlers, RecordingMethod>;

/** Trend bucket sizes, minutes: a chart's points fall on round times. */
const BUCKETS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080];

type Metrics = Record<string, unknown>;

function parseMetrics(json: string): Metrics {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as Metrics) : {};
  } catch {
    return {};
  }
}
const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function summaryOf(r: CaptureListRow): CaptureSummary {
  const m = parseMetrics(r.metricsJson);
  return {
    id: r.id,
    sessionId: r.sessionId,
    createdAt: r.createdAt,
    note: r.note,
    sampleRateHz: r.sampleRateHz,
    sampleCount: r.sampleCount,
    boardSerial: typeof m.boardSerial === 'string' ? m.boardSerial : null,
    vrmsV: numberOrNull(m.vrmsV),
    irmsA: numberOrNull(m.irmsA),
    activePowerW: numberOrNull(m.activePowerW),
  };
}

/** A range with its times normalised to the stored form (ISO, UTC, milliseconds). */
function normalise(range: { from?: string; to?: string; sessionId?: number }): Result<MinuteRange> {
  const out: MinuteRange = {};
  for (const key of ['from', 'to'] as const) {
    const raw = range[key];
    if (raw === undefined) continue;
    const t = Date.parse(raw);
    if (!Number.isFinite(t)) return err('bad-range', `"${raw}" is not a date and time`);
    out[key] = new Date(t).toISOString();
  }
  if (out.from && out.to && out.from >= out.to) return err('bad-range', 'the range ends before it starts');
  if (range.sessionId !== undefined) out.sessionId = range.sessionId;
  return ok(out);
}

function absolute(outPath: string): Result<string> {
  return path.isAbsolute(outPath) ? ok(outPath) : err('bad-output', `Give the full path of the file to write (got "${outPath}").`);
}

function writeCsv(outPath: string, text: string, rows: number): Result<{ path: string; rows: number; bytes: number }> {
  try {
    writeFileAtomic(outPath, text);
  } catch (e) {
    return err('cannot-write', `Could not write ${outPath}: ${(e as Error).message}`);
  }
  return ok({ path: outPath, rows, bytes: Buffer.byteLength(text) });
}

export function createRecordingHandlers(projects: RecorderProjects, devices: RecorderDevices, recorder: Recorder): RecordingHandlers {
  const withStore = <T>(f: (store: ProjectStore) => Result<T>): Result<T> => {
    const s = projects.store;
    return s.ok ? f(s.value) : err('no-project', 'Open a project first: captures and recordings are kept in its file.');
  };

  const saveCapture = (store: ProjectStore, c: CaptureInput): Result<CaptureSummary> => {
    if (c.voltageV.length !== c.currentA.length) return err('bad-capture', `a capture needs as many current samples as voltage samples (${c.currentA.length} ≠ ${c.voltageV.length})`);
    const encoded = encodeSamples(c.voltageV, c.currentA);
    const device = devices.getStatus();
    const metrics = { ...c.metrics, startMs: c.startMs, view: c.view ?? {}, boardSerial: device.identity?.boardSerial ?? null, port: device.path };
    const row = {
      sessionId: recorder.sessionId,
      createdAt: new Date().toISOString(),
      note: c.note.trim(),
      sampleRateHz: c.sampleRateHz,
      channelsJson: JSON.stringify(encoded.channels),
      sampleCount: encoded.sampleCount,
      format: CAPTURE_FORMAT,
      samples: encoded.bytes,
      metricsJson: JSON.stringify(metrics),
    };
    const id = insertCapture(store.db, row);
    return ok(summaryOf({ id, ...row }));
  };

  return {
    saveCapture: (c) => withStore((s) => saveCapture(s, c)),
    listCaptures: ({ sessionId }) => withStore((s) => ok(listCaptures(s.db, sessionId).map(summaryOf))),
    getCapture: ({ id }) =>
      withStore((s) => {
        const row = getCapture(s.db, id);
        if (!row) return err('not-found', `There is no capture ${id} in this project.`);
        const samples = decodeSamples(row.format, row.channelsJson, row.sampleCount, row.samples);
        if (!samples.ok) return err('bad-capture', `Capture ${id} cannot be read: ${samples.message}.`);
        const m = parseMetrics(row.metricsJson);
        const { startMs, view, boardSerial: _b, port: _p, ...metrics } = m;
        return ok({
          ...summaryOf(row),
          startMs: numberOrNull(startMs) ?? 0,
          voltageV: samples.voltageV,
          currentA: samples.currentA,
          metrics: Object.fromEntries(Object.entries(metrics).filter(([, v]) => typeof v === 'number' || v === null || Array.isArray(v))),
          view: view && typeof view === 'object' ? (view as Record<string, string | number | boolean>) : {},
        });
      }),
    deleteCapture: ({ id }) => withStore((s) => (deleteCapture(s.db, id) ? ok(null) : err('not-found', `There is no capture ${id} in this project.`))),
    exportCaptureCsv: ({ path: outPath, source }) => {
      const target = absolute(outPath);
      if (!target.ok) return target;
      if ('capture' in source) {
        const c = source.capture;
        if (c.voltageV.length !== c.currentA.length) return err('bad-capture', 'a capture needs as many current samples as voltage samples');
        const text = captureCsv({ ...c, createdAt: new Date().toISOString(), boardSerial: devices.getStatus().identity?.boardSerial ?? null });
        return writeCsv(target.value, text, c.voltageV.length);
      }
      return withStore((s) => {
        const row = getCapture(s.db, source.captureId);
        if (!row) return err('not-found', `There is no capture ${source.captureId} in this project.`);
        const samples = decodeSamples(row.format, row.channelsJson, row.sampleCount, row.samples);
        if (!samples.ok) return err('bad-capture', `Capture ${row.id} cannot be read: ${samples.message}.`);
        const m = parseMetrics(row.metricsJson);
        const text = captureCsv({ ...row, ...samples, startMs: numberOrNull(m.startMs) ?? 0, boardSerial: typeof m.boardSerial === 'string' ? m.boardSerial : null });
        return writeCsv(target.value, text, row.sampleCount);
      });
    },

    startRecording: ({ note }) => recorder.start(note),
    stopRecording: () => recorder.stop(),
    getRecordingStatus: () => recorder.status(),
    listMeterSessions: () => withStore((s) => ok(listSessions(s.db))),

    getPowerTrend: ({ maxPoints, ...range }) =>
      withStore((s) => {
        const r = normalise(range);
        if (!r.ok) return r;
        const span = minuteSpan(s.db, r.value);
        if (!span) return ok({ bucketMinutes: 1, points: [] });
        const fromMs = Date.parse(r.value.from ?? span.first);
        const toMs = r.value.to ? Date.parse(r.value.to) : Date.parse(span.last) + 60_000;
        const minutes = Math.max(1, Math.ceil((toMs - fromMs) / 60_000));
        const bucketMinutes = BUCKETS_MIN.find((b) => minutes / b <= maxPoints) ?? Math.ceil(minutes / maxPoints);
        return ok({ bucketMinutes, points: powerTrend(s.db, r.value, bucketMinutes) });
      }),
    getDailyEnergy: ({ utcOffsetMin, ...range }) =>
      withStore((s) => {
        const r = normalise(range);
        return r.ok ? ok(dailyEnergy(s.db, r.value, utcOffsetMin)) : r;
      }),
    getThresholdEpisodes: ({ rule, ...range }) =>
      withStore((s) => {
        const r = normalise(range);
        return r.ok ? ok(thresholdEpisodes(metricByMinute(s.db, r.value, rule.metric), rule)) : r;
      }),
    exportAggregatesCsv: ({ path: outPath, ...range }) => {
      const target = absolute(outPath);
      if (!target.ok) return target;
      return withStore((s) => {
        const r = normalise(range);
        if (!r.ok) return r;
        const csv = aggregatesCsv(iterateMinutes(s.db, r.value));
        return writeCsv(target.value, csv.text, csv.rows);
      });
    },
  };
}
