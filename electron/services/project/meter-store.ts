// Meter data in the project file (format v3 tables: meter_sessions, captures, minute_aggregates): the SQL
// behind recording sessions, captures and the Monitor area's queries. Recorded data is not a plan edit:
// it is written in its own transactions (never in the undo history), batched by the recorder, and the
// capture blobs are read only when one capture is opened (DESIGN.md §2: bulk data is read lazily).
import type { SqliteDatabase } from './sqlite';

type Row = Record<string, unknown>;
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface NewSession {
  startedAt: string;
  boardSerial: string;
  boardJson: string;
  port: string;
  note: string;
}

/** One minute of measurements (minute_aggregates' columns); averages are null when no window had a value. */
export interface MinuteRow {
  minuteStart: string;
  samples: number;
  vrmsAvg: number | null;
  vrmsMin: number | null;
  vrmsMax: number | null;
  irmsAvg: number | null;
  irmsMax: number | null;
  pAvgW: number | null;
  qAvgVar: number | null;
  sAvgVA: number | null;
  pfAvg: number | null;
  frequencyAvgHz: number | null;
  energyWh: number;
  temperatureC: number | null;
}

export interface NewCaptureRow {
  sessionId: number | null;
  createdAt: string;
  note: string;
  sampleRateHz: number;
  channelsJson: string;
  sampleCount: number;
  format: string;
  samples: Uint8Array;
  metricsJson: string;
}

export interface CaptureRow extends NewCaptureRow {
  id: number;
}

export interface CaptureListRow {
  id: number;
  sessionId: number | null;
  createdAt: string;
  note: string;
  sampleRateHz: number;
  sampleCount: number;
  metricsJson: string;
}

export interface SessionRow {
  id: number;
  startedAt: string;
  endedAt: string | null;
  boardSerial: string;
  port: string;
  note: string;
  minutes: number;
  energyWh: number;
  captures: number;
}

/** A time range over minute_start (ISO strings in UTC compare as times) and an optional session. */
export interface MinuteRange {
  from?: string;
  to?: string;
  sessionId?: number;
}

export function createSession(db: SqliteDatabase, s: NewSession): number {
  const r = db
    .prepare('INSERT INTO meter_sessions (started_at, board_serial, board_json, port, note) VALUES (?, ?, ?, ?, ?)')
    .run(s.startedAt, s.boardSerial, s.boardJson, s.port, s.note);
  return Number(r.lastInsertRowid);
}

export function endSession(db: SqliteDatabase, id: number, endedAt: string): void {
  db.prepare('UPDATE meter_sessions SET ended_at = ? WHERE id = ?').run(endedAt, id);
}

/** Whether this file holds that very session (the same file after "Save As" does; another project does not). */
export function hasSession(db: SqliteDatabase, id: number, startedAt: string, boardSerial: string): boolean {
  return db.prepare('SELECT 1 FROM meter_sessions WHERE id = ? AND started_at = ? AND board_serial = ?').get(id, startedAt, boardSerial) !== undefined;
}

/** Writes (or rewrites, for the minute still filling) minutes of a session in one transaction. */
export function writeMinutes(db: SqliteDatabase, sessionId: number, rows: readonly MinuteRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO minute_aggregates (session_id, minute_start, samples, vrms_avg, vrms_min, vrms_max, irms_avg, irms_max,
       p_avg_w, q_avg_var, s_avg_va, pf_avg, frequency_avg_hz, energy_wh, temperature_c)
     VALUES (@sessionId, @minuteStart, @samples, @vrmsAvg, @vrmsMin, @vrmsMax, @irmsAvg, @irmsMax, @pAvgW, @qAvgVar, @sAvgVA, @pfAvg, @frequencyAvgHz, @energyWh, @temperatureC)
     ON CONFLICT (session_id, minute_start) DO UPDATE SET
       samples = excluded.samples, vrms_avg = excluded.vrms_avg, vrms_min = excluded.vrms_min, vrms_max = excluded.vrms_max,
       irms_avg = excluded.irms_avg, irms_max = excluded.irms_max, p_avg_w = excluded.p_avg_w, q_avg_var = excluded.q_avg_var,
       s_avg_va = excluded.s_avg_va, pf_avg = excluded.pf_avg, frequency_avg_hz = excluded.frequency_avg_hz,
       energy_wh = excluded.energy_wh, temperature_c = excluded.temperature_c`,
  );
  db.transaction(() => {
    for (const row of rows) upsert.run({ sessionId, ...row });
  })();
}

export function insertCapture(db: SqliteDatabase, c: NewCaptureRow): number {
  const r = db
    .prepare(
      `INSERT INTO captures (session_id, created_at, note, sample_rate_hz, channels_json, sample_count, format, samples, metrics_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.sessionId, c.createdAt, c.note, c.sampleRateHz, c.channelsJson, c.sampleCount, c.format, Buffer.from(c.samples.buffer, c.samples.byteOffset, c.samples.byteLength), c.metricsJson);
  return Number(r.lastInsertRowid);
}

