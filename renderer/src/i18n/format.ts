// Numbers with their units, in the window's language (10 m × 8 m, 80 m², 12 dB; 2,5 m in French).
// A no-break space keeps a number and its unit on one line (SI brochure §5.4.3: a space between them).
import type { Language } from '../../../shared/api/app-api';

const NBSP = '\u00a0';

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, maxDecimals: number): Intl.NumberFormat {
  const key = `${language}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(language, { maximumFractionDigits: maxDecimals })));
  return f;
}

export function formatNumber(value: number, language: Language, maxDecimals = 2): string {
  return numberFormat(language, maxDecimals).format(value);
}

export function formatQuantity(value: number, unit: string, language: Language, maxDecimals = 2): string {
  return `${formatNumber(value, language, maxDecimals)}${NBSP}${unit}`;
}

export const formatMetres = (m: number, language: Language) => formatQuantity(m, 'm', language);
export const formatSquareMetres = (m2: number, language: Language) => formatQuantity(m2, 'm²', language, 1);
export const formatDb = (db: number, language: Language) => formatQuantity(db, 'dB', language, 1);

/** "10 m × 8 m" */
export function formatDimensions(widthM: number, heightM: number, language: Language): string {
  return `${formatMetres(widthM, language)} × ${formatMetres(heightM, language)}`;
}
