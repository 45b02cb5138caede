// What the board measured, in raw ADC units, over whole mains periods: the input of the calibration fit.
// Computed on the host from the board's sample blocks with no coefficient applied, so the fit does not
// depend on what calibration the board holds (nor on how its firmware computes its own metrics).
import type { Result } from '../api/result';
import { err, ok } from '../api/result';
import { computeWindowMetrics, wholePeriodSpan } from '../signal/power-metrics';

export interface RawBoardReading {
  samplesPerPeriod: number;
  sampleRateHz: number;
  /** Whole mains periods used (found from the voltage's rising zero crossings). */
  periods: number;
  durationS: number;
  /** Mean counts over the whole periods: the channel's DC offset. */
  voltageMeanCounts: number;
  currentMeanCounts: number;
  /** RMS after removing the mean, counts. */
  vrmsCounts: number;
  irmsCounts: number;
  /** mean(v·i) after removing the means, counts². */
  activePowerCounts2: number;
  /** Fundamental reactive power Q1, counts² (> 0 when the current lags, IEEE 1459-2010). */
  reactivePowerCounts2: number;
  frequencyHz: number;
  /**
   * Phase correction already applied to the current in these counts (0 for true raw samples; the
   * correction in force when the counts were rebuilt from calibrated samples, see countsFromPhysical).
   */
  appliedPhaseCorrectionDeg: number;
}

/**
 * Raw reading of interleaved counts (v0, i0, v1, i1, ...) sampled at sampleRateHz, over the longest span of
 * whole periods. Fails when the voltage channel shows fewer than two mains periods (no mains, or a window
 * too short).
 */
export function rawReadingFromCounts(interleaved: ArrayLike<number>, sampleRateHz: number, samplesPerPeriod: number, appliedPhaseCorrectionDeg = 0): Result<RawBoardReading> {
  const n = interleaved.length >> 1;
  const v = new Float64Array(n);
  const i = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    v[k] = interleaved[2 * k];
    i[k] = interleaved[2 * k + 1];
  }
  const span = wholePeriodSpan(v, sampleRateHz);
  if (!span || span.periods < 1) return err('no-mains', `The voltage channel shows no mains periods in ${n} samples: check that the board sees the mains voltage.`);
  const m = computeWindowMetrics(v, i, sampleRateHz, { start: span.start, end: span.end, frequencyHz: span.frequencyHz });
  let sumV = 0;
  let sumI = 0;
  for (let k = span.start; k < span.end; k++) {
    sumV += v[k];
    sumI += i[k];
  }
  const count = span.end - span.start;
  return ok({
    samplesPerPeriod,
    sampleRateHz,
    periods: span.periods,
    durationS: count / sampleRateHz,
    voltageMeanCounts: sumV / count,
    currentMeanCounts: sumI / count,
    vrmsCounts: m.vrmsV,
    irmsCounts: m.irmsA,
    activePowerCounts2: m.activePowerW,
    reactivePowerCounts2: m.reactivePowerVar,
    frequencyHz: span.frequencyHz,
    appliedPhaseCorrectionDeg,
  });
}

/**
 * Counts rebuilt from calibrated samples (what a host pipeline hands out): the inverse of the gains and
 * offsets of `c`, counts = value / gain + offset. The current keeps the phase correction `c` applied,
 * which the reading then carries as appliedPhaseCorrectionDeg; the cubic interpolation that applied it
 * changes the fundamental's amplitude by less than 1e-5 (fractional-delay.ts).
 */
export function countsFromPhysical(voltageV: ArrayLike<number>, currentA: ArrayLike<number>, c: { voltageGainVPerCount: number; voltageOffsetCounts: number; currentGainAPerCount: number; currentOffsetCounts: number }): Float64Array {
  const n = Math.min(voltageV.length, currentA.length);
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    out[2 * k] = voltageV[k] / c.voltageGainVPerCount + c.voltageOffsetCounts;
    out[2 * k + 1] = currentA[k] / c.currentGainAPerCount + c.currentOffsetCounts;
  }
  return out;
}

/** Duration-weighted combination of several raw readings (RMS as root mean square, the rest as means). */
export function combineRawReadings(readings: readonly RawBoardReading[]): RawBoardReading | null {
  if (readings.length === 0) return null;
  const T = readings.reduce((s, r) => s + r.durationS, 0);
  const mean = (f: (r: RawBoardReading) => number) => readings.reduce((s, r) => s + f(r) * r.durationS, 0) / T;
  return {
    samplesPerPeriod: readings[0].samplesPerPeriod,
    sampleRateHz: readings[0].sampleRateHz,
    periods: readings.reduce((s, r) => s + r.periods, 0),
    durationS: T,
    voltageMeanCounts: mean((r) => r.voltageMeanCounts),
    currentMeanCounts: mean((r) => r.currentMeanCounts),
    vrmsCounts: Math.sqrt(mean((r) => r.vrmsCounts ** 2)),
    irmsCounts: Math.sqrt(mean((r) => r.irmsCounts ** 2)),
    activePowerCounts2: mean((r) => r.activePowerCounts2),
    reactivePowerCounts2: mean((r) => r.reactivePowerCounts2),
    frequencyHz: mean((r) => r.frequencyHz),
    appliedPhaseCorrectionDeg: readings[0].appliedPhaseCorrectionDeg,
  };
}
