// The overlays and metrics of a placement, as one pure function of the plan's statics (memoised per
// plan: cells, wall index, types) and the devices where they stand now. Called by the live plan at most
// once per animation frame, outside React's state; per-device results are cached in the statics, so a
// drag recomputes only the dragged device's own coverage or power map.
import { coverageField, DEFAULT_DETECTION_THRESHOLD, type CoverageField } from './coverage-field';
import { analyseLinks, type LinkAnalysis } from './device-links';
import type { LiveDevice, OverlayStatics } from './overlay-statics';
import { placementMetrics, type PlacementMetrics } from './placement-metrics';
import { poiStatus, type PoiStatus } from './poi-status';
import { powerField, type PowerField } from './power-field';

export const OVERLAY_KINDS = ['coverage', 'power', 'overCoverage', 'links', 'poi'] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];
export type OverlayFlags = Readonly<Record<OverlayKind, boolean>>;

export const NO_OVERLAYS: OverlayFlags = { coverage: false, power: false, overCoverage: false, links: false, poi: false };

export interface OverlayResult {
  readonly statics: OverlayStatics;
  readonly devices: readonly LiveDevice[];
  readonly threshold: number;
  readonly coverage: CoverageField;
  readonly links: LinkAnalysis;
  readonly metrics: PlacementMetrics;
  /** Computed only while the received-power overlay is on. */
  readonly power: PowerField | null;
  readonly pois: readonly PoiStatus[];
}

export function computeOverlays(statics: OverlayStatics, devices: readonly LiveDevice[], flags: OverlayFlags, threshold = DEFAULT_DETECTION_THRESHOLD): OverlayResult {
  const coverage = coverageField(statics, devices, threshold);
  const links = analyseLinks(statics, devices);
  return {
    statics,
    devices,
    threshold,
    coverage,
    links,
    metrics: placementMetrics(statics, devices, coverage, links),
    power: flags.power ? powerField(statics, devices) : null,
    pois: poiStatus(statics, devices, coverage, threshold),
  };
}
