// CSV of captures and of one-minute aggregates: RFC 4180 (comma, CRLF, quoted text), '.' decimals
// whatever the locale so that every tool reads it, an empty field where a value is missing, and a few
// leading '#' lines describing a capture (pandas: comment='#'; spreadsheets show them as text rows).
import type { AggregateCsvRow } from '../project/meter-store';

const EOL = '\r\n';

function quote(text: string): string {
  return /[",\r\n#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const fixed = (v: number | null | undefined, digits: number) => (v === null || v === undefined || !Number.isFinite(v) ? '' : v.toFixed(digits));

export interface CaptureCsvInput {
  createdAt: string;
  note: string;
  sampleRateHz: number;
  boardSerial: string | null;
  /** Time of sample 0 relative to the trigger, ms. */
  startMs: number;
  voltageV: readonly (number | null)[];
  currentA: readonly (number | null)[];
}

/** time_ms (from the trigger), voltage_V, current_A, power_W (instantaneous v·i). */
export function captureCsv(c: CaptureCsvInput): string {
  const lines = [
    '# Meterplan capture',
    `# created ${c.createdAt}`,
    `# sample rate ${c.sampleRateHz} Hz${c.boardSerial ? `, board ${c.boardSerial}` : ''}`,
    ...(c.note.trim() ? [`# note ${c.note.replace(/[\r\n]+/g, ' ')}`] : []),
    'time_ms,voltage_V,current_A,power_W',
  ];
  const dtMs = 1000 / c.sampleRateHz;
  for (let k = 0; k < c.voltageV.length; k++) {
    const v = c.voltageV[k];
    const i = c.currentA[k];
    const p = v !== null && i !== null ? v * i : null;
    lines.push(`${fixed(c.startMs + k * dtMs, 4)},${fixed(v, 3)},${fixed(i, 4)},${fixed(p, 2)}`);
  }
  return lines.join(EOL) + EOL;
}

export const AGGREGATE_CSV_HEADER =
  'minute_start_utc,session_id,board_serial,windows,vrms_avg_V,vrms_min_V,vrms_max_V,irms_avg_A,irms_max_A,p_avg_W,q_avg_var,s_avg_VA,pf_avg,frequency_avg_Hz,energy_Wh,temperature_C';

export function aggregateCsvLine(r: AggregateCsvRow): string {
  return [
    r.minuteStart,
    String(r.sessionId),
    quote(r.boardSerial),
    String(r.samples),
    fixed(r.vrmsAvg, 3),
    fixed(r.vrmsMin, 3),
    fixed(r.vrmsMax, 3),
    fixed(r.irmsAvg, 4),
    fixed(r.irmsMax, 4),
    fixed(r.pAvgW, 2),
    fixed(r.qAvgVar, 2),
    fixed(r.sAvgVA, 2),
    fixed(r.pfAvg, 4),
    fixed(r.frequencyAvgHz, 4),
    fixed(r.energyWh, 5),
    fixed(r.temperatureC, 2),
  ].join(',');
}

export function aggregatesCsv(rows: Iterable<AggregateCsvRow>): { text: string; rows: number } {
  const lines = [AGGREGATE_CSV_HEADER];
  for (const r of rows) lines.push(aggregateCsvLine(r));
  return { text: lines.join(EOL) + EOL, rows: lines.length - 1 };
}
