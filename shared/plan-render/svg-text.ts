// Text and numbers as they go into SVG (and CSV/PDF tables): escaped, and formatted the same way on
// every run so that the same plan gives the same bytes (no locale, no "-0", no exponent notation).

/** Escapes the five XML special characters, for text content and for attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/**
 * Removes what XML 1.0 forbids in a document (§2.2: C0 controls other than tab, newline, carriage return;
 * lone surrogates; U+FFFE/U+FFFF), so a stray control character in a building name cannot make the
 * drawing unreadable.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** Escaped and cleaned: what every piece of user text goes through before entering the SVG. */
export function svgText(text: string): string {
  return escapeXml(xmlSafe(text));
}

/** A coordinate or length with at most `decimals` decimals, trailing zeros dropped, never "-0". */
export function num(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '0';
  const s = value.toFixed(decimals);
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A value with exactly `decimals` decimals (tables: columns line up), never "-0.00". */
export function fixed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
