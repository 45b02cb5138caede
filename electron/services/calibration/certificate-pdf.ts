// Calibration certificate as a PDF: board identity, reference identity, date, coefficients before and
// after, the verification tables (one per sampling rate, like the source paper's Tables 2 and 3) and the
// verdict against the accuracy class. Generated in Node with pdfkit so it can be produced and checked
// headless (pdftotext in the tests).
import { writeFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { CalibrationRecord } from '../../../shared/calibration/record';
import { REFERENCE_METER_LABELS } from '../../../shared/calibration/reference-reading';
import type { ReferenceSource } from '../../../shared/calibration/reference-reading';
import type { VerificationRow, VerificationTable } from '../../../shared/calibration/verification';
import { QUANTITY_LABELS, QUANTITY_UNITS } from '../../../shared/calibration/verification';

export interface CertificateOptions {
  /**
   * A TrueType font with the Greek and mathematical signs (φ, ≤); without one the PDF's standard
   * Helvetica is used and such signs are written in ASCII (Helvetica only covers WinAnsi).
   */
  fontPath?: string;
  boldFontPath?: string;
  /** "Meterplan 0.1.0", printed in the footer. */
  producer?: string;
}

const PAGE = { size: 'A4' as const, margin: 50 };
const WIDTH = 595.28 - 2 * PAGE.margin;

/** Standard-font text: replaces the few characters outside WinAnsi that our labels use. */
export function toWinAnsi(text: string): string {
  return text
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/φ/g, 'phi')
    .replace(/−/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/—/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

export function certificateNumber(record: CalibrationRecord): string {
  const stamp = record.completedAt.replace(/[^0-9]/g, '').slice(0, 12);
  return `MP-${record.board.boardSerial}-${stamp}`;
}

export function referenceText(ref: ReferenceSource): string {
  if (ref.kind === 'typed') return `${ref.instrument} (readings typed by the operator)`;
  const link = ref.link.transport === 'rtu' ? `Modbus RTU on ${ref.link.path}, ${ref.link.baudRate} baud, parity ${ref.link.parity}` : `Modbus TCP ${ref.link.host}:${ref.link.port}`;
  const instrument = ref.instrument ? `, ${ref.instrument}` : '';
  return `${REFERENCE_METER_LABELS[ref.model]}${instrument} (${link}, unit ${ref.unitId})`;
}

const sig = (x: number, digits = 6) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : '-');
const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(2)} %` : '-');

const VERDICT_TEXT: Record<VerificationRow['verdict'], string> = { pass: 'pass', fail: 'FAIL', 'not-covered': 'n/a', info: '-' };

/** Renders the certificate; resolves with the PDF bytes. */
export function renderCalibrationCertificate(record: CalibrationRecord, options: CertificateOptions = {}): Promise<Buffer> {
  const completed = new Date(record.completedAt);
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `Calibration certificate ${certificateNumber(record)}`,
      Subject: `Board ${record.board.boardSerial}`,
      Producer: options.producer ?? 'Meterplan',
      Creator: options.producer ?? 'Meterplan',
      CreationDate: Number.isNaN(completed.getTime()) ? undefined : completed,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const unicode = Boolean(options.fontPath);
  const regular = options.fontPath ?? 'Helvetica';
  const bold = options.boldFontPath ?? options.fontPath ?? 'Helvetica-Bold';
  const t = (s: string) => (unicode ? s : toWinAnsi(s));
  const text = (s: string, o?: PDFKit.Mixins.TextOptions) => doc.text(t(s), o);

  // Title block
  doc.font(bold).fontSize(18);
  text('Calibration certificate');
  doc.font(regular).fontSize(10).fillColor('#444');
  text(`Certificate ${certificateNumber(record)} - issued ${record.completedAt}`);
  // The verdict first: it is what the reader looks for; the reasons follow the tables.
  const verdict = record.verification.verdict.verdict;
  doc.moveDown(0.3).font(bold).fontSize(11).fillColor(verdict === 'pass' ? '#1a7f37' : '#b42318');
  text(`Result: ${verdict.toUpperCase()} (class ${record.accuracy.accuracyClass}, ${record.accuracy.standard.split(',')[0]})`);
  doc.font(regular).fillColor('black').moveDown(0.6);

  const heading = (s: string) => {
    ensureSpace(doc, 60);
    doc.moveDown(0.5).font(bold).fontSize(12);
    text(s);
    doc.font(regular).fontSize(9.5).moveDown(0.2);
  };
  const field = (label: string, value: string) => {
    const y = doc.y;
    doc.font(bold);
    doc.text(t(label), PAGE.margin, y, { width: 115 });
    doc.font(regular);
    doc.text(t(value), PAGE.margin + 120, y, { width: WIDTH - 120 });
    doc.x = PAGE.margin;
  };

  heading('Instrument calibrated');
  field('Board serial', record.board.boardSerial);
  field('Firmware', `${record.board.firmwareVersion} (protocol v${record.board.protocolVersion})`);
  field('Acquisition', `${record.board.adcBits}-bit ADC, ${record.board.samplesPerPeriod} samples per period, ${record.board.nominalFrequencyHz} Hz mains`);

  heading('Reference');
  field('Reference instrument', referenceText(record.reference));
  field('Date', record.completedAt);
  if (record.operator) field('Operator', record.operator);
  field('Accuracy class', `class ${record.accuracy.accuracyClass}, ${record.accuracy.connection === 'direct' ? `Ib = ${record.accuracy.basicCurrentA} A` : `In = ${record.accuracy.basicCurrentA} A`}, Imax = ${record.accuracy.maxCurrentA} A`);
  field('Standard', record.accuracy.standard);

  heading('Coefficients');
  const coeffRows: [string, number, number, string][] = [
    ['Voltage gain', record.previousCoefficients.voltageGainVPerCount, record.coefficients.voltageGainVPerCount, 'V/count'],
    ['Voltage offset', record.previousCoefficients.voltageOffsetCounts, record.coefficients.voltageOffsetCounts, 'counts'],
    ['Current gain', record.previousCoefficients.currentGainAPerCount, record.coefficients.currentGainAPerCount, 'A/count'],
    ['Current offset', record.previousCoefficients.currentOffsetCounts, record.coefficients.currentOffsetCounts, 'counts'],
    ['Phase correction', record.previousCoefficients.phaseCorrectionDeg, record.coefficients.phaseCorrectionDeg, '°'],
  ];
  table(doc, t, regular, bold, [150, 110, 110, 80], ['Coefficient', 'Before', 'After', 'Unit'], coeffRows.map(([name, before, after, unit]) => [name, sig(before), sig(after), unit]));
  const steps = record.steps;
  const notes: string[] = [];
  if (steps.voltage) notes.push(`Voltage gain from ${steps.voltage.points.length} point(s), RMS residual ${steps.voltage.rmsResidualPercent.toFixed(3)} %.`);
  if (steps.current) notes.push(`Current gain from ${steps.current.points.length} point(s), RMS residual ${steps.current.rmsResidualPercent.toFixed(3)} %${steps.currentSign === -1 ? ' (clamp reversed: negative gain)' : ''}.`);
  if (steps.phase) notes.push(`Phase error ${steps.phase.phaseErrorDeg.toFixed(2)}° found at PF ${steps.phase.referencePowerFactor.toFixed(3)} (${steps.phase.powerErrorBeforePercent.toFixed(2)} % of active power before correction).`);
  if (steps.unity) notes.push(`Check at unity power factor: active power error ${pct(steps.unity.errorPercent)} with the new coefficients.`);
  doc.moveDown(0.3);
  for (const n of notes) text(n);
  text(record.storedOnBoard ? 'The new coefficients were stored in the board (EEPROM).' : 'The new coefficients were NOT stored: the board keeps its previous calibration.');

  heading('Verification');
  for (const tbl of record.verification.tables) verificationTable(doc, t, regular, bold, tbl);

  heading('Verdict');
  const v = record.verification.verdict;
  doc.font(bold).fontSize(12).fillColor(v.verdict === 'pass' ? '#1a7f37' : '#b42318');
  text(v.verdict === 'pass' ? `PASS - within the limits of class ${record.accuracy.accuracyClass}` : v.verdict === 'fail' ? `FAIL - outside the limits of class ${record.accuracy.accuracyClass}` : 'INCOMPLETE - no point could be judged');
  doc.fillColor('black').font(regular).fontSize(9.5);
  for (const r of v.reasons) text(`- ${r}`);
  text(`${v.judgedRows} row(s) judged. Relative error = (board - reference) / reference x 100.`);
  if (record.notes) {
    doc.moveDown(0.3);
    text(record.notes);
  }

  // Footer on every page.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    // The footer sits in the bottom margin: lift the margin while writing it, or pdfkit starts a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(regular).fontSize(8).fillColor('#666');
    const footer = `${options.producer ?? 'Meterplan'} - ${certificateNumber(record)} - page ${p - range.start + 1} of ${range.count}`;
    doc.text(t(footer), PAGE.margin, doc.page.height - PAGE.margin + 10, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** Renders and writes the certificate; a file-system failure is a result. */
export async function writeCalibrationCertificate(record: CalibrationRecord, filePath: string, options: CertificateOptions = {}): Promise<Result<{ path: string; bytes: number }>> {
  try {
    const pdf = await renderCalibrationCertificate(record, options);
    await writeFile(filePath, pdf);
    return ok({ path: filePath, bytes: pdf.length });
  } catch (e) {
    return err('write-failed', `Could not write the certificate to ${filePath}: ${(e as Error).message}`);
  }
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - PAGE.margin - 20) doc.addPage();
}

function table(doc: PDFKit.PDFDocument, t: (s: string) => string, regular: string, bold: string, widths: number[], header: string[], rows: string[][]): void {
  const rowHeight = 13;
  const drawRow = (cells: string[], font: string) => {
    ensureSpace(doc, rowHeight + 2);
    const y = doc.y;
    let x = PAGE.margin;
    doc.font(font);
    cells.forEach((c, k) => {
      doc.text(t(c), x + 2, y + 2, { width: widths[k] - 4, lineBreak: false, ellipsis: true });
      x += widths[k];
    });
    doc.moveTo(PAGE.margin, y + rowHeight).lineTo(PAGE.margin + widths.reduce((s, w) => s + w, 0), y + rowHeight).lineWidth(0.3).strokeColor('#999').stroke();
    doc.x = PAGE.margin;
    doc.y = y + rowHeight + 1;
  };
  doc.fontSize(9);
  drawRow(header, bold);
  for (const r of rows) drawRow(r, regular);
  doc.fontSize(9.5);
}

function verificationTable(doc: PDFKit.PDFDocument, t: (s: string) => string, regular: string, bold: string, tbl: VerificationTable): void {
  ensureSpace(doc, 50);
  doc.font(bold).fontSize(10);
  doc.text(t(`${tbl.samplesPerPeriod} samples per period`), PAGE.margin, doc.y + 4);
  doc.moveDown(0.2);
  const rows = tbl.rows.map((r) => {
    const unit = QUANTITY_UNITS[r.quantity];
    const u = unit ? ` ${unit}` : '';
    return [r.point, QUANTITY_LABELS[r.quantity], `${sig(r.referenceValue, 5)}${u}`, `${sig(r.boardValue, 5)}${u}`, pct(r.errorPercent), r.limitPercent === null ? '-' : `±${r.limitPercent} %`, VERDICT_TEXT[r.verdict]];
  });
  table(doc, t, regular, bold, [110, 40, 85, 85, 65, 55, 55], ['Point', 'Qty', 'Reference', 'Board', 'Error', 'Limit', 'Verdict'], rows);
  doc.moveDown(0.4);
}
