// The floor plan as an SVG document (DESIGN §3.5): outline, grid, walls coloured by material with their
// thickness to scale, zones, devices, and the overlays an engineer asks of a deployment drawing —
// detection count per cell, links between devices, legend, scale bar, rulers in metres and the axes.
// Pure and deterministic: the same snapshot and options give the same bytes (no ids from counters or
// clocks, numbers through one formatter), so an exported SVG can be diffed and tested.
import { type Result, ok } from '../api/result';
import type { ProjectSnapshot } from '../model/building';
import { polygonCentroid } from '../model/geometry';
import { coverageCells, diskLinks, type CoverageCells, DEFAULT_DETECTION_THRESHOLD } from './disk-model';
import { floorScene, type FloorScene } from './floor-scene';
import { hatchSegments } from './hatch';
import { COVERAGE_COLOURS, DEVICE_STYLES, FONT_FAMILY, INK, LINK_COLOURS, ZONE_STYLES } from './palette';
import { axesMark, rulers, scaleBar } from './plan-furniture';
import { planLegend } from './plan-legend';
import { planLayout, type PlanLayout } from './plan-layout';
import { DEVICE_RADIUS_PX, deviceSymbol, haloText } from './plan-symbols';
import { niceStep } from './scale';
import { num, svgText } from './svg-text';
import { el, points, SVG_NS } from './svg-writer';

export interface PlanSvgOptions {
  /** Detection count per grid cell (thesis disk model, or the probability threshold for other models). */
  readonly coverage?: boolean;
  /** Links of the binary communication disks (sensor → parent, and the router/gateway backbone). */
  readonly links?: boolean;
  readonly legend?: boolean;
  /** 'right' (default): beside the drawing; 'bottom': in columns under it (portrait pages). */
  readonly legendPosition?: 'right' | 'bottom';
  readonly scaleBar?: boolean;
  /** Rulers in metres along the top and left edges, and the x/y axes mark. */
  readonly axes?: boolean;
  readonly labels?: boolean;
  readonly grid?: boolean;
  /** Building and floor names above the plan (off when the plan sits under a report's own title). */
  readonly title?: boolean;
  /** Each sensor's detection disk, dashed. */
  readonly detectionDisks?: boolean;
  /** Drawing scale; by default the floor's longer side is 720 px. */
  readonly pxPerM?: number;
  /** Without pxPerM: the largest scale at which the floor fits this box. */
  readonly maxPlanPx?: { readonly width: number; readonly height: number };
  readonly detectionThreshold?: number;
}

export const DEFAULT_PLAN_OPTIONS: Required<Omit<PlanSvgOptions, 'pxPerM' | 'maxPlanPx'>> = {
  coverage: true,
  links: true,
  legend: true,
  legendPosition: 'right',
  scaleBar: true,
  axes: true,
  labels: true,
  grid: true,
  title: true,
  detectionDisks: false,
  detectionThreshold: DEFAULT_DETECTION_THRESHOLD,
};

export interface PlanSvg {
  readonly svg: string;
  /** CSS pixels (1/96 in): the PNG size at 96 dpi. */
  readonly widthPx: number;
  readonly heightPx: number;
  readonly pxPerM: number;
  readonly deviceCount: number;
}

export function renderPlanSvg(snapshot: ProjectSnapshot, floorId: number | undefined, options: PlanSvgOptions = {}): Result<PlanSvg> {
  const scene = floorScene(snapshot, floorId);
  if (!scene.ok) return scene;
  return ok(renderSceneSvg(scene.value, snapshot.building.name, options));
}

