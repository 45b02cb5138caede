// The placement as it stands this instant — the snapshot's devices (or a previewed solution's), with
// the positions of devices being dragged — and its overlays and metrics, recomputed at most once per
// animation frame. High-rate data stays here, out of React state: the canvas's overlay layer and the
// inspector's metrics subscribe and draw through refs (STYLE.md, "Renderer").
import { computeOverlays, NO_OVERLAYS, type OverlayFlags, type OverlayResult } from '../overlays/overlay-engine';
import type { LiveDevice, OverlayStatics } from '../overlays/overlay-statics';

type Schedule = (run: () => void) => void;

/** Name of the User Timing measure of each overlay computation. */
export const OVERLAY_MEASURE = 'meterplan:overlays';

const nextFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run());
  else setTimeout(run, 0);
};

export class LivePlan {
  private statics: OverlayStatics | null = null;
  private base: readonly LiveDevice[] = [];
  private readonly overrides = new Map<number, { x: number; y: number }>();
  private flags: OverlayFlags = NO_OVERLAYS;
  private result: OverlayResult | null = null;
  private dirty = false;
  private scheduled = false;
  private readonly listeners = new Set<(result: OverlayResult | null) => void>();
  /** Counts computations (tests and the benchmark read it). */
  computations = 0;

  constructor(private readonly schedule: Schedule = nextFrame) {}

  /** A new plan or placement (snapshot, preview): dragged positions are dropped with the old placement. */
  setPlan(statics: OverlayStatics | null, devices: readonly LiveDevice[]): void {
    if (statics === this.statics && devices === this.base) return;
    this.statics = statics;
    this.base = devices;
    this.overrides.clear();
    this.invalidate();
  }

  setFlags(flags: OverlayFlags): void {
    if (flags === this.flags) return;
    this.flags = flags;
    this.invalidate();
  }

  /** Positions of dragged devices, in metres; applied over the placement until the next setPlan. */
  moveDevices(moves: readonly { id: number; x: number; y: number }[]): void {
    for (const m of moves) this.overrides.set(m.id, { x: m.x, y: m.y });
    this.invalidate();
  }

  get devices(): readonly LiveDevice[] {
    if (this.overrides.size === 0) return this.base;
    return this.base.map((d) => {
      const o = this.overrides.get(d.id);
      return o ? { ...d, x: o.x, y: o.y } : d;
    });
  }

  /** The latest overlays, computed now if the placement changed since. */
  get current(): OverlayResult | null {
    if (this.dirty) this.compute();
    return this.result;
  }

  subscribe(listener: (result: OverlayResult | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Computes and notifies now (the scheduled frame does the same). */
  flush(): void {
    if (this.dirty) this.compute();
    for (const l of [...this.listeners]) l(this.result);
  }

  private invalidate(): void {
    this.dirty = true;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private compute(): void {
    this.dirty = false;
    const start = performance.now();
    this.result = this.statics ? computeOverlays(this.statics, this.devices, this.flags) : null;
    this.computations++;
    // A User Timing entry per computation: the canvas benchmark reads them from the page. The
    // timeline keeps what it is given, so old entries are dropped now and then.
    if (this.computations % 1000 === 0) performance.clearMeasures(OVERLAY_MEASURE);
    performance.measure(OVERLAY_MEASURE, { start });
  }
}

/** The window's one live plan: the canvas writes into it, the canvas and the inspector read it. */
export const livePlan = new LivePlan();
