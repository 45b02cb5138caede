// Readings with fixed decimals, so that digits do not jump as values change (a meter's display, not
// a text): each quantity with the resolution that means something for mains measurements, kilo- above
// 10 000, in the window's language, the number and unit joined by a no-break space (SI brochure §5.4.3).
import type { Language } from '../../../../shared/api/app-api';

const NBSP = '\u00a0';
const formats = new Map<string, Intl.NumberFormat>();

function fmt(language: Language, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

export function fixed(value: number, digits: number, language: Language): string {
  return fmt(language, digits).format(value);
}

/** Digits for a magnitude: 4 significant figures, at most `maxDigits` decimals. */
function digitsFor(magnitude: number, maxDigits: number): number {
  const a = Math.abs(magnitude);
  const d = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return Math.min(maxDigits, d);
}

export type Quantity = 'V' | 'A' | 'W' | 'var' | 'VA' | 'Hz' | 'PF' | '%' | '°C' | 'Wh' | 'ms';

/** "230.1 V", "10.02 A", "2 300 W" (12.35 kW above 10 kW), "0.998", "49.998 Hz", "2.1 %", "—" for nothing. */
export function formatReading(value: number | null | undefined, quantity: Quantity, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (quantity) {
    case 'PF':
      return fixed(value, 3, language);
    case 'Hz':
      return `${fixed(value, 3, language)}${NBSP}Hz`;
    case '%':
      return `${fixed(value, value < 10 ? 2 : 1, language)}${NBSP}%`;
    case '°C':
      return `${fixed(value, 1, language)}${NBSP}°C`;
    case 'ms':
      return `${fixed(value, Math.abs(value) < 10 ? 3 : 2, language)}${NBSP}ms`;
    case 'Wh':
      return Math.abs(value) >= 10_000 ? `${fixed(value / 1000, 2, language)}${NBSP}kWh` : `${fixed(value, Math.abs(value) < 10 ? 3 : 1, language)}${NBSP}Wh`;
    case 'W':
    case 'var':
    case 'VA':
      return Math.abs(value) >= 10_000 ? `${fixed(value / 1000, 2, language)}${NBSP}k${quantity}` : `${fixed(value, digitsFor(value, 1), language)}${NBSP}${quantity}`;
    case 'V':
      return `${fixed(value, digitsFor(value, 2), language)}${NBSP}V`;
    case 'A':
      return `${fixed(value, digitsFor(value, 3), language)}${NBSP}A`;
  }
}

/** A per-division scale on a 1–2–5 knob: "100 V/div", "0.05 A/div", "5 ms/div", "2 kW/div". */
export function formatPerDiv(value: number, unit: 'V' | 'A' | 'W' | 'ms', language: Language): string {
  if (unit === 'W' && value >= 1000) return `${fixed(value / 1000, 0, language)}${NBSP}kW/div`;
  const digits = value >= 1 ? 0 : value >= 0.1 ? 1 : 2;
  return `${fixed(value, digits, language)}${NBSP}${unit}/div`;
}