/** The captures without their samples (the list never reads the blobs). */
export function listCaptures(db: SqliteDatabase, sessionId?: number): CaptureListRow[] {
  const rows = db
    .prepare(
      `SELECT id, session_id, created_at, note, sample_rate_hz, sample_count, metrics_json FROM captures
       WHERE (? IS NULL OR session_id = ?) ORDER BY id`,
    )
    .all(sessionId ?? null, sessionId ?? null) as Row[];
  return rows.map((r) => ({
    id: r.id as number,
    sessionId: (r.session_id as number | null) ?? null,
    createdAt: r.created_at as string,
    note: r.note as string,
    sampleRateHz: r.sample_rate_hz as number,
    sampleCount: r.sample_count as number,
    metricsJson: r.metrics_json as string,
  }));
}

export function getCapture(db: SqliteDatabase, id: number): CaptureRow | null {
  const r = db.prepare('SELECT * FROM captures WHERE id = ?').get(id) as Row | undefined;
  if (!r) return null;
  const blob = r.samples as Buffer;
  return {
    id: r.id as number,
    sessionId: (r.session_id as number | null) ?? null,
    createdAt: r.created_at as string,
    note: r.note as string,
    sampleRateHz: r.sample_rate_hz as number,
    channelsJson: r.channels_json as string,
    sampleCount: r.sample_count as number,
    format: r.format as string,
    samples: new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength),
    metricsJson: r.metrics_json as string,
  };
}

export function deleteCapture(db: SqliteDatabase, id: number): boolean {
  return db.prepare('DELETE FROM captures WHERE id = ?').run(id).changes === 1;
}

