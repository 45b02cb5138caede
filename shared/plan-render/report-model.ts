// The deployment report as data (DESIGN §3.5), before any format: the devices with their coordinates,
// the bill of materials, the objective values of the placement and, when given, the optimisation run
// that produced it. The PDF, CSV and JSON exports are views of this one model.
import { err, ok, type Result } from '../api/result';
import type { Building, DeviceKind, ProjectSnapshot } from '../model/building';
import { coverageCells, DEFAULT_DETECTION_THRESHOLD, thesisDiskMetrics, type ThesisDiskMetrics } from './disk-model';
import { floorScene, type FloorScene } from './floor-scene';
import { frontRows, type FrontRow, type ReportRun } from './report-run';

export interface DeviceRow {
  readonly id: number;
  readonly label: string;
  readonly kind: DeviceKind;
  readonly type: string;
  readonly xM: number;
  readonly yM: number;
  readonly floor: string;
}

export interface BomRow {
  readonly deviceTypeId: number;
  readonly type: string;
  readonly kind: DeviceKind;
  /** null when the device type has no cost in its spec. */
  readonly unitCost: number | null;
  readonly quantity: number;
  readonly total: number | null;
  /** The type's model as the thesis metrics use it, e.g. "detection 1.5 m, link 3 m". */
  readonly model: string;
}

export interface Metric {
  /** Matches the optimiser's objective names where one exists (cost, coverage, connectivity, overCoverage). */
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly unit: string;
  /** Why the value is missing, or how it was obtained. */
  readonly note?: string;
}

/** One model's evaluation of the placement. The thesis's disk model is always there; others plug in here. */
export interface MetricSet {
  readonly model: string;
  readonly title: string;
  readonly description: string;
  readonly metrics: readonly Metric[];
}

export interface DeploymentReport {
  readonly building: Building;
  readonly floor: { readonly id: number; readonly name: string; readonly level: number; readonly widthM: number; readonly heightM: number; readonly gridPitchM: number };
  readonly devices: readonly DeviceRow[];
  readonly bom: { readonly rows: readonly BomRow[]; readonly grandTotal: number | null; readonly currency: string };
  readonly thesisDisk: ThesisDiskMetrics;
  readonly metricSets: readonly MetricSet[];
  readonly run: ReportRun | null;
  readonly front: readonly FrontRow[];
  /** Things a reader should know (devices outside the floor, types without cost, …). */
  readonly warnings: readonly string[];
}

export interface ReportOptions {
  readonly run?: ReportRun | null;
  /** Evaluations by other models (e.g. the multi-wall link budget), printed after the thesis's. */
  readonly extraMetricSets?: readonly MetricSet[];
  readonly detectionThreshold?: number;
  /** Label of the cost unit; the thesis counts in units (1 per device). */
  readonly currency?: string;
}

const NO_RADIUS_NOTE = 'a device has no communication disk (real radio): see the link-budget model';

export function thesisMetricSet(m: ThesisDiskMetrics): MetricSet {
  const noSensors = m.sensorCount === 0 ? 'no sensors placed' : undefined;
  // The counts behind each share, so a reader can check a percentage against the plan.
  const cells = (pct: number | null) => (pct === null ? undefined : `${Math.round((pct * m.cellCount) / 100)} of ${m.cellCount} cells`);
  const sensors = (pct: number | null) => (pct === null ? undefined : `${Math.round((pct * m.sensorCount) / 100)} of ${m.sensorCount} sensors`);
  return {
    model: 'thesis-disk',
    title: 'Objective values (thesis model: binary disks)',
    description:
      `Shares of the ${m.cellCount} grid cells of ${m.pitchM} m on this floor (cell centres). Detection: binary disk, a cell is covered ` +
      'when its centre is within R_d of a sensor (thesis eq. 2.11–2.12); connectivity: the thesis’s area measure (§4.6.3).',
    metrics: [
      { key: 'cost', label: 'Cost (sensors + routers)', value: m.cost, unit: 'units', note: m.cost === null ? 'a device type has no unit cost' : undefined },
      { key: 'coverage', label: 'Coverage', value: m.coveragePct, unit: '%', note: m.coveragePct === null ? (noSensors ?? 'a sensor has no detection model') : cells(m.coveragePct) },
      { key: 'overCoverage', label: 'Over-coverage (2 sensors or more)', value: m.overCoveragePct, unit: '%', note: m.overCoveragePct === null ? (noSensors ?? 'a sensor has no detection model') : cells(m.overCoveragePct) },
      { key: 'connectivity', label: 'Connectivity (area within a sensor’s radius)', value: m.connectivityPct, unit: '%', note: m.connectivityPct === null ? (noSensors ?? NO_RADIUS_NOTE) : cells(m.connectivityPct) },
      { key: 'routerConnectivity', label: 'Router connectivity (area within a router’s radius)', value: m.routerConnectivityPct, unit: '%', note: m.routerConnectivityPct === null ? (m.routerCount === 0 ? 'no routers placed' : NO_RADIUS_NOTE) : cells(m.routerConnectivityPct) },
      { key: 'sensorsLinked', label: 'Sensors linked to a router or the gateway', value: m.sensorsLinkedPct, unit: '%', note: m.sensorsLinkedPct === null ? (noSensors ?? NO_RADIUS_NOTE) : sensors(m.sensorsLinkedPct) },
      {
        key: 'sensorsReachingGateway',
        label: 'Sensors reaching the gateway over routers',
        value: m.sensorsReachingGatewayPct,
        unit: '%',
        note: m.sensorsReachingGatewayPct === null ? (noSensors ?? (m.gatewayCount === 0 ? 'no gateway placed' : NO_RADIUS_NOTE)) : sensors(m.sensorsReachingGatewayPct),
      },
    ],
  };
}

