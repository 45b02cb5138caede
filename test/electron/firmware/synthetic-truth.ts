// What the simulated board's inputs really are, from sim-board's waveform (mains-waveform.h):
//   x(t) = bias + A·[sin(2πft + φ) + Σ r_h·sin(2πhft + φ_h)]  volts at the pin, 1024/5 counts per volt,
// scaled to volts and amperes by the calibration's gains.
import type { CalibrationCoefficients } from '../../../shared/protocol/frames';
import type { SimBoardOptions } from './sim-board-process';

export const COUNTS_PER_PIN_VOLT = 1024 / 5;

export interface SyntheticTruth {
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  /** Fundamental reactive power Q1, positive when the current lags. */
  reactivePowerVar: number;
  powerFactor: number;
  frequencyHz: number;
}

type Channel = NonNullable<SimBoardOptions['voltage']>;

/** Peak amplitude (in counts) and phase (radians) of each harmonic order present, order 1 included. */
function components(ch: Channel | undefined): Map<number, { peakCounts: number; phaseRad: number }> {
  const amplitude = (ch?.amplitudeV ?? 1) * COUNTS_PER_PIN_VOLT;
  const out = new Map([[1, { peakCounts: amplitude, phaseRad: ((ch?.phaseDeg ?? 0) * Math.PI) / 180 }]]);
  for (const [order, ratio, phaseDeg] of ch?.harmonics ?? []) out.set(order, { peakCounts: amplitude * ratio, phaseRad: (phaseDeg * Math.PI) / 180 });
  return out;
}

export function syntheticTruth(o: SimBoardOptions, c: CalibrationCoefficients): SyntheticTruth {
  const v = components(o.voltage);
  const i = components(o.current);
  const rms = (m: typeof v) => Math.sqrt([...m.values()].reduce((s, x) => s + (x.peakCounts * x.peakCounts) / 2, 0));
  const vrmsV = Math.abs(c.voltageGainVPerCount) * rms(v);
  const irmsA = Math.abs(c.currentGainAPerCount) * rms(i);
  const gain = c.voltageGainVPerCount * c.currentGainAPerCount;
  // mean(A sin(hωt + α) · B sin(hωt + β)) = AB/2 · cos(α − β); only orders present in both contribute.
  let activePowerW = 0;
  for (const [order, vh] of v) {
    const ih = i.get(order);
    if (ih) activePowerW += (gain * vh.peakCounts * ih.peakCounts * Math.cos(vh.phaseRad - ih.phaseRad)) / 2;
  }
  const v1 = v.get(1)!;
  const i1 = i.get(1)!;
  const reactivePowerVar = (gain * v1.peakCounts * i1.peakCounts * Math.sin(v1.phaseRad - i1.phaseRad)) / 2;
  return { vrmsV, irmsA, activePowerW, reactivePowerVar, powerFactor: activePowerW / (vrmsV * irmsA), frequencyHz: o.frequencyHz ?? o.mainsHz ?? 50 };
}
