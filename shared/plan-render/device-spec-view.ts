// What the export needs from a device type's `spec` (building.ts: a JSON copy of a catalogue entry,
// editable per project). Two shapes exist: the catalogue's (catalogue.ts: `cost`, `detection.kind`,
// `radio: { technology: 'ideal-disk', rangeM }`) and the thesis example's (`costUnits`,
// `detection.model`, `communicationRadiusM`). Both are read; anything missing or malformed reads as
// "unknown" (null), never as a crash or a silent zero.
import type { DeviceType } from '../model/building';
import type { DetectionModel } from '../radio/detection';

export interface DeviceTypeView {
  readonly unitCost: number | null;
  readonly detection: DetectionModel | null;
  /** Radius of the thesis's binary communication disk; null for a real radio (link-budget model) or none. */
  readonly commRadiusM: number | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const positive = (v: unknown): number | null => {
  const n = finite(v);
  return n !== null && n > 0 ? n : null;
};

function readDetection(raw: unknown): DetectionModel | null {
  if (!isRecord(raw)) return null;
  const kind = raw.kind ?? raw.model;
  if (kind === 'disk') {
    const radiusM = positive(raw.radiusM);
    return radiusM === null ? null : { kind: 'disk', radiusM };
  }
  const rMinM = finite(raw.rMinM);
  const rMaxM = positive(raw.rMaxM);
  if (rMinM === null || rMinM < 0 || rMaxM === null || rMinM >= rMaxM) return null;
  if (kind === 'exponential') {
    const alphaPerM = positive(raw.alphaPerM);
    return alphaPerM === null ? null : { kind, rMinM, rMaxM, alphaPerM };
  }
  if (kind === 'polynomial') {
    const exponentK = positive(raw.exponentK);
    return exponentK === null || rMinM === 0 ? null : { kind, rMinM, rMaxM, exponentK };
  }
  return null;
}

function readCommRadius(spec: Record<string, unknown>): number | null {
  const direct = positive(spec.communicationRadiusM);
  if (direct !== null) return direct;
  const radio = spec.radio;
  if (isRecord(radio) && radio.technology === 'ideal-disk') return positive(radio.rangeM);
  return null;
}

export function viewDeviceType(type: DeviceType): DeviceTypeView {
  const spec = type.spec;
  const cost = finite(spec.cost) ?? finite(spec.costUnits);
  return {
    unitCost: cost !== null && cost >= 0 ? cost : null,
    detection: readDetection(spec.detection),
    commRadiusM: readCommRadius(spec),
  };
}
