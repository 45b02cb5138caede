// One-minute aggregates of the 200 ms measurement windows (DESIGN.md §4.5): each window is placed in the
// wall-clock minute it ended in; averages are over the windows that had a value (a window without
// voltage has no frequency or power factor), energy is ∑ P·Δt of the windows, in Wh.
import type { MeasurementWindow } from '../../../shared/protocol/device-types';
import type { MinuteRow } from '../project/meter-store';

const MINUTE_MS = 60_000;

class Mean {
  sum = 0;
  n = 0;
  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.sum += x;
    this.n++;
  }
  get value(): number | null {
    return this.n > 0 ? this.sum / this.n : null;
  }
}

class MinuteAccumulator {
  windows = 0;
  readonly vrms = new Mean();
  vrmsMin = Infinity;
  vrmsMax = -Infinity;
  readonly irms = new Mean();
  irmsMax = -Infinity;
  readonly p = new Mean();
  readonly q = new Mean();
  readonly s = new Mean();
  readonly pf = new Mean();
  readonly f = new Mean();
  readonly temperature = new Mean();
  energyWh = 0;

  constructor(readonly startMs: number) {}

  addWindow(w: MeasurementWindow): void {
    this.windows++;
    this.vrms.add(w.vrmsV);
    if (Number.isFinite(w.vrmsV)) {
      this.vrmsMin = Math.min(this.vrmsMin, w.vrmsV);
      this.vrmsMax = Math.max(this.vrmsMax, w.vrmsV);
    }
    this.irms.add(w.irmsA);
    if (Number.isFinite(w.irmsA)) this.irmsMax = Math.max(this.irmsMax, w.irmsA);
    this.p.add(w.activePowerW);
    this.q.add(w.reactivePowerVar);
    this.s.add(w.apparentPowerVA);
    this.pf.add(w.powerFactor);
    this.f.add(w.frequencyHz);
    if (Number.isFinite(w.activePowerW) && Number.isFinite(w.durationS)) this.energyWh += (w.activePowerW * w.durationS) / 3600;
  }

  row(): MinuteRow {
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      minuteStart: new Date(this.startMs).toISOString(),
      samples: this.windows,
      vrmsAvg: this.vrms.value,
      vrmsMin: finite(this.vrmsMin),
      vrmsMax: finite(this.vrmsMax),
      irmsAvg: this.irms.value,
      irmsMax: finite(this.irmsMax),
      pAvgW: this.p.value,
      qAvgVar: this.q.value,
      sAvgVA: this.s.value,
      pfAvg: this.pf.value,
      frequencyAvgHz: this.f.value,
      energyWh: this.energyWh,
      temperatureC: this.temperature.value,
    };
  }
}

export class MinuteAggregator {
  private readonly minutes = new Map<number, MinuteAccumulator>();
  private readonly dirty = new Set<number>();
  /** Energy of every window added since the start, Wh. */
  totalEnergyWh = 0;
  /** Minutes before this are written for good: a late window (the clock stepped back) joins this one instead. */
  private finalizedBeforeMs = -Infinity;

  private at(timeMs: number): MinuteAccumulator {
    const start = Math.max(this.finalizedBeforeMs, Math.floor(timeMs / MINUTE_MS) * MINUTE_MS);
    let m = this.minutes.get(start);
    if (!m) this.minutes.set(start, (m = new MinuteAccumulator(start)));
    this.dirty.add(start);
    return m;
  }

  /** A window that ended at `endedAtMs` (epoch ms). */
  addWindow(w: MeasurementWindow, endedAtMs: number): void {
    const m = this.at(endedAtMs);
    const before = m.energyWh;
    m.addWindow(w);
    this.totalEnergyWh += m.energyWh - before;
  }

  addTemperature(temperatureC: number, atMs: number): void {
    if (Number.isFinite(temperatureC)) this.at(atMs).temperature.add(temperatureC);
  }

  /**
   * The minutes changed since the last call, to write; minutes that ended before `nowMs` are then
   * forgotten (they are complete), the current one is kept and rewritten at the next call.
   */
  takeChanged(nowMs: number): MinuteRow[] {
    const rows = [...this.dirty].sort((a, b) => a - b).map((start) => this.minutes.get(start)!.row());
    this.dirty.clear();
    const current = Math.max(this.finalizedBeforeMs, Math.floor(nowMs / MINUTE_MS) * MINUTE_MS);
    this.finalizedBeforeMs = current;
    for (const start of [...this.minutes.keys()]) if (start < current) this.minutes.delete(start);
    return rows;
  }

  /** Every minute still held (the last call's unfinished ones), to write at the end. */
  takeAll(): MinuteRow[] {
    const rows = [...this.minutes.keys()].sort((a, b) => a - b).map((start) => this.minutes.get(start)!.row());
    this.minutes.clear();
    this.dirty.clear();
    return rows;
  }
}