export function renderSceneSvg(scene: FloorScene, buildingName: string, options: PlanSvgOptions = {}): PlanSvg {
  const o = { ...DEFAULT_PLAN_OPTIONS, ...options };
  const L = planLayout(scene, { pxPerM: options.pxPerM, maxPlanPx: options.maxPlanPx, title: o.title, rulers: o.axes, legend: o.legend, legendPosition: o.legendPosition, bottomBand: o.scaleBar || o.axes });
  const hasDetection = scene.devices.some((d) => d.kind === 'sensor' && d.view.detection !== null);
  const coverage = o.coverage && hasDetection ? coverageCells(scene, o.detectionThreshold) : null;
  const links = o.links ? diskLinks(scene) : [];
  const legend = o.legend ? planLegend(scene, L.legendLeft, L.legendTop, { coverage: coverage !== null, links: links.length > 0 }, L.legendColumns) : null;
  const width = L.width;
  const height = Math.max(L.baseHeight, legend ? Math.ceil(legend.bottom + 16) : 0);

  const parts: string[] = [];
  parts.push(el('rect', { x: 0, y: 0, width, height, fill: INK.background }));
  if (o.title) parts.push(title(scene, buildingName, L));
  parts.push(el('defs', {}, el('clipPath', { id: 'floor-clip' }, el('polygon', { points: points(scene.outline.map((p) => ({ x: L.X(p.x), y: L.Y(p.y) }))) }))));
  parts.push(el('polygon', { class: 'floor', points: points(scene.outline.map((p) => ({ x: L.X(p.x), y: L.Y(p.y) }))), fill: INK.floorFill }));
  if (coverage) parts.push(coverageLayer(coverage, L));
  if (o.grid) parts.push(gridLayer(scene, L));
  parts.push(el('polygon', { points: points(scene.outline.map((p) => ({ x: L.X(p.x), y: L.Y(p.y) }))), fill: 'none', stroke: INK.outline, 'stroke-width': 1 }));
  parts.push(zonesLayer(scene, L));
  parts.push(wallsLayer(scene, L));
  if (links.length > 0) {
    parts.push(
      el(
        'g',
        { class: 'links', 'stroke-linecap': 'round' },
        links.map((k) =>
          el('line', {
            x1: L.X(k.a.placement.x),
            y1: L.Y(k.a.placement.y),
            x2: L.X(k.b.placement.x),
            y2: L.Y(k.b.placement.y),
            stroke: k.backbone ? LINK_COLOURS.backbone : LINK_COLOURS.sensor,
            'stroke-width': k.backbone ? 2 : 1,
            'stroke-dasharray': k.backbone ? '6 3' : undefined,
            'stroke-opacity': k.backbone ? 0.9 : 0.8,
          }),
        ),
      ),
    );
  }
  if (o.detectionDisks) parts.push(disksLayer(scene, L));
  parts.push(devicesLayer(scene, L, o.labels));
  if (o.axes) parts.push(rulers(L));
  if (o.scaleBar) parts.push(scaleBar(L));
  if (o.axes) parts.push(axesMark(L));
  if (legend) parts.push(legend.svg);

  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    el(
      'svg',
      { xmlns: SVG_NS, version: '1.1', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_FAMILY, 'font-size': 11, fill: INK.text },
      parts,
    ) +
    '\n';
  return { svg, widthPx: width, heightPx: height, pxPerM: L.pxPerM, deviceCount: scene.devices.length };
}

/** Cuts a name to about `maxChars` characters for a fixed-width slot (layout cannot measure text). */
export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}

