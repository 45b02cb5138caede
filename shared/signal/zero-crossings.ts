// Mains frequency from rising zero crossings, each located by linear interpolation between the two
// samples around it (near zero a sine is a straight line to within (ωTs)²/6, far below quantisation).
// A hysteresis band keeps noise from making several crossings out of one.

export interface ZeroCrossingOptions {
  /** Level taken as zero (the signal's DC offset). Default 0. */
  offset?: number;
  /** The signal must fall below offset − hysteresis before the next rising crossing counts. */
  hysteresis?: number;
}

/** Fractional sample positions where x rises through the offset. */
export function risingZeroCrossings(x: ArrayLike<number>, start = 0, end = x.length, options: ZeroCrossingOptions = {}): number[] {
  const offset = options.offset ?? 0;
  const hysteresis = options.hysteresis ?? 0;
  const crossings: number[] = [];
  let armed = false;
  for (let n = Math.max(start, 1); n < end; n++) {
    const prev = x[n - 1] - offset;
    const cur = x[n] - offset;
    if (prev < -hysteresis) armed = true;
    if (armed && prev < 0 && cur >= 0) {
      crossings.push(n - 1 + prev / (prev - cur));
      armed = false;
    }
  }
  return crossings;
}

/** Hysteresis for a signal: a tenth of its half range, so noise below that never counts. */
export function defaultHysteresis(x: ArrayLike<number>, start = 0, end = x.length): { offset: number; hysteresis: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let n = start; n < end; n++) {
    const v = x[n];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const count = end - start;
  if (count <= 0) return { offset: 0, hysteresis: 0 };
  return { offset: sum / count, hysteresis: (max - min) / 20 };
}

/** Frequency from the first and last of several rising crossings; NaN with fewer than two. */
export function frequencyFromCrossings(crossings: readonly number[], sampleRateHz: number): number {
  if (crossings.length < 2) return Number.NaN;
  return ((crossings.length - 1) * sampleRateHz) / (crossings[crossings.length - 1] - crossings[0]);
}
