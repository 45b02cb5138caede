// The deployment report as a PDF (DESIGN §3.5), with PDFKit: a title block (building, floor, date,
// Meterplan version), the plan drawing as vectors (svg-to-pdfkit) with devices and coverage, the
// headline objective values, the coordinates table, the bill of materials, every metric, and the
// optimisation run (algorithm, parameters, seed, front as a scatter and a table) when there is one.
// A4 portrait; every page carries a footer with the page number.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { PlanSvg, PlanSvgOptions } from '../../../shared/plan-render/plan-svg';
import type { Metric } from '../../../shared/plan-render/report-model';
import type { DeploymentReport } from '../../../shared/plan-render/report-model';
import { algorithmTitle } from '../../../shared/plan-render/report-run';
import { frontScatterSvg } from '../../../shared/plan-render/front-scatter-svg';
import { fixed } from '../../../shared/plan-render/svg-text';
import { drawTable, ensureRoom, FONT, FONT_BOLD, pageBottom } from './pdf-table';
import { pdfSafe, pdfSafeSvg } from './pdf-text';

export interface PdfReportInput {
  readonly report: DeploymentReport;
  /** Draws the plan with these options (the report sets the size, the legend position, no title). */
  readonly renderPlan: (options: PlanSvgOptions) => PlanSvg;
  /** The overlays the caller asked for. */
  readonly planOptions?: PlanSvgOptions;
  readonly date: Date;
  readonly appVersion: string;
}

const INK = '#1f2933';
const MUTED = '#616e7c';
const ACCENT = '#3949ab';
/** Rows of the front table beyond which the table is cut (the JSON export has them all). */
export const MAX_FRONT_ROWS = 200;

const kindName = { sensor: 'Sensor', router: 'Router', gateway: 'Gateway' } as const;

export function formatValue(m: Pick<Metric, 'value' | 'unit'>): string {
  if (m.value === null) return 'n/a';
  if (m.unit === '%') return `${fixed(m.value, 2)} %`;
  // Counts of units read as counts ("14 units"); fractional costs keep their cents.
  return `${Number.isInteger(m.value) ? String(m.value) : fixed(m.value, 2)} ${m.unit}`;
}

function isoDay(d: Date): string {
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  ensureRoom(doc, 70);
  doc.moveDown(0.4);
  doc.font(FONT_BOLD).fontSize(13).fillColor(INK).text(pdfSafe(text), doc.page.margins.left, doc.y);
  doc.moveDown(0.3);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, size = 8.5, colour = MUTED): void {
  const left = doc.page.margins.left;
  doc.font(FONT).fontSize(size).fillColor(colour).text(pdfSafe(text), left, doc.y, { width: doc.page.width - left - doc.page.margins.right });
  doc.moveDown(0.4);
}

