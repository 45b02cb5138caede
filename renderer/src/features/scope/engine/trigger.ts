// Edge trigger with hysteresis, as an oscilloscope's: a rising edge is the signal going from below
// (level − hysteresis) up through the level; a falling edge the mirror image. The hysteresis keeps noise
// riding on a slow edge from triggering again and again (what a scope's "noise reject" does). The
// crossing is interpolated between the two samples around it, so the trace is placed with sub-sample
// precision and a steady signal draws a steady picture, not one that jitters by a sample.
import type { SampleRing } from './sample-ring';

export type TriggerChannel = 'voltage' | 'current';
export type TriggerEdge = 'rising' | 'falling';

export interface TriggerSpec {
  channel: TriggerChannel;
  edge: TriggerEdge;
  /** V or A. */
  level: number;
  /** V or A, ≥ 0. */
  hysteresis: number;
}

/**
 * The newest crossing (a fractional sample index t, sample floor(t) before the level, floor(t)+1 at or
 * beyond it) with both samples inside [fromIndex, toIndex), or null.
 */
export function findTrigger(ring: SampleRing, spec: TriggerSpec, fromIndex: number, toIndex: number): number | null {
  const read = spec.channel === 'voltage' ? (k: number) => ring.v(k) : (k: number) => ring.i(k);
  const sign = spec.edge === 'rising' ? 1 : -1;
  // Work on s = sign·x so that both edges are "rising through sign·level".
  const level = sign * spec.level;
  const arm = level - Math.max(0, spec.hysteresis);
  const from = Math.max(fromIndex, ring.start);
  const to = Math.min(toIndex, ring.end);
  let armed = false;
  let found: number | null = null;
  let previous = Number.NaN;
  for (let k = from; k < to; k++) {
    const x = read(k);
    if (Number.isNaN(x)) {
      armed = false;
      previous = Number.NaN;
      continue;
    }
    const s = sign * x;
    if (s <= arm) armed = true;
    if (armed && s >= level && !Number.isNaN(previous) && previous < level) {
      found = k - 1 + (level - previous) / (s - previous);
      armed = false;
    }
    previous = s;
  }
  return found;
}

/** Peak-to-peak of a channel over [fromIndex, toIndex), ignoring lost samples (0 when nothing is held). */
export function peakToPeak(ring: SampleRing, channel: TriggerChannel, fromIndex: number, toIndex: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  const from = Math.max(fromIndex, ring.start);
  const to = Math.min(toIndex, ring.end);
  for (let k = from; k < to; k++) {
    const x = channel === 'voltage' ? ring.v(k) : ring.i(k);
    if (Number.isNaN(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi >= lo ? hi - lo : 0;
}
