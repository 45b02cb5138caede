// Continuous measurement over a stream of calibrated samples: windows of whole mains periods, found from
// the voltage's rising zero crossings, back to back so that no sample is counted twice or skipped (the
// energy depends on it). 10 periods at 50 Hz and 12 at 60 Hz — 200 ms — as IEC 61000-4-30 §5.2
// aggregates. Without a usable voltage (no crossings) it falls back to windows of the nominal length.
import type { PowerMetrics } from './power-metrics';
import { computeWindowMetrics } from './power-metrics';
import { defaultHysteresis, risingZeroCrossings } from './zero-crossings';

export interface MeasurementStreamOptions {
  sampleRateHz: number;
  nominalFrequencyHz: number;
  /** Periods per window; default 10 at 50 Hz, 12 at 60 Hz. */
  windowPeriods?: number;
}

export interface EnergyTotals {
  activeEnergyWh: number;
  reactiveEnergyVarh: number;
  apparentEnergyVAh: number;
  durationS: number;
}

export class MeasurementStream {
  readonly windowPeriods: number;
  readonly energy: EnergyTotals = { activeEnergyWh: 0, reactiveEnergyVarh: 0, apparentEnergyVAh: 0, durationS: 0 };
  private voltage: Float64Array = new Float64Array(0);
  private current: Float64Array = new Float64Array(0);
  /** Fractional position (in the buffers) of the crossing where the next window starts. */
  private startCrossing: number | null = null;
  /**
   * Level and hysteresis for the crossings, from the first nominal period's mean and range. Every window's
   * two ends must be found against the same level, or the window is not a whole number of periods (a
   * constant level error shifts all rising crossings alike and does no harm); so it stays fixed until
   * the crossings become implausible and the stream resynchronises.
   */
  private level: { offset: number; hysteresis: number } | null = null;
  private readonly nominalPeriodSamples: number;

  constructor(private readonly options: MeasurementStreamOptions) {
    this.windowPeriods = options.windowPeriods ?? Math.max(1, Math.round(options.nominalFrequencyHz / 5));
    this.nominalPeriodSamples = options.sampleRateHz / options.nominalFrequencyHz;
  }

  /** Feeds samples; returns the windows they completed (usually zero or one). */
  push(voltageV: ArrayLike<number>, currentA: ArrayLike<number>): PowerMetrics[] {
    this.voltage = append(this.voltage, voltageV);
    this.current = append(this.current, currentA);
    const out: PowerMetrics[] = [];
    for (;;) {
      const window = this.nextWindow();
      if (!window) break;
      out.push(window);
    }
    return out;
  }

  private nextWindow(): PowerMetrics | null {
    const v = this.voltage;
    const fallbackSamples = Math.round(this.windowPeriods * this.nominalPeriodSamples);
    const periodSamples = Math.round(this.nominalPeriodSamples);
    if (!this.level && v.length >= periodSamples) this.level = defaultHysteresis(v, 0, periodSamples);
    const { offset, hysteresis } = this.level ?? { offset: 0, hysteresis: 0 };
    const usable = hysteresis > 0;
    if (usable && this.startCrossing === null) {
      const first = risingZeroCrossings(v, 0, v.length, { offset, hysteresis });
      if (first.length > 0) this.startCrossing = first[0];
    }
    if (usable && this.startCrossing !== null) {
      const from = Math.ceil(this.startCrossing);
      const after = risingZeroCrossings(v, from, v.length, { offset, hysteresis });
      if (after.length >= this.windowPeriods) {
        const endCrossing = after[this.windowPeriods - 1];
        const periodSamples = (endCrossing - this.startCrossing) / this.windowPeriods;
        // A "period" far from nominal means noise or a missing crossing: resynchronise on the next one.
        if (periodSamples > 0.7 * this.nominalPeriodSamples && periodSamples < 1.4 * this.nominalPeriodSamples) {
          const metrics = computeWindowMetrics(v, this.current, this.options.sampleRateHz, {
            spanStart: this.startCrossing,
            spanEnd: endCrossing,
            frequencyHz: this.options.sampleRateHz / periodSamples,
            nominalFrequencyHz: this.options.nominalFrequencyHz,
          });
          // The sample nearest the end crossing is shared with the next window (each takes its share).
          const keepFrom = Math.floor(endCrossing + 0.5);
          this.consume(keepFrom);
          this.startCrossing = endCrossing - keepFrom;
          return this.account(metrics);
        }
        this.startCrossing = after[0];
        this.level = null;
        return this.nextWindow();
      }
      // Wait for more samples, unless they are far too many for a window: then the crossings are unusable.
      if (v.length - from < 2 * fallbackSamples) return null;
    }
    if (v.length < 2 * fallbackSamples) return null;
    if (usable) this.level = null; // a level that finds no plausible periods is stale: measure it again
    const metrics = computeWindowMetrics(v, this.current, this.options.sampleRateHz, { start: 0, end: fallbackSamples, nominalFrequencyHz: this.options.nominalFrequencyHz });
    metrics.frequencyHz = Number.NaN;
    this.consume(fallbackSamples);
    this.startCrossing = null;
    return this.account(metrics);
  }

  private consume(samples: number): void {
    this.voltage = this.voltage.slice(samples);
    this.current = this.current.slice(samples);
  }

  private account(m: PowerMetrics): PowerMetrics {
    const hours = m.durationS / 3600;
    this.energy.activeEnergyWh += m.activePowerW * hours;
    this.energy.reactiveEnergyVarh += m.reactivePowerVar * hours;
    this.energy.apparentEnergyVAh += m.apparentPowerVA * hours;
    this.energy.durationS += m.durationS;
    return m;
  }
}

function append(a: Float64Array, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  for (let k = 0; k < b.length; k++) out[a.length + k] = b[k];
  return out;
}
