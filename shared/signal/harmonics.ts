// Harmonic phasors by single-bin DFTs at exact multiples of the measured fundamental (the Goertzel
// algorithm's job, written as a rotating phasor so it gives the phase too). Over a window of a whole
// number of periods the bins fall on the DFT's grid and do not leak into each other (IEC 61000-4-7 §4.4
// synchronises its 10/12-period window to the mains for the same reason).

export interface Phasor {
  /** Peak amplitude (for a cosine A·cos(ωn + φ): A). */
  amplitude: number;
  /** Radians, relative to a cosine starting at the window's first sample. */
  phaseRad: number;
  re: number;
  im: number;
}

/**
 * Peak phasor of x[start, end) at `cyclesPerSample` (= f / fs); the caller removes x's mean. Optional
 * per-sample `weights` (summing to the span's length in samples) let the span start and end between
 * samples.
 */
export function singleBinDft(x: ArrayLike<number>, start: number, end: number, cyclesPerSample: number, weights?: ArrayLike<number>): Phasor {
  const n = end - start;
  let total = 0;
  const step = -2 * Math.PI * cyclesPerSample;
  const cosStep = Math.cos(step);
  const sinStep = Math.sin(step);
  let c = 1;
  let s = 0;
  let re = 0;
  let im = 0;
  for (let k = 0; k < n; k++) {
    const w = weights ? weights[k] : 1;
    total += w;
    const v = x[start + k] * w;
    re += v * c;
    im += v * s;
    const c2 = c * cosStep - s * sinStep;
    s = c * sinStep + s * cosStep;
    c = c2;
    // Re-normalise now and then: the rotation accumulates rounding over thousands of steps.
    if ((k & 255) === 255) {
      const r = Math.hypot(c, s);
      c /= r;
      s /= r;
    }
  }
  re *= total > 0 ? 2 / total : 0;
  im *= total > 0 ? 2 / total : 0;
  return { amplitude: Math.hypot(re, im), phaseRad: Math.atan2(im, re), re, im };
}

/** Phasors of harmonics 1..maxOrder (index 0 unused, so that index = order). */
export function harmonicPhasors(
  x: ArrayLike<number>,
  start: number,
  end: number,
  fundamentalCyclesPerSample: number,
  maxOrder = 15,
  weights?: ArrayLike<number>,
): Phasor[] {
  const out: Phasor[] = [{ amplitude: 0, phaseRad: 0, re: 0, im: 0 }];
  for (let h = 1; h <= maxOrder; h++) {
    // Above Nyquist a harmonic cannot be measured: report it as absent.
    if (h * fundamentalCyclesPerSample >= 0.5) out.push({ amplitude: 0, phaseRad: 0, re: 0, im: 0 });
    else out.push(singleBinDft(x, start, end, h * fundamentalCyclesPerSample, weights));
  }
  return out;
}

/**
 * Total harmonic distortion relative to the fundamental (THD-F, IEC 61000-4-7 §3.3.1 without grouping):
 * sqrt(Σ_{h=2..H} A_h²) / A_1. 0 when the fundamental is absent.
 */
export function thdFromPhasors(phasors: readonly Phasor[]): number {
  const fundamental = phasors[1]?.amplitude ?? 0;
  if (!(fundamental > 0)) return 0;
  let sum = 0;
  for (let h = 2; h < phasors.length; h++) sum += phasors[h].amplitude ** 2;
  return Math.sqrt(sum) / fundamental;
}