function title(scene: FloorScene, buildingName: string, L: PlanLayout): string {
  const f = scene.floor;
  const maxChars = Math.max(12, Math.floor((L.width - 32) / 9));
  const counts = (['sensor', 'router', 'gateway'] as const)
    .map((k) => [k, scene.devices.filter((d) => d.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${(n === 1 ? DEVICE_STYLES[k].name : DEVICE_STYLES[k].plural).toLowerCase()}`);
  const sub = `Floor “${f.name}” (level ${f.level}) · ${num(f.widthM)} m × ${num(f.heightM)} m · grid ${num(f.gridPitchM)} m` + (counts.length ? ` · ${counts.join(', ')}` : '');
  return (
    el('text', { x: 16, y: L.titleTop + 16, 'font-size': 17, 'font-weight': 'bold' }, svgText(truncate(buildingName || 'Untitled building', maxChars))) +
    el('text', { x: 16, y: L.titleTop + 34, 'font-size': 11.5, fill: INK.muted }, svgText(truncate(sub, Math.floor(maxChars * 1.4))))
  );
}

function coverageLayer(cov: CoverageCells, L: PlanLayout): string {
  const h = (cov.cells.lattice.pitchM * L.pxPerM) / 2;
  const paths: string[][] = COVERAGE_COLOURS.map(() => []);
  for (let c = 0; c < cov.cells.count; c++) {
    const level = Math.min(cov.degree[c], COVERAGE_COLOURS.length - 1);
    const x = L.X(cov.cells.xs[c]) - h;
    const y = L.Y(cov.cells.ys[c]) - h;
    paths[level].push(`M${num(x)} ${num(y)}h${num(2 * h)}v${num(2 * h)}h${num(-2 * h)}Z`);
  }
  return el(
    'g',
    { class: 'coverage', 'clip-path': 'url(#floor-clip)' },
    paths.map((d, level) => (d.length ? el('path', { d: d.join(''), fill: COVERAGE_COLOURS[level] }) : '')),
  );
}

function gridLayer(scene: FloorScene, L: PlanLayout): string {
  const pitch = scene.floor.gridPitchM;
  const major = niceStep(Math.max(pitch, 30 / L.pxPerM));
  const lines: string[] = [];
  const draw = (step: number, colour: string, widthPx: number): void => {
    let d = '';
    for (let k = Math.ceil(L.minX / step); k * step <= L.maxX + 1e-9; k++) d += `M${num(L.X(k * step))} ${num(L.planTop)}V${num(L.planTop + L.planHeight)}`;
    for (let k = Math.ceil(L.minY / step); k * step <= L.maxY + 1e-9; k++) d += `M${num(L.planLeft)} ${num(L.Y(k * step))}H${num(L.planLeft + L.planWidth)}`;
    if (d) lines.push(el('path', { d, stroke: colour, 'stroke-width': widthPx, fill: 'none' }));
  };
  // Minor lines only when cells are big enough to see (≥ 6 px); the major ones match the rulers.
  if (pitch * L.pxPerM >= 6 && Math.abs(major - pitch) > 1e-9) draw(pitch, INK.gridMinor, 0.6);
  draw(major, INK.gridMajor, 0.8);
  return el('g', { class: 'grid', 'clip-path': 'url(#floor-clip)' }, lines);
}

function zonesLayer(scene: FloorScene, L: PlanLayout): string {
  const out: string[] = [];
  const px = (p: { x: number; y: number }) => ({ x: L.X(p.x), y: L.Y(p.y) });
  for (const z of scene.zones) {
    const s = ZONE_STYLES[z.kind];
    if (z.polygon.length >= 3) {
      const poly = z.polygon.map(px);
      const parts = [
        el('polygon', { points: points(poly), fill: s.fillOpacity > 0 ? s.fill : 'none', 'fill-opacity': s.fillOpacity > 0 ? s.fillOpacity : undefined, stroke: s.stroke, 'stroke-width': 1.2, 'stroke-dasharray': s.dash || undefined }),
      ];
      if (z.kind === 'exclusion') {
        const d = hatchSegments(poly, 7)
          .map((h) => `M${num(h.x1)} ${num(h.y1)}L${num(h.x2)} ${num(h.y2)}`)
          .join('');
        if (d) parts.push(el('path', { d, stroke: s.stroke, 'stroke-width': 0.8, 'stroke-opacity': 0.55, fill: 'none' }));
      }
      if (z.name && z.kind !== 'installable') {
        const c = px(polygonCentroid(z.polygon));
        parts.push(haloText(c.x, c.y + 4, svgText(truncate(z.name, 24)), { 'text-anchor': 'middle', 'font-size': 10, 'font-style': 'italic', fill: s.stroke }));
      }
      out.push(el('g', { class: `zone ${z.kind}` }, parts));
    } else {
      const p = px(z.polygon[0]);
      if (z.kind === 'gateway') {
        out.push(el('g', { class: 'zone gateway' }, el('circle', { cx: p.x, cy: p.y, r: DEVICE_RADIUS_PX + 5, fill: 'none', stroke: s.stroke, 'stroke-width': 1.2, 'stroke-dasharray': s.dash })));
      } else {
        // A single point of interest: a target mark.
        const r = 5;
        out.push(
          el('g', { class: `zone ${z.kind}` }, [
            el('circle', { cx: p.x, cy: p.y, r, fill: 'none', stroke: s.stroke, 'stroke-width': 1.5 }),
            el('path', { d: `M${num(p.x - r - 3)} ${num(p.y)}H${num(p.x + r + 3)}M${num(p.x)} ${num(p.y - r - 3)}V${num(p.y + r + 3)}`, stroke: s.stroke, 'stroke-width': 1 }),
            z.name ? haloText(p.x + r + 4, p.y + r + 9, svgText(truncate(z.name, 24)), { 'font-size': 10, 'font-style': 'italic', fill: s.stroke }) : '',
          ]),
        );
      }
    }
  }
  return el('g', { class: 'zones' }, out);
}

function wallsLayer(scene: FloorScene, L: PlanLayout): string {
  return el(
    'g',
    { class: 'walls', 'stroke-linecap': 'square' },
    scene.walls.map((w) =>
      el('line', {
        x1: L.X(w.a.x),
        y1: L.Y(w.a.y),
        x2: L.X(w.b.x),
        y2: L.Y(w.b.y),
        stroke: scene.materials.get(w.materialId)?.colour ?? INK.unknownMaterial,
        // Thickness to scale, but never thinner than a visible hairline.
        'stroke-width': Math.max(1.5, w.thicknessM * L.pxPerM),
      }),
    ),
  );
}

function disksLayer(scene: FloorScene, L: PlanLayout): string {
  const out: string[] = [];
  for (const d of scene.devices) {
    const m = d.view.detection;
    if (d.kind !== 'sensor' || !m) continue;
    const r = (m.kind === 'disk' ? m.radiusM : m.rMinM) * L.pxPerM;
    out.push(el('circle', { cx: L.X(d.placement.x), cy: L.Y(d.placement.y), r, fill: 'none', stroke: DEVICE_STYLES.sensor.colour, 'stroke-width': 0.8, 'stroke-dasharray': '3 2', 'stroke-opacity': 0.7 }));
  }
  return el('g', { class: 'detection-disks' }, out);
}

/** Devices closer than this on the drawing share one spot: their symbols are fanned out around it. */
const SAME_SPOT_PX = 2;
const FAN_PX = 10;

function devicesLayer(scene: FloorScene, L: PlanLayout, labels: boolean): string {
  // Group devices drawn on the same spot (e.g. the thesis's gateway and sensor S2 share a cell), so
  // that neither hides the other: a dot marks the true position, the symbols sit around it on short
  // leaders, and one label names them all.
  const groups: { x: number; y: number; members: FloorScene['devices'][number][] }[] = [];
  for (const d of scene.devices) {
    const x = L.X(d.placement.x);
    const y = L.Y(d.placement.y);
    const g = groups.find((g) => Math.hypot(g.x - x, g.y - y) < SAME_SPOT_PX);
    if (g) g.members.push(d);
    else groups.push({ x, y, members: [d] });
  }
  const out: string[] = [];
  for (const g of groups) {
    const n = g.members.length;
    const parts: string[] = [];
    if (n > 1) parts.push(el('circle', { cx: g.x, cy: g.y, r: 2, fill: INK.text }));
    g.members.forEach((d, i) => {
      // First member to the left, then clockwise (screen coordinates).
      const angle = Math.PI + (2 * Math.PI * i) / n;
      const x = n > 1 ? g.x + FAN_PX * Math.cos(angle) : g.x;
      const y = n > 1 ? g.y + FAN_PX * Math.sin(angle) : g.y;
      const leader = n > 1 ? el('line', { x1: g.x, y1: g.y, x2: x, y2: y, stroke: INK.text, 'stroke-width': 0.8 }) : '';
      out.push(el('g', { class: `device ${d.kind}`, 'data-id': d.placement.id }, [leader, deviceSymbol(d.kind, x, y)]));
    });
    if (labels) {
      const text = g.members.map((d) => truncate(d.label, 16)).join(' · ');
      const dx = (n > 1 ? FAN_PX : 0) + DEVICE_RADIUS_PX + 2;
      // Right of the symbol, unless that runs past the floor's right edge (where the outer wall is):
      // then left of it. Bold 10 px text is about 6.5 px per character.
      const runsOff = g.x + dx + Array.from(text).length * 6.5 > L.planLeft + L.planWidth;
      const x = runsOff ? g.x - dx : g.x + dx;
      parts.push(haloText(x, g.y - DEVICE_RADIUS_PX + 1, svgText(text), { 'font-size': 10, 'font-weight': 'bold', 'text-anchor': runsOff ? 'end' : undefined }));
    }
    out.push(...parts);
  }
  return el('g', { class: 'devices' }, out);
}
