// The scope's engine, outside React: it subscribes to the `sampleBatch` event, keeps the stream in a ring,
// and at most once per animation frame — when new samples or new settings call for it — finds the
// trigger, builds the sweep and hands it to the chart through a sink (which pushes it into uPlot). It
// implements the trigger modes (auto: free-run when no trigger comes; normal: only triggered sweeps;
// single: one, then stop) and measures what the display achieves: frames drawn per second, end-to-end
// latency from a sample's arrival in the back end to its drawing, and batches that never arrived.
import type { SampleBatch } from '../../../../../shared/api/device-api';
import { LatencyHistogram } from './latency-histogram';
import { SampleRing } from './sample-ring';
import type { ScopeSettings, ScopeSettingsStore } from './scope-settings';
import { timeSpanMs } from './scope-settings';
import { buildSweep, type Sweep } from './sweep';
import { findTrigger, peakToPeak, type TriggerSpec } from './trigger';

/** 8.5 s at the fastest board rate (128 × 60 Hz): room for the slowest time base and the trigger search. */
const RING_SAMPLES = 65_536;

export type ScopeState = 'no-signal' | 'stopped' | 'triggered' | 'auto' | 'waiting' | 'armed';

export interface DisplayStats {
  readonly state: ScopeState;
  readonly framesDrawn: number;
  /** Frames drawn with new samples during the last second. */
  readonly framesPerSecond: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly latencyCount: number;
  /** Batches lost between the back end and this window (sequence gaps). */
  readonly batchGaps: number;
  readonly batches: number;
}

export interface ScopeSink {
  draw(sweep: Sweep): void;
  /** Nothing to show (the link stopped streaming). */
  clear(): void;
}

export type RequestFrame = (callback: () => void) => void;

export interface ScopeEngineOptions {
  requestFrame?: RequestFrame;
  /** The clock comparable with the back end's receivedAtMs (Date.now by default). */
  now?: () => number;
}

const defaultRequestFrame: RequestFrame = (cb) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => cb()) : setTimeout(cb, 16));

export class ScopeEngine {
  readonly ring = new SampleRing(RING_SAMPLES);
  sampleRateHz = 0;
  private sink: ScopeSink | null = null;
  private framePending = false;
  private dirty = false;
  private current: Sweep | null = null;
  private lastTriggerDrawMs = -Infinity;
  private lastDrawnIndex = -1;
  private armIndex = 0;
  private armSeen = -1;
  private live = true;
  private state: ScopeState = 'no-signal';
  private readonly stateListeners = new Set<(state: ScopeState) => void>();
  private readonly latency = new LatencyHistogram();
  private readonly drawTimes: number[] = [];
  private framesDrawn = 0;
  private batchGaps = 0;
  private batches = 0;
  private lastSeq = -1;
  private readonly requestFrame: RequestFrame;
  private readonly now: () => number;
  private readonly unsubscribe: () => void;

  constructor(
    api: { on(event: 'sampleBatch', listener: (b: SampleBatch) => void): () => void },
    private readonly settings: ScopeSettingsStore,
    options: ScopeEngineOptions = {},
  ) {
    this.requestFrame = options.requestFrame ?? defaultRequestFrame;
    this.now = options.now ?? Date.now;
    const off = [api.on('sampleBatch', (b) => this.onBatch(b)), settings.subscribe(() => this.invalidate())];
    this.unsubscribe = () => off.forEach((u) => u());
  }

  /** The chart registers here; the engine draws only while a sink is attached. */
  attach(sink: ScopeSink): () => void {
    this.sink = sink;
    if (this.current) sink.draw(this.current);
    this.invalidate();
    return () => {
      if (this.sink === sink) this.sink = null;
    };
  }

  /** What the screen shows now (for a capture). */
  get sweep(): Sweep | null {
    return this.current;
  }