function modelSummary(d: FloorScene['devices'][number]): string {
  const parts: string[] = [];
  const det = d.view.detection;
  if (det) parts.push(det.kind === 'disk' ? `detection ${det.radiusM} m` : `detection ${det.rMinM}–${det.rMaxM} m (${det.kind})`);
  if (d.view.commRadiusM !== null) parts.push(`link ${d.view.commRadiusM} m`);
  return parts.join(', ');
}

function billOfMaterials(scene: FloorScene): { rows: BomRow[]; grandTotal: number | null } {
  const byType = new Map<number, { type: string; kind: DeviceKind; unitCost: number | null; quantity: number; model: string }>();
  for (const d of scene.devices) {
    const id = d.placement.deviceTypeId;
    const row = byType.get(id) ?? { type: d.type?.name ?? `missing type ${id}`, kind: d.kind, unitCost: d.view.unitCost, quantity: 0, model: modelSummary(d) };
    row.quantity++;
    byType.set(id, row);
  }
  const order: Record<DeviceKind, number> = { sensor: 0, router: 1, gateway: 2 };
  const rows = [...byType.entries()]
    .map(([deviceTypeId, r]): BomRow => ({ deviceTypeId, ...r, total: r.unitCost === null ? null : r.unitCost * r.quantity }))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.deviceTypeId - b.deviceTypeId);
  const grandTotal = rows.some((r) => r.total === null) ? null : rows.reduce((s, r) => s + (r.total ?? 0), 0);
  return { rows, grandTotal };
}

function warningsOf(scene: FloorScene): string[] {
  const out: string[] = [];
  const xs = scene.outline.map((p) => p.x);
  const ys = scene.outline.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const outside = scene.devices.filter((d) => d.placement.x < x0 - 1e-9 || d.placement.x > x1 + 1e-9 || d.placement.y < y0 - 1e-9 || d.placement.y > y1 + 1e-9);
  if (outside.length) out.push(`Outside the floor's outline: ${outside.map((d) => d.label).join(', ')}.`);
  const missing = scene.devices.filter((d) => d.type === null);
  if (missing.length) out.push(`Devices whose type is missing from the project: ${missing.map((d) => d.label).join(', ')}.`);
  const noCost = [...new Set(scene.devices.filter((d) => d.type && d.view.unitCost === null).map((d) => d.type!.name))];
  if (noCost.length) out.push(`Device types without a unit cost: ${noCost.join(', ')}.`);
  const gateways = scene.devices.filter((d) => d.kind === 'gateway').length;
  if (gateways > 1) out.push(`${gateways} gateways on one floor: the network measures assume any of them is the sink.`);
  return out;
}

export function buildReportFromScene(scene: FloorScene, building: Building, options: ReportOptions = {}): DeploymentReport {
  const f = scene.floor;
  const coverage = coverageCells(scene, options.detectionThreshold ?? DEFAULT_DETECTION_THRESHOLD);
  const thesisDisk = thesisDiskMetrics(scene, coverage);
  const bom = billOfMaterials(scene);
  const run = options.run ?? null;
  return {
    building,
    floor: { id: f.id, name: f.name, level: f.level, widthM: f.widthM, heightM: f.heightM, gridPitchM: f.gridPitchM },
    devices: scene.devices.map((d) => ({ id: d.placement.id, label: d.label, kind: d.kind, type: d.type?.name ?? `missing type ${d.placement.deviceTypeId}`, xM: d.placement.x, yM: d.placement.y, floor: f.name })),
    bom: { ...bom, currency: options.currency ?? 'units' },
    thesisDisk,
    metricSets: [thesisMetricSet(thesisDisk), ...(options.extraMetricSets ?? [])],
    run,
    front: run ? frontRows(run, scene.devices) : [],
    warnings: warningsOf(scene),
  };
}

/** Refuses a floor with nothing placed on it, saying where the project's devices are if elsewhere. */
export function checkPlacement(scene: FloorScene, snapshot: ProjectSnapshot): Result<FloorScene> {
  if (scene.devices.length > 0) return ok(scene);
  const others = snapshot.placements.length;
  return err(
    'empty-placement',
    `Floor “${scene.floor.name}” has no devices placed: there is no deployment plan to export` +
      (others > 0 ? ` (the project's ${others} devices are on other floors; choose one with --floor).` : ' (place devices or run an optimisation first).'),
  );
}

/** The report of one floor's placement; refuses an unknown floor and an empty placement. */
export function buildReport(snapshot: ProjectSnapshot, floorId: number | undefined, options: ReportOptions = {}): Result<DeploymentReport> {
  const scene = floorScene(snapshot, floorId);
  if (!scene.ok) return scene;
  const placed = checkPlacement(scene.value, snapshot);
  if (!placed.ok) return placed;
  return ok(buildReportFromScene(placed.value, snapshot.building, options));
}
