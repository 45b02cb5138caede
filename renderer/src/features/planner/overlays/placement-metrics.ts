// The placement's objective values as the inspector shows them live (DESIGN §3.2), on the same cells as
// the coverage overlay:
// - cost = Σ unit costs of sensors and routers (thesis eq. 2.1; the gateway is not counted);
// - coverage % = cells whose joint detection probability reaches the threshold (eq. 2.12);
// - over-coverage % = cells detected by two sensors or more (eq. 2.5);
// - connectivity %: with the thesis's ideal disks, its area measure (cells within a sensor's
//   communication radius, §4.6.3) — what the optimiser reports; with real radios, the share of
//   sensors reaching the gateway over routers through the walls (device-links.ts).
import type { CoverageField } from './coverage-field';
import type { LinkAnalysis } from './device-links';
import { forEachCellNear, type LiveDevice, type OverlayStatics } from './overlay-statics';

export interface PlacementMetrics {
  readonly sensorCount: number;
  readonly routerCount: number;
  /** null when a device type has no unit cost. */
  readonly cost: number | null;
  readonly coveragePct: number | null;
  readonly overCoveragePct: number | null;
  readonly connectivityPct: number | null;
  readonly connectivityMeasure: 'area' | 'mesh';
}

export function placementMetrics(s: OverlayStatics, devices: readonly LiveDevice[], coverage: CoverageField, links: LinkAnalysis): PlacementMetrics {
  const sensors = devices.filter((d) => d.kind === 'sensor');
  const routers = devices.filter((d) => d.kind === 'router');
  let cost: number | null = 0;
  for (const d of [...sensors, ...routers]) {
    const unit = d.typeId !== null ? s.types.get(d.typeId)?.unitCost : null;
    cost = cost === null || unit === null || unit === undefined ? null : cost + unit;
  }
  const n = s.cells.count;
  const pct = (k: number) => (n > 0 ? (100 * k) / n : null);
  const detecting = sensors.length > 0 && coverage.detectingSensors === sensors.length;
  const radii = sensors.map((d) => (d.typeId !== null ? (s.types.get(d.typeId)?.radio.rangeM ?? null) : null));
  const areaModel = sensors.length > 0 && radii.every((r) => r !== null);
  let connectivityPct: number | null = null;
  if (areaModel) {
    const reached = new Uint8Array(n);
    let count = 0;
    sensors.forEach((d, i) =>
      forEachCellNear(s, d.x, d.y, radii[i]! * (1 + 1e-9), (c) => {
        if (!reached[c]) {
          reached[c] = 1;
          count++;
        }
      }),
    );
    connectivityPct = pct(count);
  } else if (sensors.length > 0 && links.meshShare !== null && links.hasGateway) {
    connectivityPct = 100 * links.meshShare;
  }
  return {
    sensorCount: sensors.length,
    routerCount: routers.length,
    cost,
    coveragePct: detecting ? pct(coverage.coveredCount) : null,
    overCoveragePct: detecting ? pct(coverage.overCount) : null,
    connectivityPct,
    connectivityMeasure: areaModel ? 'area' : 'mesh',
  };
}
