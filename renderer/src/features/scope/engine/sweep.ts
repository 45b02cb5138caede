// One screen of the scope: the samples around a trigger point in the arrays uPlot draws — time in ms
// from the trigger (fractional: the trigger lies between samples), voltage, current and instantaneous
// power v·i, with null where a sample was lost (uPlot breaks the trace there).
import type { SampleRing } from './sample-ring';

export interface Sweep {
  /** ms from the trigger point. */
  readonly timeMs: number[];
  readonly voltageV: (number | null)[];
  readonly currentA: (number | null)[];
  readonly powerW: (number | null)[];
  /** Absolute index of the first and last samples drawn. */
  readonly firstIndex: number;
  readonly lastIndex: number;
  /** The trigger point (fractional sample index); for an untriggered sweep, where it would be. */
  readonly triggerIndex: number;
  readonly triggered: boolean;
  readonly sampleRateHz: number;
}

/**
 * The samples from `preMs` before the point `t` (a fractional sample index) to `postMs` after it.
 * Returns null when the ring does not hold them all.
 */
export function buildSweep(ring: SampleRing, t: number, preMs: number, postMs: number, sampleRateHz: number, triggered: boolean): Sweep | null {
  const samplesPerMs = sampleRateHz / 1000;
  const first = Math.ceil(t - preMs * samplesPerMs - 1e-9);
  const last = Math.floor(t + postMs * samplesPerMs + 1e-9);
  if (first < ring.start || last >= ring.end || last < first) return null;
  const n = last - first + 1;
  const timeMs = new Array<number>(n);
  const voltageV = new Array<number | null>(n);
  const currentA = new Array<number | null>(n);
  const powerW = new Array<number | null>(n);
  for (let k = 0; k < n; k++) {
    const j = first + k;
    timeMs[k] = (j - t) / samplesPerMs;
    const v = ring.v(j);
    const i = ring.i(j);
    voltageV[k] = Number.isNaN(v) ? null : v;
    currentA[k] = Number.isNaN(i) ? null : i;
    powerW[k] = Number.isNaN(v) || Number.isNaN(i) ? null : v * i;
  }
  return { timeMs, voltageV, currentA, powerW, firstIndex: first, lastIndex: last, triggerIndex: t, triggered, sampleRateHz };
}

/** A channel's value at time `ms` of a sweep, linearly interpolated (null outside it or across a gap). */
export function valueAt(sweep: Sweep, channel: 'voltageV' | 'currentA' | 'powerW', ms: number): number | null {
  const { timeMs } = sweep;
  const n = timeMs.length;
  if (n === 0 || ms < timeMs[0] || ms > timeMs[n - 1]) return null;
  const dt = n > 1 ? timeMs[1] - timeMs[0] : 1;
  const pos = (ms - timeMs[0]) / dt;
  const k = Math.min(n - 2, Math.max(0, Math.floor(pos)));
  if (n === 1) return sweep[channel][0];
  const a = sweep[channel][k];
  const b = sweep[channel][k + 1];
  if (a === null || b === null) return null;
  const f = pos - k;
  return a + (b - a) * f;
}
