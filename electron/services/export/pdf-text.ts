// Text for PDFKit's standard 14 fonts, which encode WinAnsi (PDF 32000-1 Annex D.2) and draw nothing
// for a character outside it. Common typographic symbols get an ASCII spelling; anything else left
// outside WinAnsi becomes "?" so that a reader sees that something was there.

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '≈': '~',
  '≠': '!=',
  '∞': 'inf',
  'Δ': 'delta ',
  'α': 'alpha',
  'λ': 'lambda',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/** The characters WinAnsiEncoding adds to Latin-1 in 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function inWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n' || ch === '\t';
}

function mapText(text: string, replace: (r: string) => string): string {
  let out = '';
  for (const ch of text) out += inWinAnsi(ch) ? ch : replace(REPLACEMENTS[ch] ?? '?');
  return out;
}

export function pdfSafe(text: string): string {
  return mapText(text, (r) => r);
}

/**
 * An SVG for svg-to-pdfkit: the markup is ASCII, so mapping the whole string maps only the text; the
 * replacements are escaped ("<->" must not open a tag).
 */
export function pdfSafeSvg(svg: string): string {
  return mapText(svg, (r) => r.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}
