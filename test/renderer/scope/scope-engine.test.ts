// The scope's engine without a browser: the ring (gaps, restarts, wrap), the interpolated edge trigger
// with hysteresis, sweeps placed to a fraction of a sample, the three trigger modes, and the display
// figures (frames, latency from the back end's arrival time, batches lost on the way).
import { describe, expect, it } from 'vitest';
import type { SampleBatch } from '../../../shared/api/device-api';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import { SampleRing } from '../../../renderer/src/features/scope/engine/sample-ring';
import { ScopeEngine } from '../../../renderer/src/features/scope/engine/scope-engine';
import { createScopeSettings } from '../../../renderer/src/features/scope/engine/scope-settings';
import { buildSweep, valueAt, type Sweep } from '../../../renderer/src/features/scope/engine/sweep';
import { findTrigger } from '../../../renderer/src/features/scope/engine/trigger';

const RATE = 6400;
const PEAK = 325.27;
/** 230 V / 50 Hz with a phase that is not a whole number of samples. */
const volts = (k: number, phase = 0.37) => PEAK * Math.sin(2 * Math.PI * 50 * (k / RATE) + phase);

function ringOf(n: number, f: (k: number) => number): SampleRing {
  const ring = new SampleRing(8192);
  const v = Array.from({ length: n }, (_, k) => f(k));
  ring.push(0, v, v.map((x) => x / 23), 0);
  return ring;
}

describe('SampleRing', () => {
  it('keeps absolute indexes across wrap-around, fills gaps with NaN and restarts on a new connection', () => {
    const ring = new SampleRing(10);
    expect(ring.push(0, [1, 2, 3], [0.1, 0.2, 0.3], 100)).toBe(false);
    ring.push(5, [6, 7], [0.6, null], 200); // samples 3 and 4 were lost
    expect([ring.start, ring.end]).toEqual([0, 7]);
    expect([ring.v(2), ring.v(3), ring.v(4), ring.v(5), ring.i(6)]).toEqual([3, NaN, NaN, 6, NaN]);
    ring.push(7, [8, 9, 10, 11, 12], [0, 0, 0, 0, 0], 300);
    expect([ring.start, ring.end, ring.v(1), ring.v(2), ring.v(11)]).toEqual([2, 12, NaN, 3, 12]);
    expect([ring.arrivalOf(4), ring.arrivalOf(6), ring.arrivalOf(11), ring.arrivalOf(12)]).toEqual([200, 200, 300, null]);
    expect(ring.push(0, [5], [0], 400)).toBe(true);
    expect([ring.start, ring.end, ring.v(0)]).toEqual([0, 1, 5]);
  });
});

describe('findTrigger', () => {
  it('finds the newest rising zero crossing of a sine to a small fraction of a sample', () => {
    const ring = ringOf(1280, volts);
    const t = findTrigger(ring, { channel: 'voltage', edge: 'rising', level: 0, hysteresis: 5 }, 0, 1280)!;
    // Crossings where 2π·50·k/6400 + 0.37 = 2πn: k = (n − 0.37/2π)·128; the last below 1280 is n = 10.
    const exact = (10 - 0.37 / (2 * Math.PI)) * 128;
    expect(Math.abs(t - exact)).toBeLessThan(0.01);
    const falling = findTrigger(ring, { channel: 'voltage', edge: 'falling', level: 100, hysteresis: 5 }, 0, 1280)!;
    // sin θ = 100/325.27 on the way down: θ = π − asin(0.3074).
    const exactFalling = ((Math.PI - Math.asin(100 / PEAK) - 0.37 + 2 * Math.PI * 9) / (2 * Math.PI)) * 128;
    expect(Math.abs(falling - exactFalling)).toBeLessThan(0.05);
    // The current channel (v/23) with an amperes level.
    const onCurrent = findTrigger(ring, { channel: 'current', edge: 'rising', level: 0, hysteresis: 0.1 }, 0, 1280)!;
    expect(Math.abs(onCurrent - exact)).toBeLessThan(0.01);
  });

  it('does not trigger above the peak, on noise riding on the level, or across a lost sample', () => {
    const ring = ringOf(1280, volts);
    expect(findTrigger(ring, { channel: 'voltage', edge: 'rising', level: 400, hysteresis: 5 }, 0, 1280)).toBeNull();
    // A slow ramp with ±2 V of alternating noise: one crossing of 0 V with 5 V of hysteresis, many without.
    const noisy = ringOf(400, (k) => (k - 200) * 0.1 + (k % 2 ? 2 : -2));
    const count = (hysteresis: number) => {
      let n = 0;
      let to = 400;
      for (let t = findTrigger(noisy, { channel: 'voltage', edge: 'rising', level: 0, hysteresis }, 0, to); t !== null; t = findTrigger(noisy, { channel: 'voltage', edge: 'rising', level: 0, hysteresis }, 0, to)) {
        n++;
        to = Math.floor(t);
      }
      return n;
    };
    expect(count(0)).toBeGreaterThan(5);
    expect(count(5)).toBe(1);
    const gap = new SampleRing(100);
    gap.push(0, [-10, -5], [0, 0], 0);
    gap.push(3, [5, 10], [0, 0], 0); // sample 2, where the crossing was, is lost
    expect(findTrigger(gap, { channel: 'voltage', edge: 'rising', level: 0, hysteresis: 1 }, 0, 5)).toBeNull();
  });
});

