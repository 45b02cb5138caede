// Exports a floor's deployment plan in one of five formats (DESIGN §3.5), the one entry point the UI,
// the CLI and the tests share: PDF report, PNG or SVG drawing, CSV of coordinates, JSON of the
// placement with its metrics and run. Expected failures come back as `{ ok: false, code, message }`.
import { err, type Err } from '../../../shared/api/result';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { coordinatesCsv } from '../../../shared/plan-render/coordinates-csv';
import { floorScene } from '../../../shared/plan-render/floor-scene';
import { planJsonText } from '../../../shared/plan-render/plan-json';
import { renderSceneSvg, type PlanSvgOptions } from '../../../shared/plan-render/plan-svg';
import { buildReportFromScene, checkPlacement, type MetricSet } from '../../../shared/plan-render/report-model';
import { ReportRunSchema } from '../../../shared/plan-render/report-run';
import { meterplanVersion } from './app-version';
import { checkOutputPath, writeOutput } from './export-writer';
import { renderPdfReport } from './pdf-report';
import { MAX_DPI, MAX_PNG_PIXELS, MIN_DPI, pngSize, renderPng } from './png-render';

export const EXPORT_FORMATS = ['pdf', 'png', 'svg', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Floor to export; by default the lowest floor. */
  readonly floorId?: number;
  /** An optimisation run (stored run, run file, worker result): validated before use. */
  readonly run?: unknown;
  /** PNG resolution (default 150 dpi). */
  readonly dpi?: number;
  /** Overlays of the drawing (PNG, SVG and the PDF's plan). */
  readonly plan?: PlanSvgOptions;
  /** Evaluations by other models, printed after the thesis model (PDF, JSON). */
  readonly extraMetricSets?: readonly MetricSet[];
  /** The report's date (default: now). */
  readonly date?: Date;
  readonly appVersion?: string;
}

export interface ExportDone {
  readonly ok: true;
  readonly format: ExportFormat;
  readonly path: string;
  readonly bytes: number;
  readonly deviceCount: number;
  /** PDF only. */
  readonly pages?: number;
  /** PNG and SVG: size in pixels. */
  readonly widthPx?: number;
  readonly heightPx?: number;
}

export type ExportResult = ExportDone | Err;

export const DEFAULT_DPI = 150;

export async function exportPlan(snapshot: ProjectSnapshot, options: ExportOptions, outPath: string): Promise<ExportResult> {
  const format = options.format;
  if (!EXPORT_FORMATS.includes(format)) return err('unknown-format', `Unknown export format "${String(format)}": use one of ${EXPORT_FORMATS.join(', ')}.`);
  const dpi = options.dpi ?? DEFAULT_DPI;
  if (format === 'png' && !(Number.isFinite(dpi) && dpi >= MIN_DPI && dpi <= MAX_DPI)) {
    return err('invalid-dpi', `The PNG resolution must be between ${MIN_DPI} and ${MAX_DPI} dpi (got ${dpi}).`);
  }
  let run = null;
  if (options.run !== undefined && options.run !== null) {
    const parsed = ReportRunSchema.safeParse(options.run);
    if (!parsed.success) {
      const why = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(run)'}: ${i.message}`).join('; ');
      return err('invalid-run', `The optimisation run cannot be printed: ${why}.`);
    }
    run = parsed.data;
  }
  const target = checkOutputPath(outPath);
  if (!target.ok) return target;

  // The report refuses an unknown floor and an empty placement, whatever the format.
  const found = floorScene(snapshot, options.floorId);
  const scene = found.ok ? checkPlacement(found.value, snapshot) : found;
  if (!scene.ok) return scene;
  const report = buildReportFromScene(scene.value, snapshot.building, { run, extraMetricSets: options.extraMetricSets, detectionThreshold: options.plan?.detectionThreshold });
  const date = options.date ?? new Date();
  const appVersion = options.appVersion ?? meterplanVersion();
  const deviceCount = report.devices.length;

  switch (format) {
    case 'csv': {
      const w = writeOutput(target.value, coordinatesCsv(report.devices));
      return w.ok ? { ok: true, format, path: target.value, bytes: w.value.bytes, deviceCount } : w;
    }
    case 'json': {
      const w = writeOutput(target.value, planJsonText(report, date.toISOString(), appVersion));
      return w.ok ? { ok: true, format, path: target.value, bytes: w.value.bytes, deviceCount } : w;
    }
    case 'svg': {
      const plan = renderSceneSvg(scene.value, snapshot.building.name, options.plan);
      const w = writeOutput(target.value, plan.svg);
      return w.ok ? { ok: true, format, path: target.value, bytes: w.value.bytes, deviceCount, widthPx: plan.widthPx, heightPx: plan.heightPx } : w;
    }
    case 'png': {
      const plan = renderSceneSvg(scene.value, snapshot.building.name, options.plan);
      const size = pngSize(plan.widthPx, plan.heightPx, dpi);
      if (size.width * size.height > MAX_PNG_PIXELS) {
        return err('png-too-large', `At ${dpi} dpi the PNG would be ${size.width} × ${size.height} pixels; choose a lower resolution.`);
      }
      const png = renderPng(plan.svg, dpi);
      const w = writeOutput(target.value, png.bytes);
      return w.ok ? { ok: true, format, path: target.value, bytes: w.value.bytes, deviceCount, widthPx: png.width, heightPx: png.height } : w;
    }
    case 'pdf': {
      const renderPlan = (o: PlanSvgOptions) => renderSceneSvg(scene.value, snapshot.building.name, o);
      const pdf = await renderPdfReport({ report, renderPlan, planOptions: options.plan, date, appVersion });
      const w = writeOutput(target.value, pdf.bytes);
      return w.ok ? { ok: true, format, path: target.value, bytes: w.value.bytes, deviceCount, pages: pdf.pages } : w;
    }
  }
}
