// Electrical quantities of a window of voltage and current samples (physical units), following the
// definitions of IEEE 1459-2010 for single-phase circuits:
//   Vrms, Irms           root mean square after removing the window's mean (DC offset)
//   P  = mean(v·i)        active power (§3.1.2.3)
//   S  = Vrms·Irms        apparent power (§3.1.2.7)
//   Q1 = V1·I1·sin θ1     fundamental reactive power (§3.1.2.5): positive when the current lags, as
//                         for an inductive load (IEC 62053-23 sign convention)
//   N  = sqrt(S² − P²)    non-active power (§3.1.2.8): equals |Q1| for sinusoids, and also carries the
//                         distortion power otherwise
//   PF = P / S, displacement PF = cos θ1
//   THD = sqrt(Σ_{h=2..15} X_h²) / X_1 (IEC 61000-4-7, relative to the fundamental)
// The window should hold a whole number of mains periods (see wholePeriodSpan); otherwise a partial period
// biases the means by up to 1/(2·samples) of the value. A span given by fractional bounds (two zero
// crossings) is integrated exactly that long: each sample stands for [n − ½, n + ½] and the two edge
// samples count for the part of that interval inside the span.
import { harmonicPhasors, thdFromPhasors } from './harmonics';
import type { Phasor } from './harmonics';
import { defaultHysteresis, frequencyFromCrossings, risingZeroCrossings } from './zero-crossings';

export const MAX_HARMONIC_ORDER = 15;

export interface PowerMetrics {
  /** Samples that contributed (the two edge samples of a fractional span partly). */
  sampleCount: number;
  /** Length of the span integrated over. */
  durationS: number;
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  apparentPowerVA: number;
  /** Fundamental reactive power Q1 (IEEE 1459-2010), positive for a lagging (inductive) current. */
  reactivePowerVar: number;
  /** Non-active power N = sqrt(S² − P²) (IEEE 1459-2010), never negative. */
  nonActivePowerVar: number;
  powerFactor: number;
  displacementPowerFactor: number;
  frequencyHz: number;
  /** THD relative to the fundamental, as a ratio (0.05 = 5 %). */
  voltageThd: number;
  currentThd: number;
  /** RMS of harmonics 1..15, index = order (index 0 is the removed DC offset). */
  voltageHarmonicsV: number[];
  currentHarmonicsA: number[];
}

export interface WindowOptions {
  start?: number;
  end?: number;
  /** Fractional bounds of the span (e.g. two zero crossings); override start and end. */
  spanStart?: number;
  spanEnd?: number;
  /** Fundamental frequency when already known; otherwise measured from the voltage's zero crossings. */
  frequencyHz?: number;
  /** Used for the harmonic bins when the voltage has no usable zero crossings. */
  nominalFrequencyHz?: number;
  maxHarmonicOrder?: number;
}

function centred(x: ArrayLike<number>, start: number, end: number, weights: Float64Array, total: number): { data: Float64Array; mean: number } {
  const n = end - start;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += x[start + k] * weights[k];
  const mean = total > 0 ? sum / total : 0;
  const data = new Float64Array(n);
  for (let k = 0; k < n; k++) data[k] = x[start + k] - mean;
  return { data, mean };
}

/** Sample range and weights of a window: whole samples weigh 1, edge samples their share of the span. */
function windowWeights(length: number, options: WindowOptions): { start: number; end: number; weights: Float64Array; total: number } {
  if (options.spanStart !== undefined && options.spanEnd !== undefined && options.spanEnd > options.spanStart) {
    const a = options.spanStart;
    const b = options.spanEnd;
    const start = Math.max(0, Math.floor(a + 0.5));
    const end = Math.min(length, Math.floor(b + 0.5) + 1);
    const weights = new Float64Array(Math.max(0, end - start));
    let total = 0;
    for (let k = 0; k < weights.length; k++) {
      const n = start + k;
      weights[k] = Math.max(0, Math.min(n + 0.5, b) - Math.max(n - 0.5, a));
      total += weights[k];
    }
    return { start, end, weights, total };
  }
  const start = options.start ?? 0;
  const end = Math.max(start, options.end ?? length);
  return { start, end, weights: new Float64Array(end - start).fill(1), total: end - start };
}

const rmsOfPhasors = (p: readonly Phasor[], dc: number) => p.map((x, h) => (h === 0 ? Math.abs(dc) : x.amplitude / Math.SQRT2));