describe('buildSweep', () => {
  it('places samples in ms from the trigger and interpolates between them', () => {
    const ring = ringOf(1280, volts);
    const t = findTrigger(ring, { channel: 'voltage', edge: 'rising', level: 0, hysteresis: 5 }, 200, 1000)!;
    const sweep = buildSweep(ring, t, 5, 45, RATE, true)!;
    expect(sweep.timeMs[0]).toBeGreaterThanOrEqual(-5);
    expect(sweep.timeMs[0]).toBeLessThan(-5 + 1000 / RATE);
    expect(sweep.timeMs.at(-1)!).toBeLessThanOrEqual(45);
    expect(sweep.lastIndex - sweep.firstIndex + 1).toBe(sweep.timeMs.length);
    // At the trigger the interpolated voltage is the level; a quarter period later, the peak.
    expect(Math.abs(valueAt(sweep, 'voltageV', 0)!)).toBeLessThan(0.2);
    expect(valueAt(sweep, 'voltageV', 5)!).toBeCloseTo(PEAK, -0.5);
    expect(valueAt(sweep, 'powerW', 5)!).toBeCloseTo((PEAK * PEAK) / 23, -1);
    expect(valueAt(sweep, 'voltageV', 50)).toBeNull();
    expect(buildSweep(ring, 1270, 5, 45, RATE, true)).toBeNull(); // not all of it arrived yet
  });
});

/** A fake back end: batches of ~34 ms of the sine, with their arrival times. */
function stream() {
  const listeners = new Set<(b: SampleBatch) => void>();
  let index = 0;
  let seq = 0;
  let nowMs = 1_000_000;
  const frames: (() => void)[] = [];
  const api = {
    on: (_e: 'sampleBatch', l: (b: SampleBatch) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  return {
    api,
    requestFrame: (cb: () => void) => void frames.push(cb),
    now: () => nowMs,
    /** Sends `n` samples that arrived in the back end now; the frame runs `drawDelayMs` later. */
    send(n = 218, drawDelayMs = 7, skipSeq = 0) {
      seq += skipSeq;
      const v = Array.from({ length: n }, (_, k) => Math.round(volts(index + k) * 1000) / 1000);
      const b: SampleBatch = {
        seq: seq++,
        firstSampleIndex: index,
        sampleRateHz: RATE,
        voltageV: v,
        currentA: v.map((x) => x / 23),
        lostSamples: 0,
        measurements: [],
        temperatureC: null,
        activeEnergyWh: 0,
        stats: emptyLinkStats(),
        receivedAtMs: nowMs,
        sentAtMs: nowMs,
      };
      index += n;
      for (const l of listeners) l(b);
      nowMs += drawDelayMs;
      for (const f of frames.splice(0)) f();
      nowMs += 34 - drawDelayMs;
    },
  };
}

describe('ScopeEngine', () => {
  it('draws a stable triggered sine: every frame has the rising zero crossing at t = 0', () => {
    const s = stream();
    const settings = createScopeSettings();
    const engine = new ScopeEngine(s.api, settings, { requestFrame: s.requestFrame, now: s.now });
    const drawn: Sweep[] = [];
    engine.attach({ draw: (sweep) => drawn.push(sweep), clear: () => undefined });
    for (let k = 0; k < 30; k++) s.send();
    const fresh = drawn.filter((d, k) => k === 0 || d.lastIndex !== drawn[k - 1].lastIndex);
    expect(fresh.length).toBeGreaterThanOrEqual(25);
    for (const sweep of fresh) {
      expect(sweep.triggered).toBe(true);
      expect(Math.abs(valueAt(sweep, 'voltageV', 0)!)).toBeLessThan(0.5);
      // The first sample after the trigger lies within one sample's rise of the level (2π·50·325 V/6400 ≈ 16 V).
      const first = sweep.timeMs.findIndex((ms) => ms >= 0);
      expect(sweep.voltageV[first]!).toBeGreaterThanOrEqual(0);
      expect(sweep.voltageV[first]!).toBeLessThan(16.1);
    }
    const stats = engine.stats();
    expect(stats.state).toBe('triggered');
    // Each sample drawn 7 ms after its batch reached the back end, or one batch later (34 + 7 ms).
    expect(stats.latencyP50Ms).toBeGreaterThanOrEqual(7);
    expect(stats.latencyP95Ms).toBeLessThanOrEqual(41);
    expect(stats.batchGaps).toBe(0);
  });

  it('waits in normal mode, free-runs in auto when no trigger comes, and stops after one sweep in single', () => {
    const s = stream();
    const settings = createScopeSettings({ mode: 'normal', triggerLevelV: 400 });
    const engine = new ScopeEngine(s.api, settings, { requestFrame: s.requestFrame, now: s.now });
    const drawn: Sweep[] = [];
    engine.attach({ draw: (sweep) => drawn.push(sweep), clear: () => undefined });
    for (let k = 0; k < 10; k++) s.send();
    expect(drawn).toHaveLength(0);
    expect(engine.stats().state).toBe('waiting');
    settings.getState().set({ mode: 'auto' });
    for (let k = 0; k < 10; k++) s.send();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((d) => !d.triggered)).toBe(true);
    expect(engine.stats().state).toBe('auto');
    settings.getState().set({ triggerLevelV: 0 });
    settings.getState().single();
    const before = drawn.length;
    for (let k = 0; k < 10; k++) s.send();
    const after = drawn.slice(before).filter((d) => d.triggered);
    expect(new Set(after.map((d) => d.lastIndex)).size).toBe(1);
    expect(settings.getState().running).toBe(false);
    expect(engine.stats().state).toBe('stopped');
    expect(engine.sweep?.triggered).toBe(true);
  });

  it('counts batches that never reached the window', () => {
    const s = stream();
    const engine = new ScopeEngine(s.api, createScopeSettings(), { requestFrame: s.requestFrame, now: s.now });
    engine.attach({ draw: () => undefined, clear: () => undefined });
    s.send();
    s.send(218, 7, 2);
    s.send();
    expect(engine.stats()).toMatchObject({ batchGaps: 2, batches: 3 });
  });
});
