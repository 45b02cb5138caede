// What the board reads at a calibration step, in volts, amperes and watts, from the raw counts the step
// measured: with the coefficients it holds now (what it would have reported) and with the fitted ones
// (what it will report). Gains scale RMS values; active power also turns with the phase correction
// (calibration-steps.ts predictedActivePowerW).
import type { RawBoardReading } from '../../../../shared/calibration/raw-readings';
import { predictedActivePowerW } from '../../../../shared/calibration/calibration-steps';
import type { CalibrationCoefficients } from '../../../../shared/protocol/frames';

export interface BoardReading {
  voltageV: number;
  currentA: number;
  activePowerW: number;
  /** null when there is no current (PF undefined). */
  powerFactor: number | null;
  frequencyHz: number;
}

export function boardReading(raw: RawBoardReading, c: CalibrationCoefficients): BoardReading {
  const voltageV = raw.vrmsCounts * Math.abs(c.voltageGainVPerCount);
  const currentA = raw.irmsCounts * Math.abs(c.currentGainAPerCount);
  const activePowerW = predictedActivePowerW(raw, c);
  const s = voltageV * currentA;
  return { voltageV, currentA, activePowerW, powerFactor: s > 0 ? Math.min(1, Math.abs(activePowerW) / s) : null, frequencyHz: raw.frequencyHz };
}

/** (board − reference) / reference × 100, or null when there is no reference to compare with. */
export function errorPercent(board: number | null, reference: number | undefined): number | null {
  if (board === null || reference === undefined || !Number.isFinite(reference) || reference === 0) return null;
  return ((board - reference) / reference) * 100;
}
