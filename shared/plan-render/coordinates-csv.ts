// The coordinates table as CSV (RFC 4180): header `device,type,x_m,y_m,floor`, CRLF line ends, fields
// quoted when they contain a comma, a quote, CR or LF (quotes doubled). Coordinates in metres with
// millimetre resolution, a dot as decimal separator whatever the locale. The parser is the exact
// inverse, for round trips and for importing a placement back.
import type { DeviceRow } from './report-model';
import { fixed } from './svg-text';

export const CSV_HEADER = ['device', 'type', 'x_m', 'y_m', 'floor'] as const;
const CSV_DECIMALS = 3;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection, OWASP). A device or type
 * name typed by a user is prefixed with a quote mark then, which spreadsheets show as text.
 */
function textField(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

export function coordinatesCsv(devices: readonly DeviceRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const d of devices) lines.push([textField(d.label), textField(d.type), fixed(d.xM, CSV_DECIMALS), fixed(d.yM, CSV_DECIMALS), textField(d.floor)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; code: 'invalid-csv'; message: string };

/** RFC 4180 records → fields. Accepts CRLF or LF line ends; a final line end is optional. */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let line = 1;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          return { ok: false, code: 'invalid-csv', message: `Line ${line}: text after a closing quote.` };
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else if (c === '"') {
      return { ok: false, code: 'invalid-csv', message: `Line ${line}: a quote inside an unquoted field.` };
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return { ok: false, code: 'invalid-csv', message: `Line ${line}: a quoted field is not closed.` };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}
