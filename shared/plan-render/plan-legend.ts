// The plan's legend: devices (with counts), wall materials in use (with their attenuation), zone kinds
// present, the detection-count colours and the link styles. Laid out as one column to the right of the
// drawing, or as columns under it (for a portrait page, where the drawing needs the full width).
import type { DeviceKind, ZoneKind } from '../model/building';
import type { FloorScene } from './floor-scene';
import { COVERAGE_COLOURS, COVERAGE_LABELS, DEVICE_STYLES, INK, LINK_COLOURS, ZONE_STYLES } from './palette';
import { deviceSymbol } from './plan-symbols';
import { num, svgText } from './svg-text';
import { el } from './svg-writer';

const ROW_PX = 17;
const HEADING_PX = 23;
const SECTION_GAP_PX = 6;
const SWATCH_PX = 22;
const MAX_CHARS = 26;
/** Width of one legend column (swatch + text of about MAX_CHARS characters at 10.5 px). */
export const LEGEND_COLUMN_PX = 165;

interface Section {
  readonly title: string;
  readonly rows: readonly { readonly swatch: (x: number, y: number) => string; readonly text: string }[];
}

function sectionHeight(s: Section): number {
  return HEADING_PX + s.rows.length * ROW_PX + SECTION_GAP_PX;
}

function sections(scene: FloorScene, show: { coverage: boolean; links: boolean }): Section[] {
  const out: Section[] = [];
  const kinds: DeviceKind[] = (['sensor', 'router', 'gateway'] as const).filter((k) => scene.devices.some((d) => d.kind === k));
  if (kinds.length) {
    out.push({
      title: 'Devices',
      rows: kinds.map((k) => {
        const n = scene.devices.filter((d) => d.kind === k).length;
        return { swatch: (x, y) => deviceSymbol(k, x + SWATCH_PX / 2, y, 6), text: `${n === 1 ? DEVICE_STYLES[k].name : DEVICE_STYLES[k].plural} (${n})` };
      }),
    });
  }
  const used = [...new Set(scene.walls.map((w) => w.materialId))].sort((a, b) => a - b);
  if (used.length) {
    out.push({
      title: 'Walls',
      rows: used.map((id) => {
        const m = scene.materials.get(id);
        return {
          swatch: (x, y) => el('line', { x1: x, y1: y, x2: x + SWATCH_PX, y2: y, stroke: m?.colour ?? INK.unknownMaterial, 'stroke-width': 4 }),
          text: m ? `${m.name} · ${num(m.attenuationDb, 1)} dB` : `material ${id} (missing)`,
        };
      }),
    });
  }
  const zoneKinds: ZoneKind[] = (['installable', 'exclusion', 'poi', 'gateway'] as const).filter((k) => scene.zones.some((z) => z.kind === k));
  if (zoneKinds.length) {
    out.push({
      title: 'Zones',
      rows: zoneKinds.map((k) => {
        const s = ZONE_STYLES[k];
        const swatch =
          k === 'gateway'
            ? (x: number, y: number) => el('circle', { cx: x + SWATCH_PX / 2, cy: y, r: 6, fill: 'none', stroke: s.stroke, 'stroke-width': 1.2, 'stroke-dasharray': s.dash })
            : (x: number, y: number) =>
                el('rect', {
                  x,
                  y: y - 6,
                  width: SWATCH_PX,
                  height: 12,
                  fill: s.fillOpacity > 0 ? s.fill : 'none',
                  'fill-opacity': s.fillOpacity > 0 ? Math.max(0.15, s.fillOpacity) : undefined,
                  stroke: s.stroke,
                  'stroke-width': 1.2,
                  'stroke-dasharray': s.dash || undefined,
                });
        return { swatch, text: s.name };
      }),
    });
  }
  if (show.coverage) {
    out.push({
      title: 'Detection count per cell',
      rows: COVERAGE_COLOURS.map((colour, level) => ({
        swatch: (x: number, y: number) => el('rect', { x, y: y - 6, width: SWATCH_PX, height: 12, fill: colour, stroke: INK.gridMajor, 'stroke-width': 0.6 }),
        text: `${level === COVERAGE_COLOURS.length - 1 ? `≥ ${level}` : level} — ${COVERAGE_LABELS[level]}`,
      })),
    });
  }
  if (show.links) {
    out.push({
      title: 'Links (disk model)',
      rows: [
        { swatch: (x, y) => el('line', { x1: x, y1: y, x2: x + SWATCH_PX, y2: y, stroke: LINK_COLOURS.sensor, 'stroke-width': 1 }), text: 'sensor → router/gateway' },
        {
          swatch: (x, y) => el('line', { x1: x, y1: y, x2: x + SWATCH_PX, y2: y, stroke: LINK_COLOURS.backbone, 'stroke-width': 2, 'stroke-dasharray': '6 3' }),
          text: 'router ↔ router/gateway',
        },
      ],
    });
  }
  return out;
}

function drawSection(s: Section, left: number, top: number): string {
  const parts = [el('text', { x: left, y: top + 15, 'font-size': 11, 'font-weight': 'bold' }, svgText(s.title))];
  s.rows.forEach((r, i) => {
    const y = top + HEADING_PX + i * ROW_PX + 4;
    parts.push(r.swatch(left, y));
    parts.push(el('text', { x: left + SWATCH_PX + 8, y: y + 4, 'font-size': 10.5 }, svgText(cut(r.text))));
  });
  return parts.join('');
}

export interface LegendShow {
  readonly coverage: boolean;
  readonly links: boolean;
}

/** Height of the legend laid out in `columns` columns (sections go to the shortest column, in order). */
export function legendColumns(scene: FloorScene, show: LegendShow, columns: number): { heights: number[]; placement: { section: Section; column: number; top: number }[] } {
  const heights = new Array<number>(Math.max(1, columns)).fill(0);
  const placement: { section: Section; column: number; top: number }[] = [];
  for (const section of sections(scene, show)) {
    let column = 0;
    for (let c = 1; c < heights.length; c++) if (heights[c] < heights[column] - 1e-9) column = c;
    placement.push({ section, column, top: heights[column] });
    heights[column] += sectionHeight(section);
  }
  return { heights, placement };
}

export function planLegend(scene: FloorScene, left: number, top: number, show: LegendShow, columns = 1): { svg: string; bottom: number } {
  const { heights, placement } = legendColumns(scene, show, columns);
  const out = placement.map((p) => drawSection(p.section, left + p.column * LEGEND_COLUMN_PX, top + p.top));
  return { svg: el('g', { class: 'legend' }, out), bottom: top + Math.max(0, ...heights) };
}

function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_CHARS ? text : `${chars.slice(0, MAX_CHARS - 1).join('')}…`;
}
