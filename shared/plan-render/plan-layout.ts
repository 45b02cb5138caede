// Where things go on the plan's canvas: metres → pixels (x right, y down, as in building.ts), the
// margins for the title, the rulers, the legend and the scale bar. One CSS pixel is 1/96 in, so the
// SVG's width and height are also what a PNG has at 96 dpi.
import type { Point } from '../model/building';
import type { FloorScene } from './floor-scene';
import { LEGEND_COLUMN_PX } from './plan-legend';

export interface PlanLayoutOptions {
  readonly pxPerM?: number;
  /** Without pxPerM: the largest scale at which the floor fits this box (default: 720 px on its longer side). */
  readonly maxPlanPx?: { readonly width: number; readonly height: number };
  readonly title: boolean;
  readonly rulers: boolean;
  readonly legend: boolean;
  /** 'right': one column beside the drawing; 'bottom': columns under it (portrait pages). */
  readonly legendPosition: 'right' | 'bottom';
  readonly bottomBand: boolean;
}

export interface PlanLayout {
  readonly pxPerM: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly planLeft: number;
  readonly planTop: number;
  readonly planWidth: number;
  readonly planHeight: number;
  readonly legendLeft: number;
  readonly legendTop: number;
  /** Legend columns that fit the width (1 beside the drawing). */
  readonly legendColumns: number;
  readonly width: number;
  /** Height without the legend; the caller grows it to fit the legend. */
  readonly baseHeight: number;
  readonly titleTop: number;
  readonly X: (xM: number) => number;
  readonly Y: (yM: number) => number;
}

export const PAD_PX = 16;
export const TITLE_PX = 46;
export const RULER_TOP_PX = 22;
export const RULER_LEFT_PX = 34;
export const LEGEND_GAP_PX = 28;
export const LEGEND_WIDTH_PX = 220;
export const BOTTOM_BAND_PX = 54;
/** Default drawing size: the floor's longer side takes this many pixels. */
export const DEFAULT_PLAN_SIZE_PX = 720;

/** Bounds of everything drawn on the floor (outline, walls, zones, devices), in metres. */
export function sceneBounds(scene: FloorScene): { minX: number; minY: number; maxX: number; maxY: number } {
  const pts: Point[] = [...scene.outline];
  for (const w of scene.walls) pts.push(w.a, w.b);
  for (const z of scene.zones) pts.push(...z.polygon);
  for (const d of scene.devices) pts.push(d.placement);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of pts) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  // The floor's own origin stays in view, so rulers start at 0 for a plan drawn from its corner.
  minX = Math.min(minX, 0);
  minY = Math.min(minY, 0);
  if (maxX - minX < 1e-6) maxX = minX + 1;
  if (maxY - minY < 1e-6) maxY = minY + 1;
  return { minX, minY, maxX, maxY };
}

export function planLayout(scene: FloorScene, o: PlanLayoutOptions): PlanLayout {
  const { minX, minY, maxX, maxY } = sceneBounds(scene);
  const fit = o.maxPlanPx ?? { width: DEFAULT_PLAN_SIZE_PX, height: DEFAULT_PLAN_SIZE_PX };
  const fitted = Math.min(fit.width / (maxX - minX), fit.height / (maxY - minY));
  const pxPerM = o.pxPerM !== undefined && o.pxPerM > 0 && Number.isFinite(o.pxPerM) ? o.pxPerM : Math.min(160, Math.max(2, fitted));
  const planLeft = PAD_PX + (o.rulers ? RULER_LEFT_PX : 0);
  const titleTop = PAD_PX;
  const planTop = PAD_PX + (o.title ? TITLE_PX : 0) + (o.rulers ? RULER_TOP_PX : 0);
  const planWidth = (maxX - minX) * pxPerM;
  const planHeight = (maxY - minY) * pxPerM;
  const below = o.legend && o.legendPosition === 'bottom';
  const besideLegend = o.legend && !below;
  // Room on the right for the "x (m)" axis name even without a legend beside the drawing.
  const legendLeft = below ? PAD_PX : planLeft + planWidth + LEGEND_GAP_PX;
  const drawingWidth = planLeft + planWidth + PAD_PX + (o.rulers ? 34 : 0);
  const width = Math.ceil(besideLegend ? legendLeft + LEGEND_WIDTH_PX + PAD_PX : below ? Math.max(drawingWidth, PAD_PX + LEGEND_COLUMN_PX + PAD_PX) : drawingWidth);
  const planBottom = planTop + planHeight + (o.bottomBand ? BOTTOM_BAND_PX : 12);
  const legendTop = below ? planBottom + 4 : planTop;
  const legendColumns = below ? Math.max(1, Math.floor((width - legendLeft - PAD_PX + 20) / LEGEND_COLUMN_PX)) : 1;
  const baseHeight = Math.ceil(planBottom + PAD_PX);
  return {
    pxPerM,
    minX,
    minY,
    maxX,
    maxY,
    planLeft,
    planTop,
    planWidth,
    planHeight,
    legendLeft,
    legendTop,
    legendColumns,
    width,
    baseHeight,
    titleTop,
    X: (x) => planLeft + (x - minX) * pxPerM,
    Y: (y) => planTop + (y - minY) * pxPerM,
  };
}
