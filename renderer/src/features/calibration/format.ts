// Numbers of the calibration pages: fixed decimals per quantity (a table whose column jumps between
// 230 V and 230.04 V is hard to read), errors with their sign, coefficients with significant digits.
import type { Language } from '../../../../shared/api/app-api';
import type { ReferenceField } from './reference-fields';

const NBSP = '\u00a0';
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(language, options)));
  return f;
}

/** A number with exactly `decimals` decimals and a real minus sign (U+2212); never "−0.00". */
export function fixed(value: number, decimals: number, language: Language): string {
  if (!Number.isFinite(value)) return '—';
  const text = numberFormat(language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? `−${text}` : text;
}

/** Degrees of angle: the symbol follows the number with no space (SI brochure §5.4.3). */
export function degrees(value: number, decimals: number, language: Language): string {
  return `${fixed(value, decimals, language)}°`;
}

export function withUnit(text: string, unit: string): string {
  return unit ? `${text}${NBSP}${unit}` : text;
}

/** Decimals per quantity: 0.01 V, 1 mA, 0.1 W, 0.001 of PF, 0.01 Hz (what a class 0.5 reference shows). */
export const QUANTITY_DECIMALS: Readonly<Record<ReferenceField, number>> = { voltageV: 2, currentA: 3, activePowerW: 1, powerFactor: 3, frequencyHz: 2 };

export function quantity(value: number | null | undefined, field: ReferenceField, unit: string, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return withUnit(fixed(value, QUANTITY_DECIMALS[field], language), unit);
}

/** "+0.23 %", "−1.05 %" (a real minus sign); an error that rounds to zero has no sign. */
export function percent(value: number | null | undefined, language: Language, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = fixed(Math.abs(value), decimals, language);
  const sign = !/[1-9]/.test(text) ? '' : value > 0 ? '+' : '−';
  return `${sign}${text}${NBSP}%`;
}

/** Six significant digits, as the certificate prints coefficients. */
export function significant(value: number, language: Language, digits = 6): string {
  if (!Number.isFinite(value)) return '—';
  const text = numberFormat(language, { maximumSignificantDigits: digits }).format(Math.abs(value));
  return value < 0 ? `−${text}` : text;
}

export function dateTime(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