/** Metrics of v, i over [start, end). */
export function computeWindowMetrics(v: ArrayLike<number>, i: ArrayLike<number>, sampleRateHz: number, options: WindowOptions = {}): PowerMetrics {
  const { start, end, weights, total } = windowWeights(Math.min(v.length, i.length), options);
  const n = end - start;
  const vc = centred(v, start, end, weights, total);
  const ic = centred(i, start, end, weights, total);
  let sumV2 = 0;
  let sumI2 = 0;
  let sumVI = 0;
  for (let k = 0; k < n; k++) {
    const a = vc.data[k];
    const b = ic.data[k];
    const w = weights[k];
    sumV2 += w * a * a;
    sumI2 += w * b * b;
    sumVI += w * a * b;
  }
  const vrmsV = total > 0 ? Math.sqrt(sumV2 / total) : 0;
  const irmsA = total > 0 ? Math.sqrt(sumI2 / total) : 0;
  const activePowerW = total > 0 ? sumVI / total : 0;
  const apparentPowerVA = vrmsV * irmsA;

  let frequencyHz = options.frequencyHz ?? Number.NaN;
  if (!Number.isFinite(frequencyHz)) {
    const { hysteresis } = defaultHysteresis(vc.data);
    frequencyHz = frequencyFromCrossings(risingZeroCrossings(vc.data, 0, n, { hysteresis }), sampleRateHz);
  }
  const binFrequencyHz = Number.isFinite(frequencyHz) ? frequencyHz : (options.nominalFrequencyHz ?? Number.NaN);
  const maxOrder = options.maxHarmonicOrder ?? MAX_HARMONIC_ORDER;
  let voltageHarmonics: Phasor[] = [];
  let currentHarmonics: Phasor[] = [];
  let reactivePowerVar = 0;
  let displacementPowerFactor = Number.NaN;
  if (Number.isFinite(binFrequencyHz) && n > 0) {
    voltageHarmonics = harmonicPhasors(vc.data, 0, n, binFrequencyHz / sampleRateHz, maxOrder, weights);
    currentHarmonics = harmonicPhasors(ic.data, 0, n, binFrequencyHz / sampleRateHz, maxOrder, weights);
    const V1 = voltageHarmonics[1];
    const I1 = currentHarmonics[1];
    // V1·conj(I1)/2 = S1 e^{jθ1} in rms terms: Q1 is its imaginary part.
    reactivePowerVar = (V1.im * I1.re - V1.re * I1.im) / 2;
    const p1 = (V1.re * I1.re + V1.im * I1.im) / 2;
    const s1 = Math.hypot(p1, reactivePowerVar);
    displacementPowerFactor = s1 > 0 ? p1 / s1 : Number.NaN;
  }
  return {
    sampleCount: n,
    durationS: total / sampleRateHz,
    vrmsV,
    irmsA,
    activePowerW,
    apparentPowerVA,
    reactivePowerVar,
    nonActivePowerVar: Math.sqrt(Math.max(0, apparentPowerVA ** 2 - activePowerW ** 2)),
    powerFactor: apparentPowerVA > 0 ? activePowerW / apparentPowerVA : Number.NaN,
    displacementPowerFactor,
    frequencyHz,
    voltageThd: voltageHarmonics.length ? thdFromPhasors(voltageHarmonics) : Number.NaN,
    currentThd: currentHarmonics.length ? thdFromPhasors(currentHarmonics) : Number.NaN,
    voltageHarmonicsV: voltageHarmonics.length ? rmsOfPhasors(voltageHarmonics, vc.mean) : [],
    currentHarmonicsA: currentHarmonics.length ? rmsOfPhasors(currentHarmonics, ic.mean) : [],
  };
}

/**
 * The longest span of whole periods in v[start, end): from the first rising zero crossing to the last
 * (or to the `periods`-th after the first). Sample bounds are rounded up, so the span is within one
 * sample of the true whole-period span.
 */
export function wholePeriodSpan(
  v: ArrayLike<number>,
  sampleRateHz: number,
  options: { start?: number; end?: number; periods?: number } = {},
): { start: number; end: number; periods: number; frequencyHz: number; crossings: number[] } | null {
  const start = options.start ?? 0;
  const end = options.end ?? v.length;
  const { offset, hysteresis } = defaultHysteresis(v, start, end);
  const crossings = risingZeroCrossings(v, start, end, { offset, hysteresis });
  if (crossings.length < 2) return null;
  const periods = Math.min(crossings.length - 1, options.periods ?? Infinity);
  const used = crossings.slice(0, periods + 1);
  return {
    start: Math.ceil(used[0]),
    end: Math.ceil(used[periods]),
    periods,
    frequencyHz: frequencyFromCrossings(used, sampleRateHz),
    crossings: used,
  };
}

/** Metrics of each whole period in v, i (periods found from the voltage's rising zero crossings). */
export function computePeriodMetrics(v: ArrayLike<number>, i: ArrayLike<number>, sampleRateHz: number): PowerMetrics[] {
  const span = wholePeriodSpan(v, sampleRateHz);
  if (!span) return [];
  const out: PowerMetrics[] = [];
  for (let p = 0; p < span.periods; p++) {
    const a = span.crossings[p];
    const b = span.crossings[p + 1];
    out.push(computeWindowMetrics(v, i, sampleRateHz, { spanStart: a, spanEnd: b, frequencyHz: sampleRateHz / (b - a) }));
  }
  return out;
}