  /**
   * Whether the link is streaming. When it stops (disconnected, lost, reconnecting) the screen is
   * cleared and says "no signal", rather than showing the last sweep as if it were live.
   */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (!live) {
      this.current = null;
      this.sink?.clear();
      this.setState('no-signal');
    } else this.invalidate();
  }

  onState(listener: (state: ScopeState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  stats(): DisplayStats {
    const t = this.now();
    while (this.drawTimes.length && this.drawTimes[0] < t - 1000) this.drawTimes.shift();
    return {
      state: this.state,
      framesDrawn: this.framesDrawn,
      framesPerSecond: this.drawTimes.length,
      latencyP50Ms: this.latency.quantile(0.5),
      latencyP95Ms: this.latency.quantile(0.95),
      latencyCount: this.latency.count,
      batchGaps: this.batchGaps,
      batches: this.batches,
    };
  }

  resetStats(): void {
    this.latency.reset();
    this.framesDrawn = 0;
    this.drawTimes.length = 0;
    this.batchGaps = 0;
    this.batches = 0;
  }

  dispose(): void {
    this.unsubscribe();
    this.sink = null;
    this.stateListeners.clear();
  }

  private onBatch(b: SampleBatch): void {
    this.batches++;
    if (this.lastSeq >= 0 && b.seq > this.lastSeq + 1) this.batchGaps += b.seq - this.lastSeq - 1;
    this.lastSeq = b.seq;
    if (b.voltageV.length === 0 || !this.live) return;
    if (this.ring.push(b.firstSampleIndex, b.voltageV, b.currentA, b.receivedAtMs) || b.sampleRateHz !== this.sampleRateHz) {
      this.lastDrawnIndex = -1;
      this.armIndex = this.ring.start;
    }
    this.sampleRateHz = b.sampleRateHz;
    this.invalidate();
  }

  private invalidate(): void {
    this.dirty = true;
    if (this.framePending || !this.sink) return;
    this.framePending = true;
    this.requestFrame(() => {
      this.framePending = false;
      if (this.dirty) this.frame();
    });
  }

  private setState(state: ScopeState): void {
    if (state === this.state) return;
    this.state = state;
    for (const l of [...this.stateListeners]) l(state);
  }

  /** One animation frame: decide what the screen shows, and draw it when it changed. */
  frame(): void {
    this.dirty = false;
    const s = this.settings.getState();
    if (s.singleArm !== this.armSeen) {
      this.armSeen = s.singleArm;
      this.armIndex = this.ring.end;
    }
    const rate = this.sampleRateHz;
    if (!s.running) {
      this.setState('stopped');
      return this.redrawCurrent();
    }
    if (!this.live || rate <= 0 || this.ring.end === this.ring.start) {
      this.setState('no-signal');
      return;
    }
    const { preMs, postMs } = timeSpanMs(s);
    const pre = (preMs * rate) / 1000;
    const post = (postMs * rate) / 1000;
    const spec = triggerSpec(s, this.ring, pre + post);
    const from = s.mode === 'single' ? Math.max(this.ring.start + pre, this.armIndex) : this.ring.start + pre;
    const t = findTrigger(this.ring, spec, Math.ceil(from), Math.floor(this.ring.end - post));
    const now = this.now();
    let sweep: Sweep | null = null;
    if (t !== null) {
      sweep = buildSweep(this.ring, t, preMs, postMs, rate, true);
      if (sweep) this.lastTriggerDrawMs = now;
    } else if (s.mode === 'auto' && now - this.lastTriggerDrawMs > Math.max(150, 2 * (preMs + postMs))) {
      // No trigger in time: free-run on the newest samples, as a scope's AUTO mode does.
      sweep = buildSweep(this.ring, this.ring.end - 1 - post, preMs, postMs, rate, false);
    }
    if (!sweep) {
      this.setState(s.mode === 'single' ? 'armed' : s.mode === 'normal' ? 'waiting' : this.state === 'triggered' ? 'triggered' : 'auto');
      return this.redrawCurrent();
    }
    this.setState(sweep.triggered ? 'triggered' : 'auto');
    this.show(sweep);
    if (s.mode === 'single') this.settings.getState().set({ running: false });
  }

  private redrawCurrent(): void {
    // Settings may have changed (scales, cursors): the same sweep is drawn again, without counting it.
    if (this.current) this.sink?.draw(this.current);
  }

  private show(sweep: Sweep): void {
    this.current = sweep;
    this.sink?.draw(sweep);
    if (sweep.lastIndex <= this.lastDrawnIndex) return;
    this.lastDrawnIndex = sweep.lastIndex;
    const drawnAt = this.now();
    this.framesDrawn++;
    this.drawTimes.push(drawnAt);
    const arrival = this.ring.arrivalOf(sweep.lastIndex);
    if (arrival !== null) this.latency.add(drawnAt - arrival);
  }
}

/** The trigger as the settings say, with a hysteresis of 2 % of the channel's recent peak-to-peak. */
function triggerSpec(s: ScopeSettings, ring: SampleRing, sweepSamples: number): TriggerSpec {
  const voltage = s.triggerChannel === 'voltage';
  const pp = peakToPeak(ring, s.triggerChannel, ring.end - 2 * Math.ceil(sweepSamples), ring.end);
  return {
    channel: s.triggerChannel,
    edge: s.triggerEdge,
    level: voltage ? s.triggerLevelV : s.triggerLevelA,
    hysteresis: Math.max(voltage ? 0.5 : 0.005, 0.02 * pp),
  };
}
