// File names the CSV dialogs propose: what the file holds and when, safe on every platform, in the
// documents folder. They only prefill a field the user can change (the back end writes the file).
import { joinPath } from '../project/project-paths';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-02 101500" in local time. */
export function stamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

export function suggestCsvPath(documentsDir: string, what: string, date: Date): string {
  const name = `${what} ${stamp(date)}.csv`;
  return documentsDir ? joinPath(documentsDir, name) : name;
}

/** The typed path with ".csv" added when it has no extension. */
export function withCsvExtension(path: string): string {
  const trimmed = path.trim();
  return /\.[A-Za-z0-9]{2,5}$/.test(trimmed.split(/[\\/]/).pop() ?? '') ? trimmed : `${trimmed}.csv`;
}
