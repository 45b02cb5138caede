// A board in raw counts for the calibration tests: the true waveform of a scenario seen through known
// gain, offset and phase errors, quantised like a 10-bit ADC. Independent of the virtual meter so that
// the maths is tested against errors we chose ourselves.
import type { WaveformScenario } from '../../../shared/signal/waveform';
import { synthesize } from '../../../shared/signal/waveform';
import { gaussianAt } from '../../../shared/signal/noise';

export interface BoardErrors {
  /** True volts per count (the coefficient a perfect calibration finds). */
  voltageVPerCount: number;
  currentAPerCount: number;
  voltageOffsetCounts: number;
  currentOffsetCounts: number;
  /** The current channel leads the truth by this angle (a CT's phase displacement). */
  currentLeadDeg: number;
  /** Gaussian noise RMS in counts added before quantisation. */
  noiseCounts?: number;
  adcBits?: number;
}

export const TEST_ERRORS: BoardErrors = {
  voltageVPerCount: 0.9,
  currentAPerCount: 0.05,
  voltageOffsetCounts: 511.3,
  currentOffsetCounts: 508.7,
  currentLeadDeg: 2.5,
  noiseCounts: 0.3,
};

/** Interleaved counts of `periods` mains periods starting at sample `firstSample`. */
export function boardCounts(scenario: WaveformScenario, samplesPerPeriod: number, periods: number, errors: BoardErrors = TEST_ERRORS, firstSample = 17): { counts: Int16Array; sampleRateHz: number } {
  const f = scenario.mains.frequencyHz;
  const sampleRateHz = samplesPerPeriod * f;
  // Two extra periods so that the whole-period span finds `periods` complete ones after the first crossing.
  const n = samplesPerPeriod * (periods + 2);
  const shiftS = errors.currentLeadDeg / 360 / f;
  const w = synthesize(scenario, sampleRateHz, firstSample, n, shiftS);
  const max = (1 << (errors.adcBits ?? 10)) - 1;
  const counts = new Int16Array(2 * n);
  const noise = errors.noiseCounts ?? 0;
  const q = (x: number) => Math.min(max, Math.max(0, Math.round(x)));
  for (let k = 0; k < n; k++) {
    counts[2 * k] = q(errors.voltageOffsetCounts + w.voltageV[k] / errors.voltageVPerCount + noise * gaussianAt(11, 0, firstSample + k));
    counts[2 * k + 1] = q(errors.currentOffsetCounts + w.currentA[k] / errors.currentAPerCount + noise * gaussianAt(11, 1, firstSample + k));
  }
  return { counts, sampleRateHz };
}
