// What the overlays need to know about a device type's radio and sensing, read leniently from its spec
// (the catalogue's shape and the thesis example's older shape, as shared/plan-render/device-spec-view.ts
// does): a real radio gives its highest transmit power, antenna gain, band and sensitivity; the thesis's
// ideal disk gives a range. A device without a real radio is drawn on the received-power map as a
// reference transmitter of 0 dBm EIRP at 2.44 GHz, and the legend says so.
import type { DeviceType } from '../../../../../shared/model/building';
import { viewDeviceType, type DeviceTypeView } from '../../../../../shared/plan-render/device-spec-view';

/** The reference transmitter of the received-power map for devices without a real radio. */
export const REFERENCE_EIRP_DBM = 0;
export const REFERENCE_FREQUENCY_HZ = 2.44e9;

export interface RadioView {
  /** Highest transmit power + antenna gain, dBm. */
  readonly eirpDbm: number;
  readonly antennaGainDbi: number;
  readonly frequencyHz: number;
  /** null for an ideal-disk radio (no sensitivity to speak of). */
  readonly rxSensitivityDbm: number | null;
  /** The thesis's communication disk, m; null for a real radio. */
  readonly rangeM: number | null;
  /** True when the power figures are the reference transmitter's, not the device's own. */
  readonly assumed: boolean;
}

export interface TypeView extends DeviceTypeView {
  readonly kind: DeviceType['kind'];
  readonly radio: RadioView;
  readonly blockedByWalls: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function radioOf(spec: Record<string, unknown>, rangeM: number | null): RadioView {
  const radio = spec.radio;
  if (isRecord(radio) && radio.technology !== 'ideal-disk' && Array.isArray(radio.txLevels) && radio.txLevels.length > 0) {
    const top = radio.txLevels[radio.txLevels.length - 1] as unknown;
    const power = isRecord(top) ? finite(top.powerDbm) : null;
    const frequencyHz = finite(radio.frequencyHz);
    const sensitivity = finite(radio.rxSensitivityDbm);
    if (power !== null && frequencyHz !== null && frequencyHz > 0) {
      const gain = finite(radio.antennaGainDbi) ?? 0;
      return { eirpDbm: power + gain, antennaGainDbi: gain, frequencyHz, rxSensitivityDbm: sensitivity, rangeM: null, assumed: false };
    }
  }
  return { eirpDbm: REFERENCE_EIRP_DBM, antennaGainDbi: 0, frequencyHz: REFERENCE_FREQUENCY_HZ, rxSensitivityDbm: null, rangeM, assumed: true };
}

export function viewType(type: DeviceType): TypeView {
  const base = viewDeviceType(type);
  const detection = type.spec.detection;
  const blockedByWalls = isRecord(detection) && detection.blockedByWalls === true;
  return { ...base, kind: type.kind, radio: radioOf(type.spec, base.commRadiusM), blockedByWalls };
}