export function listSessions(db: SqliteDatabase): SessionRow[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.started_at, s.ended_at, s.board_serial, s.port, s.note,
         (SELECT COUNT(*) FROM minute_aggregates m WHERE m.session_id = s.id) AS minutes,
         (SELECT COALESCE(SUM(energy_wh), 0) FROM minute_aggregates m WHERE m.session_id = s.id) AS energy_wh,
         (SELECT COUNT(*) FROM captures c WHERE c.session_id = s.id) AS captures
       FROM meter_sessions s ORDER BY s.id`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    id: r.id as number,
    startedAt: r.started_at as string,
    endedAt: (r.ended_at as string | null) ?? null,
    boardSerial: r.board_serial as string,
    port: r.port as string,
    note: r.note as string,
    minutes: r.minutes as number,
    energyWh: r.energy_wh as number,
    captures: r.captures as number,
  }));
}

/** minute_aggregates filtered by range; the SQL fragment and its parameters. */
function rangeWhere(range: MinuteRange): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (range.from !== undefined) {
    parts.push('minute_start >= ?');
    params.push(range.from);
  }
  if (range.to !== undefined) {
    parts.push('minute_start < ?');
    params.push(range.to);
  }
  if (range.sessionId !== undefined) {
    parts.push('session_id = ?');
    params.push(range.sessionId);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Minutes of all selected sessions merged by minute: powers, currents and energies of boards recorded at
 * the same time add up (two circuits); voltages, power factors and frequencies are averaged.
 */
function mergedMinutes(range: MinuteRange): { sql: string; params: (string | number)[] } {
  const where = rangeWhere(range);
  return {
    sql: `SELECT minute_start, SUM(samples) AS samples, SUM(p_avg_w) AS p, AVG(vrms_avg) AS v, SUM(irms_avg) AS i,
            AVG(pf_avg) AS pf, AVG(frequency_avg_hz) AS f, SUM(energy_wh) AS e
          FROM minute_aggregates ${where.sql} GROUP BY minute_start`,
    params: where.params,
  };
}

export interface TrendRow {
  t: string;
  minutes: number;
  pAvgW: number | null;
  pMinW: number | null;
  pMaxW: number | null;
  vrmsAvgV: number | null;
  irmsAvgA: number | null;
  pfAvg: number | null;
  energyWh: number;
}

export function minuteSpan(db: SqliteDatabase, range: MinuteRange): { first: string; last: string } | null {
  const where = rangeWhere(range);
  const r = db.prepare(`SELECT MIN(minute_start) AS first, MAX(minute_start) AS last FROM minute_aggregates ${where.sql}`).get(...where.params) as Row;
  return r.first ? { first: r.first as string, last: r.last as string } : null;
}

/** Buckets of `bucketMinutes` whole minutes (aligned on the Unix epoch), oldest first. */
export function powerTrend(db: SqliteDatabase, range: MinuteRange, bucketMinutes: number): TrendRow[] {
  const merged = mergedMinutes(range);
  const bucketS = bucketMinutes * 60;
  const rows = db
    .prepare(
      `WITH m AS (${merged.sql})
       SELECT (unixepoch(minute_start) / ${bucketS}) * ${bucketS} AS bucket, COUNT(*) AS minutes,
         AVG(p) AS p_avg, MIN(p) AS p_min, MAX(p) AS p_max, AVG(v) AS v, AVG(i) AS i, AVG(pf) AS pf, SUM(e) AS e
       FROM m GROUP BY bucket ORDER BY bucket`,
    )
    .all(...merged.params) as Row[];
  return rows.map((r) => ({
    t: new Date((r.bucket as number) * 1000).toISOString(),
    minutes: r.minutes as number,
    pAvgW: numOrNull(r.p_avg),
    pMinW: numOrNull(r.p_min),
    pMaxW: numOrNull(r.p_max),
    vrmsAvgV: numOrNull(r.v),
    irmsAvgA: numOrNull(r.i),
    pfAvg: numOrNull(r.pf),
    energyWh: (r.e as number | null) ?? 0,
  }));
}

/** Energy per calendar day in a time zone `utcOffsetMin` minutes east of UTC, oldest first. */
export function dailyEnergy(db: SqliteDatabase, range: MinuteRange, utcOffsetMin: number): { day: string; energyWh: number; minutes: number; peakW: number | null }[] {
  const merged = mergedMinutes(range);
  const shift = `${utcOffsetMin >= 0 ? '+' : '-'}${Math.abs(Math.trunc(utcOffsetMin))} minutes`;
  const rows = db
    .prepare(`WITH m AS (${merged.sql}) SELECT date(minute_start, ?) AS day, SUM(e) AS e, COUNT(*) AS minutes, MAX(p) AS peak FROM m GROUP BY day ORDER BY day`)
    .all(...merged.params, shift) as Row[];
  return rows.map((r) => ({ day: r.day as string, energyWh: (r.e as number | null) ?? 0, minutes: r.minutes as number, peakW: numOrNull(r.peak) }));
}

export type MinuteMetric = 'activePowerW' | 'vrmsV' | 'irmsA' | 'powerFactor' | 'frequencyHz';
const METRIC_COLUMN: Record<MinuteMetric, string> = { activePowerW: 'p', vrmsV: 'v', irmsA: 'i', powerFactor: 'pf', frequencyHz: 'f' };

/** One metric per merged minute, oldest first (for threshold episodes). */
export function metricByMinute(db: SqliteDatabase, range: MinuteRange, metric: MinuteMetric): { minuteStart: string; value: number }[] {
  const merged = mergedMinutes(range);
  const column = METRIC_COLUMN[metric];
  const rows = db.prepare(`WITH m AS (${merged.sql}) SELECT minute_start, ${column} AS value FROM m WHERE ${column} IS NOT NULL ORDER BY minute_start`).all(...merged.params) as Row[];
  return rows.map((r) => ({ minuteStart: r.minute_start as string, value: r.value as number }));
}

export interface AggregateCsvRow extends MinuteRow {
  sessionId: number;
  boardSerial: string;
}

/** Every selected minute of every session, for CSV export, in time order. */
export function* iterateMinutes(db: SqliteDatabase, range: MinuteRange): Generator<AggregateCsvRow> {
  const where = rangeWhere(range);
  const statement = db.prepare(
    `SELECT m.*, s.board_serial FROM minute_aggregates m JOIN meter_sessions s ON s.id = m.session_id
     ${where.sql} ORDER BY m.minute_start, m.session_id`,
  );
  for (const r of statement.iterate(...where.params) as Iterable<Row>) {
    yield {
      sessionId: r.session_id as number,
      boardSerial: r.board_serial as string,
      minuteStart: r.minute_start as string,
      samples: r.samples as number,
      vrmsAvg: numOrNull(r.vrms_avg),
      vrmsMin: numOrNull(r.vrms_min),
      vrmsMax: numOrNull(r.vrms_max),
      irmsAvg: numOrNull(r.irms_avg),
      irmsMax: numOrNull(r.irms_max),
      pAvgW: numOrNull(r.p_avg_w),
      qAvgVar: numOrNull(r.q_avg_var),
      sAvgVA: numOrNull(r.s_avg_va),
      pfAvg: numOrNull(r.pf_avg),
      frequencyAvgHz: numOrNull(r.frequency_avg_hz),
      energyWh: r.energy_wh as number,
      temperatureC: numOrNull(r.temperature_c),
    };
  }
}
