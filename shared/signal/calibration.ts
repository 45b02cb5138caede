// Raw ADC counts → volts and amperes. The calibration wizard fits these coefficients; the board stores
// them in EEPROM; both sides apply the same model:
//   voltageV = voltageGainVPerCount × (counts − voltageOffsetCounts)
//   currentA = currentGainAPerCount × (counts − currentOffsetCounts), then delayed by phaseCorrectionDeg
// where a positive phase correction delays the current (a current transformer makes the current lead by
// a few tenths of a degree to a few degrees, IEC 61869-2 §5.6.201 phase displacement).
import type { CalibrationCoefficients } from '../protocol/frames';

export type { CalibrationCoefficients } from '../protocol/frames';

/** Range a board accepts; outside it a write is refused (NACK outOfRange) and the old values kept. */
export const CALIBRATION_LIMITS = {
  minAbsGain: 1e-6,
  maxAbsGain: 1e3,
  maxAbsOffsetCounts: 32768,
  maxAbsPhaseDeg: 20,
} as const;

/** Identity coefficients: counts are taken as physical values (text mode, where the board converts). */
export const IDENTITY_CALIBRATION: CalibrationCoefficients = {
  voltageGainVPerCount: 1,
  voltageOffsetCounts: 0,
  currentGainAPerCount: 1,
  currentOffsetCounts: 0,
  phaseCorrectionDeg: 0,
};

/** Why a set of coefficients is unacceptable, or null when it is fine. */
export function calibrationProblem(c: CalibrationCoefficients): string | null {
  const gains: [string, number][] = [
    ['voltage gain', c.voltageGainVPerCount],
    ['current gain', c.currentGainAPerCount],
  ];
  for (const [name, g] of gains) {
    if (!Number.isFinite(g) || Math.abs(g) < CALIBRATION_LIMITS.minAbsGain || Math.abs(g) > CALIBRATION_LIMITS.maxAbsGain) {
      return `${name} ${g} is outside ±[${CALIBRATION_LIMITS.minAbsGain}, ${CALIBRATION_LIMITS.maxAbsGain}] per count`;
    }
  }
  const offsets: [string, number][] = [
    ['voltage offset', c.voltageOffsetCounts],
    ['current offset', c.currentOffsetCounts],
  ];
  for (const [name, o] of offsets) {
    if (!Number.isFinite(o) || Math.abs(o) > CALIBRATION_LIMITS.maxAbsOffsetCounts) return `${name} ${o} is outside ±${CALIBRATION_LIMITS.maxAbsOffsetCounts} counts`;
  }
  if (!Number.isFinite(c.phaseCorrectionDeg) || Math.abs(c.phaseCorrectionDeg) > CALIBRATION_LIMITS.maxAbsPhaseDeg) {
    return `phase correction ${c.phaseCorrectionDeg}° is outside ±${CALIBRATION_LIMITS.maxAbsPhaseDeg}°`;
  }
  return null;
}

/** Phase correction as a delay in samples at the given sampling rate and mains frequency. */
export function phaseCorrectionSamples(c: CalibrationCoefficients, sampleRateHz: number, mainsFrequencyHz: number): number {
  return (c.phaseCorrectionDeg / 360) * (sampleRateHz / mainsFrequencyHz);
}

/**
 * Converts interleaved raw counts (v0, i0, v1, i1, ...) to physical units with gains and offsets only;
 * the phase correction needs neighbouring samples (see fractionalDelay / SampleCalibrator).
 */
export function countsToPhysical(interleaved: ArrayLike<number>, c: CalibrationCoefficients): { voltageV: Float64Array; currentA: Float64Array } {
  const n = interleaved.length >> 1;
  const voltageV = new Float64Array(n);
  const currentA = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    voltageV[k] = c.voltageGainVPerCount * (interleaved[2 * k] - c.voltageOffsetCounts);
    currentA[k] = c.currentGainAPerCount * (interleaved[2 * k + 1] - c.currentOffsetCounts);
  }
  return { voltageV, currentA };
}

/** Relative error in percent of a measured value against a reference, (measured − reference)/reference. */
export function relativeErrorPercent(measured: number, reference: number): number {
  return ((measured - reference) / reference) * 100;
}
