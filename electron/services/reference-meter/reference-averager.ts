// Averages a polled reference over a measurement window, so that it is compared with the board over the
// same time. RMS values combine as the root of the mean square (as the board's own summary does,
// shared/signal/measurement-summary.ts); powers, power factor and frequency as plain means.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { ReferenceReading } from '../../../shared/calibration/reference-reading';
import type { MeterValues, PolledReference } from './modbus-reference-meter';
import type { MeterQuantity } from './register-maps';

export interface AverageOptions {
  windowMs: number;
  /** Pause between two polls (a meter refreshes its registers a few times a second). */
  pollIntervalMs?: number;
  /** Polls at least this many times, even past the window. */
  minPolls?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Stops early (the user cancelled the step). */
  signal?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Combines polls into one reading. */
export function combinePolls(polls: readonly MeterValues[], durationS: number): ReferenceReading {
  const values = (q: MeterQuantity) => polls.map((p) => p[q]).filter((x): x is number => x !== undefined && Number.isFinite(x));
  const mean = (q: MeterQuantity) => {
    const v = values(q);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : undefined;
  };
  const rms = (q: MeterQuantity) => {
    const v = values(q);
    return v.length ? Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length) : undefined;
  };
  const reading: ReferenceReading = { samples: polls.length, durationS };
  const set = <K extends keyof ReferenceReading>(key: K, value: ReferenceReading[K] | undefined) => {
    if (value !== undefined) reading[key] = value;
  };
  set('voltageV', rms('voltageV'));
  set('currentA', rms('currentA'));
  set('activePowerW', mean('activePowerW'));
  set('reactivePowerVar', mean('reactivePowerVar'));
  set('powerFactor', mean('powerFactor'));
  set('frequencyHz', mean('frequencyHz'));
  return reading;
}

/**
 * Polls the reference until the window has elapsed (at least `minPolls` times) and returns the average.
 * The first failed poll ends the window with that failure: a reading averaged over a gap would not be
 * over the board's window.
 */
export async function averageReference(reference: PolledReference, options: AverageOptions): Promise<Result<ReferenceReading>> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const minPolls = options.minPolls ?? 1;
  const start = now();
  const polls: MeterValues[] = [];
  for (;;) {
    if (options.signal?.aborted) return err('cancelled', 'The measurement was cancelled.');
    const r = await reference.poll();
    if (!r.ok) return r;
    polls.push(r.value);
    const elapsed = now() - start;
    if (elapsed >= options.windowMs && polls.length >= minPolls) return ok(combinePolls(polls, elapsed / 1000));
    const interval = options.pollIntervalMs ?? 0;
    if (interval > 0) await sleep(Math.min(interval, Math.max(0, options.windowMs - elapsed)));
  }
}
