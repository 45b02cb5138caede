// Tables in the PDF report: fixed-height rows, a header repeated at the top of every page the table
// runs onto, right-aligned numbers, zebra stripes, and text cut with an ellipsis rather than wrapped
// into the next cell.
import { pdfSafe } from './pdf-text';

export interface PdfColumn {
  readonly header: string;
  /** Share of the table's width (the columns' shares are normalised). */
  readonly weight: number;
  readonly align?: 'left' | 'right';
}

export interface PdfTable {
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Rows drawn in bold (e.g. the grand total). */
  readonly boldRows?: ReadonlySet<number>;
}

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
const ROW_PT = 15;
const FONT_PT = 8.5;
const PAD_PT = 4;
const HEADER_FILL = '#e8ecf1';
const ZEBRA_FILL = '#f6f8fa';
const RULE = '#c5ccd3';

/** Bottom of the writable area of the current page. */
export function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Moves to a new page unless `heightPt` still fits below the cursor. */
export function ensureRoom(doc: PDFKit.PDFDocument, heightPt: number): void {
  if (doc.y + heightPt > pageBottom(doc)) doc.addPage();
}

function fit(doc: PDFKit.PDFDocument, text: string, widthPt: number): string {
  const safe = pdfSafe(text);
  if (doc.widthOfString(safe) <= widthPt) return safe;
  let lo = 0;
  let hi = safe.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${safe.slice(0, mid)}…`) <= widthPt) lo = mid;
    else hi = mid - 1;
  }
  return `${safe.slice(0, lo)}…`;
}

/** Draws the table from the cursor, adding pages (with the header again) as it runs on. */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = table.columns.reduce((s, c) => s + c.weight, 0);
  const widths = table.columns.map((c) => (c.weight / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const drawRow = (cells: readonly string[], y: number, bold: boolean, fill: string | null): void => {
    if (fill) doc.rect(left, y, width, ROW_PT).fill(fill);
    doc.font(bold ? FONT_BOLD : FONT).fontSize(FONT_PT).fillColor('#1f2933');
    cells.forEach((cell, i) => {
      const col = table.columns[i];
      const w = widths[i] - 2 * PAD_PT;
      doc.text(fit(doc, cell, w), xs[i] + PAD_PT, y + (ROW_PT - FONT_PT) / 2 + 0.5, { width: w, align: col.align ?? 'left', lineBreak: false });
    });
  };
  const drawHeader = (): void => {
    const y = doc.y;
    drawRow(
      table.columns.map((c) => c.header),
      y,
      true,
      HEADER_FILL,
    );
    doc.moveTo(left, y + ROW_PT).lineTo(left + width, y + ROW_PT).lineWidth(0.8).strokeColor(RULE).stroke();
    doc.y = y + ROW_PT;
  };

  // Never leave a header alone at the foot of a page: it needs two rows under it.
  ensureRoom(doc, ROW_PT * 3);
  drawHeader();
  table.rows.forEach((cells, r) => {
    if (doc.y + ROW_PT > pageBottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(cells, y, table.boldRows?.has(r) ?? false, r % 2 === 1 ? ZEBRA_FILL : null);
    doc.y = y + ROW_PT;
  });
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.8).strokeColor(RULE).stroke();
  doc.x = left;
  doc.y += 10;
}
