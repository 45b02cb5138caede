// Measured against true: summaries of the app's windows and of the board's METRICS frames, as relative
// errors (PF and frequency as differences), for the assertions and for BENCHMARKS.md.
import type { BoardMetrics } from '../../../shared/protocol/frames';
import type { SummarisableMetrics } from '../../../shared/signal/measurement-summary';
import { MetricsAccumulator } from '../../../shared/signal/measurement-summary';
import type { SyntheticTruth } from './synthetic-truth';

export interface AccuracyReport {
  windows: number;
  vrmsErrorPct: number;
  irmsErrorPct: number;
  activePowerErrorPct: number;
  reactivePowerErrorPct: number;
  powerFactorError: number;
  frequencyErrorHz: number;
}

function report(windows: readonly SummarisableMetrics[], truth: SyntheticTruth): AccuracyReport {
  const acc = new MetricsAccumulator();
  for (const w of windows) acc.add(w);
  const m = acc.summary();
  const pct = (measured: number, reference: number) => ((measured - reference) / reference) * 100;
  return {
    windows: m.windows,
    vrmsErrorPct: pct(m.vrmsV, truth.vrmsV),
    irmsErrorPct: pct(m.irmsA, truth.irmsA),
    activePowerErrorPct: pct(m.activePowerW, truth.activePowerW),
    reactivePowerErrorPct: pct(m.reactivePowerVar, truth.reactivePowerVar),
    powerFactorError: m.powerFactor - truth.powerFactor,
    frequencyErrorHz: m.frequencyHz - truth.frequencyHz,
  };
}

/** The app's own measurement windows (shared/signal over the sample stream). */
export function appAccuracy(windows: readonly SummarisableMetrics[], truth: SyntheticTruth): AccuracyReport {
  return report(windows, truth);
}

/** The board's METRICS frames, each weighted by its duration (periods / frequency). */
export function boardAccuracy(frames: readonly BoardMetrics[], truth: SyntheticTruth): AccuracyReport {
  return report(
    frames.map((m) => ({ durationS: m.periodCount / m.frequencyHz, vrmsV: m.vrmsV, irmsA: m.irmsA, activePowerW: m.activePowerW, reactivePowerVar: m.reactivePowerVar, frequencyHz: m.frequencyHz, voltageThd: Number.NaN, currentThd: Number.NaN })),
    truth,
  );
}
