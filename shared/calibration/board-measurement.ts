// What the board reports over a verification window, from either of the two things a board sends:
// its own metrics frames (computed by its firmware with its coefficients), or its raw samples with the
// coefficients applied on the host exactly as the board's model defines them (calibration.ts).
import type { Result } from '../api/result';
import { err, ok } from '../api/result';
import type { BoardMetrics, CalibrationCoefficients } from '../protocol/frames';
import { SampleCalibrator } from '../signal/fractional-delay';
import { computeWindowMetrics, wholePeriodSpan } from '../signal/power-metrics';
import type { BoardMeasurement } from './verification';

/**
 * Combines metrics frames over a window, weighting each by its number of periods: RMS values as root mean
 * squares, powers as means, PF recomputed as P/S (an average of ratios is not a ratio).
 */
export function measurementFromMetrics(frames: readonly BoardMetrics[], samplesPerPeriod: number, nominalFrequencyHz: number): Result<BoardMeasurement> {
  const usable = frames.filter((f) => f.periodCount > 0);
  if (usable.length === 0) return err('no-metrics', 'The board sent no metrics during the measurement window.');
  const periods = usable.reduce((s, f) => s + f.periodCount, 0);
  const mean = (g: (f: BoardMetrics) => number) => usable.reduce((s, f) => s + g(f) * f.periodCount, 0) / periods;
  const vrmsV = Math.sqrt(mean((f) => f.vrmsV ** 2));
  const irmsA = Math.sqrt(mean((f) => f.irmsA ** 2));
  const activePowerW = mean((f) => f.activePowerW);
  const s = vrmsV * irmsA;
  const frequencyHz = mean((f) => f.frequencyHz);
  return ok({
    vrmsV,
    irmsA,
    activePowerW,
    reactivePowerVar: mean((f) => f.reactivePowerVar),
    powerFactor: s > 0 ? activePowerW / s : Number.NaN,
    frequencyHz,
    samplesPerPeriod,
    durationS: periods / (Number.isFinite(frequencyHz) && frequencyHz > 0 ? frequencyHz : nominalFrequencyHz),
  });
}

/** The board's measurement computed on the host from raw counts with the given coefficients. */
export function measurementFromCounts(interleaved: ArrayLike<number>, sampleRateHz: number, samplesPerPeriod: number, nominalFrequencyHz: number, c: CalibrationCoefficients): Result<BoardMeasurement> {
  const calibrator = new SampleCalibrator(c, sampleRateHz, nominalFrequencyHz);
  const { voltageV, currentA } = calibrator.push(interleaved);
  const span = wholePeriodSpan(voltageV, sampleRateHz);
  if (!span) return err('no-mains', 'The voltage channel shows no mains periods: check that the board sees the mains voltage.');
  const m = computeWindowMetrics(voltageV, currentA, sampleRateHz, { start: span.start, end: span.end, frequencyHz: span.frequencyHz });
  return ok({
    vrmsV: m.vrmsV,
    irmsA: m.irmsA,
    activePowerW: m.activePowerW,
    reactivePowerVar: m.reactivePowerVar,
    powerFactor: m.powerFactor,
    frequencyHz: m.frequencyHz,
    samplesPerPeriod,
    durationS: m.durationS,
  });
}