function titleBlock(doc: PDFKit.PDFDocument, input: PdfReportInput): void {
  const { report } = input;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT_BOLD).fontSize(8.5).fillColor(ACCENT).text('METERPLAN  ·  WIRELESS SENSOR NETWORK DEPLOYMENT PLAN', left, doc.y, { characterSpacing: 0.6 });
  doc.moveDown(0.3);
  doc.font(FONT_BOLD).fontSize(19).fillColor(INK).text(pdfSafe(report.building.name || 'Untitled building'), left, doc.y, { width });
  if (report.building.address) doc.font(FONT).fontSize(10).fillColor(MUTED).text(pdfSafe(report.building.address), { width });
  doc.moveDown(0.5);

  const f = report.floor;
  const counts = (['sensor', 'router', 'gateway'] as const)
    .map((k) => [k, report.devices.filter((d) => d.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${kindName[k].toLowerCase()}${n === 1 ? '' : 's'}`)
    .join(', ');
  const facts: [string, string][] = [
    ['Floor', `${f.name} (level ${f.level})`],
    ['Floor size', `${fixed(f.widthM, 2)} m × ${fixed(f.heightM, 2)} m, grid ${fixed(f.gridPitchM, 2)} m`],
    ['Devices', counts],
    ['Date', isoDay(input.date)],
    ['Produced by', `Meterplan ${input.appVersion}`],
  ];
  if (report.run) facts.push(['Optimisation', `${algorithmTitle(report.run.algorithm)}, seed ${report.run.seed}, ${report.run.front.length} solutions on the front`]);
  const y0 = doc.y;
  const half = Math.ceil(facts.length / 2);
  facts.forEach(([k, v], i) => {
    const x = left + (i < half ? 0 : width / 2);
    const y = y0 + (i % half) * 14;
    doc.font(FONT_BOLD).fontSize(8.5).fillColor(MUTED).text(pdfSafe(k), x, y, { width: 70, lineBreak: false });
    doc.font(FONT).fontSize(8.5).fillColor(INK).text(pdfSafe(v), x + 72, y, { width: width / 2 - 78, lineBreak: false, ellipsis: true });
  });
  doc.y = y0 + half * 14 + 6;
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.6).strokeColor('#c5ccd3').stroke();
  doc.y += 10;
}

/** Width of the plan's SVG on the page, in CSS px: a little wider than the text block, so ~10 pt text. */
const PLAN_SVG_WIDTH_PX = 540;
/** Rulers, margins and the "x (m)" label around the floor in the SVG (plan-layout.ts). */
const PLAN_FRAME_PX = 100;

function planDrawing(doc: PDFKit.PDFDocument, input: PdfReportInput, maxHeightPt: number): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // The floor gets the width; its height is then reduced until the whole drawing (legend included) fits.
  let boxHeight = maxHeightPt;
  let plan = input.renderPlan({ ...input.planOptions, title: false, legendPosition: 'bottom', maxPlanPx: { width: PLAN_SVG_WIDTH_PX - PLAN_FRAME_PX, height: boxHeight } });
  for (let i = 0; i < 3; i++) {
    const scale = Math.min(width / plan.widthPx, 1);
    const excessPx = plan.heightPx - maxHeightPt / scale;
    if (excessPx <= 0) break;
    boxHeight = Math.max(60, boxHeight - excessPx - 2);
    plan = input.renderPlan({ ...input.planOptions, title: false, legendPosition: 'bottom', maxPlanPx: { width: PLAN_SVG_WIDTH_PX - PLAN_FRAME_PX, height: boxHeight } });
  }
  const scale = Math.min(width / plan.widthPx, maxHeightPt / plan.heightPx);
  const w = plan.widthPx * scale;
  const h = plan.heightPx * scale;
  const y0 = doc.y;
  SVGtoPDF(doc, pdfSafeSvg(plan.svg), left + (width - w) / 2, y0, { width: w, height: h, preserveAspectRatio: 'xMidYMin meet' });
  doc.y = y0 + h + 8;
}

/** The four objectives of the thesis as tiles under the plan. */
function headlineTiles(doc: PDFKit.PDFDocument, report: DeploymentReport): void {
  const keys = ['cost', 'coverage', 'overCoverage', 'connectivity'];
  const metrics = keys.map((k) => report.metricSets[0].metrics.find((m) => m.key === k)).filter((m): m is Metric => m !== undefined);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const gap = 8;
  const w = (width - gap * (metrics.length - 1)) / metrics.length;
  const h = 44;
  ensureRoom(doc, h + 4);
  const y = doc.y;
  const titles: Record<string, string> = { cost: 'Cost', coverage: 'Coverage', overCoverage: 'Over-coverage', connectivity: 'Connectivity' };
  metrics.forEach((m, i) => {
    const x = left + i * (w + gap);
    doc.roundedRect(x, y, w, h, 4).fillAndStroke('#f6f8fa', '#d5dbe1');
    doc.font(FONT).fontSize(8).fillColor(MUTED).text(titles[m.key] ?? m.label, x + 8, y + 7, { width: w - 16, lineBreak: false });
    doc.font(FONT_BOLD).fontSize(15).fillColor(INK).text(pdfSafe(formatValue(m)), x + 8, y + 20, { width: w - 16, lineBreak: false });
  });
  doc.y = y + h + 6;
  paragraph(doc, 'Thesis model: binary detection and communication disks on the floor grid; details on the next pages.', 7.5);
}

function coordinatesSection(doc: PDFKit.PDFDocument, report: DeploymentReport): void {
  heading(doc, 'Device coordinates');
  paragraph(doc, 'Metres from the floor origin (top-left corner of the plan), x to the right, y down.');
  drawTable(doc, {
    columns: [
      { header: 'Device', weight: 1.1 },
      { header: 'Type', weight: 2.6 },
      { header: 'Kind', weight: 1 },
      { header: 'x (m)', weight: 0.9, align: 'right' },
      { header: 'y (m)', weight: 0.9, align: 'right' },
      { header: 'Floor', weight: 1.6 },
    ],
    rows: report.devices.map((d) => [d.label, d.type, kindName[d.kind], fixed(d.xM, 2), fixed(d.yM, 2), d.floor]),
  });
}

function bomSection(doc: PDFKit.PDFDocument, report: DeploymentReport): void {
  heading(doc, 'Bill of materials');
  const money = (v: number | null) => (v === null ? 'n/a' : fixed(v, 2));
  const rows = report.bom.rows.map((r) => [r.type, kindName[r.kind], r.model, money(r.unitCost), String(r.quantity), money(r.total)]);
  const quantity = report.bom.rows.reduce((s, r) => s + r.quantity, 0);
  rows.push(['Total', '', '', '', String(quantity), money(report.bom.grandTotal)]);
  drawTable(doc, {
    columns: [
      { header: 'Device type', weight: 2.2 },
      { header: 'Kind', weight: 0.9 },
      { header: 'Model', weight: 2 },
      { header: `Unit cost (${report.bom.currency})`, weight: 1.4, align: 'right' },
      { header: 'Quantity', weight: 0.9, align: 'right' },
      { header: `Total (${report.bom.currency})`, weight: 1.3, align: 'right' },
    ],
    rows,
    boldRows: new Set([rows.length - 1]),
  });
}

function metricsSection(doc: PDFKit.PDFDocument, report: DeploymentReport): void {
  for (const set of report.metricSets) {
    heading(doc, set.title);
    paragraph(doc, set.description);
    drawTable(doc, {
      columns: [
        { header: 'Measure', weight: 3.2 },
        { header: 'Value', weight: 1.1, align: 'right' },
        { header: 'Note', weight: 2.8 },
      ],
      rows: set.metrics.map((m) => [m.label, formatValue(m), m.note ?? '']),
    });
  }
  if (report.warnings.length) {
    heading(doc, 'Warnings');
    for (const w of report.warnings) paragraph(doc, `• ${w}`, 9, '#b3261e');
  }
}

function runSection(doc: PDFKit.PDFDocument, report: DeploymentReport): void {
  const run = report.run;
  if (!run) return;
  doc.addPage();
  heading(doc, `Optimisation run: ${algorithmTitle(run.algorithm)}`);
  const facts: [string, string][] = [
    ['Algorithm', algorithmTitle(run.algorithm)],
    ['Seed', String(run.seed)],
  ];
  if (run.problem) facts.push(['Problem', run.problem]);
  if (run.encoding) facts.push(['Encoding', run.encoding]);
  if (run.generations !== undefined) facts.push(['Generations', String(run.generations)]);
  if (run.evaluations !== undefined) facts.push(['Evaluations', String(run.evaluations)]);
  if (run.elapsedMs !== undefined) facts.push(['Run time', `${fixed(run.elapsedMs / 1000, 2)} s`]);
  if (run.stopReason) facts.push(['Stopped', run.stopReason]);
  if (run.createdAt) facts.push(['Run on', run.createdAt]);
  facts.push(['Objectives', run.objectives.map((o) => `${o.name} (${o.direction === 'minimize' ? 'min' : 'max'}${o.unit ? `, ${o.unit}` : ''})`).join(', ')]);
  for (const [k, v] of Object.entries(run.parameters).sort(([a], [b]) => a.localeCompare(b))) facts.push([humanize(k), String(v)]);
  drawTable(doc, { columns: [{ header: 'Setting', weight: 1.4 }, { header: 'Value', weight: 4 }], rows: facts });

  heading(doc, `Pareto front (${run.front.length} solutions)`);
  const current = report.front.some((r) => r.current);
  const scatter = frontScatterSvg(run, report.front);
  if (scatter) {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const w = Math.min(width, 380);
    const h = (w * 300) / 440;
    ensureRoom(doc, h + 10);
    const y0 = doc.y;
    // svg-to-pdfkit honours width/height only together with preserveAspectRatio.
    SVGtoPDF(doc, pdfSafeSvg(scatter), left + (width - w) / 2, y0, { width: w, height: h, preserveAspectRatio: 'xMidYMin meet' });
    // svg-to-pdfkit moves the text cursor while it draws text: place the next block from the saved top.
    doc.y = y0 + h + 4;
  }
  paragraph(doc, current ? 'The solution marked “current” (ringed on the chart) is the placement of this report.' : 'None of these solutions is exactly the placement of this report (it was edited or comes from elsewhere).');
  const shown = report.front.slice(0, MAX_FRONT_ROWS);
  drawTable(doc, {
    columns: [
      { header: '#', weight: 0.6, align: 'right' },
      ...run.objectives.map((o) => ({ header: `${o.name}${o.unit ? ` (${o.unit})` : ''}`, weight: 1.2, align: 'right' as const })),
      { header: 'Devices', weight: 0.8, align: 'right' },
      { header: '', weight: 0.9 },
    ],
    rows: shown.map((r, i) => [String(i + 1), ...r.values.map((v) => (Number.isFinite(v) ? fixed(v, 2) : 'n/a')), String(r.deviceCount), r.current ? 'current' : '']),
  });
  if (report.front.length > shown.length) paragraph(doc, `${report.front.length - shown.length} more solutions are in the JSON export.`);
}

/** "crossoverProbability" → "Crossover probability" (parameter keys are camelCase identifiers). */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function footers(doc: PDFKit.PDFDocument, input: PdfReportInput): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const y = doc.page.height - doc.page.margins.bottom + 22;
    // Writing below the bottom margin would make PDFKit open a new page: lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.5).strokeColor('#d5dbe1').stroke();
    doc.font(FONT).fontSize(7.5).fillColor(MUTED);
    doc.text(pdfSafe(`Meterplan ${input.appVersion} · ${input.report.building.name} · ${input.report.floor.name}`), left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}

export async function renderPdfReport(input: PdfReportInput): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 46, bottom: 56, left: 48, right: 48 },
    bufferPages: true,
    info: {
      Title: pdfSafe(`Deployment plan — ${input.report.building.name}`),
      Subject: pdfSafe(`Floor ${input.report.floor.name}`),
      Creator: `Meterplan ${input.appVersion}`,
      Producer: `Meterplan ${input.appVersion} (PDFKit)`,
      CreationDate: input.date,
      ModDate: input.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titleBlock(doc, input);
  // The plan takes what the first page has left, keeping room for the headline tiles.
  planDrawing(doc, input, pageBottom(doc) - doc.y - 80);
  headlineTiles(doc, input.report);
  doc.addPage();
  coordinatesSection(doc, input.report);
  bomSection(doc, input.report);
  metricsSection(doc, input.report);
  runSection(doc, input.report);
  const pages = footers(doc, input);
  doc.end();
  return { bytes: await done, pages };
}
