// Summary of many measurement windows (a `measure` run, a one-minute aggregate): RMS values combine as
// the root of the duration-weighted mean square, powers as duration-weighted means, and S and PF are
// recomputed from the combined values rather than averaged (an average of ratios is not a ratio).
import type { PowerMetrics } from './power-metrics';

export interface MetricsSummary {
  windows: number;
  durationS: number;
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  reactivePowerVar: number;
  apparentPowerVA: number;
  powerFactor: number;
  frequencyHz: number;
  voltageThd: number;
  currentThd: number;
  /** Smallest and largest window values, for a quick look at stability. */
  vrmsRangeV: [number, number];
  irmsRangeA: [number, number];
  activePowerRangeW: [number, number];
}

/** The fields a summary needs (a full PowerMetrics, or the device manager's MeasurementWindow). */
export type SummarisableMetrics = Pick<PowerMetrics, 'durationS' | 'vrmsV' | 'irmsA' | 'activePowerW' | 'reactivePowerVar' | 'frequencyHz' | 'voltageThd' | 'currentThd'>;

export class MetricsAccumulator {
  private windows = 0;
  private durationS = 0;
  private sumV2 = 0;
  private sumI2 = 0;
  private sumP = 0;
  private sumQ = 0;
  private sumF = 0;
  private durationF = 0;
  private sumThdV = 0;
  private sumThdI = 0;
  private durationThd = 0;
  private vrmsRange: [number, number] = [Infinity, -Infinity];
  private irmsRange: [number, number] = [Infinity, -Infinity];
  private pRange: [number, number] = [Infinity, -Infinity];

  add(m: SummarisableMetrics): void {
    const t = m.durationS;
    if (!(t > 0)) return;
    this.windows++;
    this.durationS += t;
    this.sumV2 += m.vrmsV ** 2 * t;
    this.sumI2 += m.irmsA ** 2 * t;
    this.sumP += m.activePowerW * t;
    this.sumQ += m.reactivePowerVar * t;
    if (Number.isFinite(m.frequencyHz)) {
      this.sumF += m.frequencyHz * t;
      this.durationF += t;
    }
    if (Number.isFinite(m.voltageThd) && Number.isFinite(m.currentThd)) {
      this.sumThdV += m.voltageThd * t;
      this.sumThdI += m.currentThd * t;
      this.durationThd += t;
    }
    widen(this.vrmsRange, m.vrmsV);
    widen(this.irmsRange, m.irmsA);
    widen(this.pRange, m.activePowerW);
  }

  summary(): MetricsSummary {
    const T = this.durationS;
    const vrmsV = T > 0 ? Math.sqrt(this.sumV2 / T) : Number.NaN;
    const irmsA = T > 0 ? Math.sqrt(this.sumI2 / T) : Number.NaN;
    const activePowerW = T > 0 ? this.sumP / T : Number.NaN;
    const apparentPowerVA = vrmsV * irmsA;
    return {
      windows: this.windows,
      durationS: T,
      vrmsV,
      irmsA,
      activePowerW,
      reactivePowerVar: T > 0 ? this.sumQ / T : Number.NaN,
      apparentPowerVA,
      powerFactor: apparentPowerVA > 0 ? activePowerW / apparentPowerVA : Number.NaN,
      frequencyHz: this.durationF > 0 ? this.sumF / this.durationF : Number.NaN,
      voltageThd: this.durationThd > 0 ? this.sumThdV / this.durationThd : Number.NaN,
      currentThd: this.durationThd > 0 ? this.sumThdI / this.durationThd : Number.NaN,
      vrmsRangeV: [...this.vrmsRange],
      irmsRangeA: [...this.irmsRange],
      activePowerRangeW: [...this.pRange],
    };
  }
}

function widen(range: [number, number], x: number): void {
  if (x < range[0]) range[0] = x;
  if (x > range[1]) range[1] = x;
}
