// Fractional-sample delay by 4-point (cubic) Lagrange interpolation: y[n] = x(n − d). Used to correct
// the phase error between the voltage and current channels. Linear interpolation (what EmonLib's
// PHASECAL does) attenuates a half-sample shift by cos(π/spp) — 0.12 % at 64 samples per period — while
// the cubic's error at the mains fundamental is below 1e-5 (Laakso et al., "Splitting the unit delay",
// IEEE Signal Processing Magazine 13(1), 1996, §III-B).
import type { CalibrationCoefficients } from '../protocol/frames';
import { countsToPhysical, phaseCorrectionSamples } from './calibration';

/** Weights of x[k−1], x[k], x[k+1], x[k+2] for the point k + a, 0 ≤ a < 1. */
export function lagrangeWeights(a: number): [number, number, number, number] {
  return [-(a * (a - 1) * (a - 2)) / 6, ((a + 1) * (a - 1) * (a - 2)) / 2, -((a + 1) * a * (a - 2)) / 2, ((a + 1) * a * (a - 1)) / 6];
}

/**
 * x delayed by `delaySamples` (any real, negative = advance). Near the ends, where the neighbours do not
 * exist, the nearest sample is repeated: the first ceil(d)+1 and last ⌈−d⌉+2 outputs are approximate.
 */
export function fractionalDelay(x: ArrayLike<number>, delaySamples: number): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  const whole = Math.floor(-delaySamples);
  const [w0, w1, w2, w3] = lagrangeWeights(-delaySamples - whole);
  const at = (k: number) => x[k < 0 ? 0 : k >= n ? n - 1 : k];
  for (let m = 0; m < n; m++) {
    const k = m + whole;
    y[m] = w0 * at(k - 1) + w1 * at(k) + w2 * at(k + 1) + w3 * at(k + 2);
  }
  return y;
}

/**
 * Counts → volts and amperes for a whole window, phase correction included (the pure form of what the
 * board and SampleCalibrator do; the first and last few current samples are approximate, see
 * fractionalDelay). For the calibration maths, which fits coefficients on recorded windows.
 */
export function calibrateCounts(
  interleaved: ArrayLike<number>,
  c: CalibrationCoefficients,
  sampleRateHz: number,
  mainsFrequencyHz: number,
): { voltageV: Float64Array; currentA: Float64Array } {
  const { voltageV, currentA } = countsToPhysical(interleaved, c);
  const delay = phaseCorrectionSamples(c, sampleRateHz, mainsFrequencyHz);
  return { voltageV, currentA: delay === 0 ? currentA : fractionalDelay(currentA, delay) };
}

/**
 * Streaming counts → volts/amperes with the phase correction applied, for a continuous sample stream.
 * Every output sample is exact (no edge approximation) at the price of a constant latency of
 * `latencySamples` (a few samples: well under a millisecond at 6.4 kHz).
 */
export class SampleCalibrator {
  readonly latencySamples: number;
  /** The first outputs start at this input sample (earlier ones lack the history the filter needs). */
  readonly firstOutputSample: number;
  private readonly whole: number;
  private readonly weights: [number, number, number, number];
  private readonly historySamples: number;
  private voltage: Float64Array = new Float64Array(0);
  private current: Float64Array = new Float64Array(0);
  private nextOut: number;

  constructor(
    readonly calibration: CalibrationCoefficients,
    sampleRateHz: number,
    mainsFrequencyHz: number,
  ) {
    const d = phaseCorrectionSamples(calibration, sampleRateHz, mainsFrequencyHz);
    this.whole = Math.floor(-d);
    this.weights = lagrangeWeights(-d - this.whole);
    // Output m needs current[m + whole − 1 .. m + whole + 2].
    this.latencySamples = Math.max(0, this.whole + 2);
    this.historySamples = Math.max(0, 1 - this.whole);
    this.nextOut = this.historySamples;
    this.firstOutputSample = this.historySamples;
  }

  /** Feeds interleaved raw counts; returns the samples that are now complete (possibly none). */
  push(interleaved: ArrayLike<number>): { voltageV: Float64Array; currentA: Float64Array } {
    const fresh = countsToPhysical(interleaved, this.calibration);
    this.voltage = concat(this.voltage, fresh.voltageV);
    this.current = concat(this.current, fresh.currentA);
    const available = this.voltage.length;
    const end = available - this.latencySamples; // exclusive
    const count = Math.max(0, end - this.nextOut);
    const voltageV = new Float64Array(count);
    const currentA = new Float64Array(count);
    const [w0, w1, w2, w3] = this.weights;
    const c = this.current;
    for (let j = 0; j < count; j++) {
      const m = this.nextOut + j;
      const k = m + this.whole;
      voltageV[j] = this.voltage[m];
      currentA[j] = w0 * c[k - 1] + w1 * c[k] + w2 * c[k + 1] + w3 * c[k + 2];
    }
    this.nextOut += count;
    // Keep only what later outputs still need.
    const keepFrom = Math.max(0, this.nextOut - this.historySamples);
    if (keepFrom > 0) {
      this.voltage = this.voltage.slice(keepFrom);
      this.current = this.current.slice(keepFrom);
      this.nextOut -= keepFrom;
    }
    return { voltageV, currentA };
  }
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
