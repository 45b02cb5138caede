// From decoded samples to what the application shows: counts → volts/amperes (calibration, phase
// correction), measurement windows, energy, and the pending batch that goes out at display rate.
import type { DeviceBatch, LinkStats, MeasurementWindow } from '../../../shared/protocol/device-types';
import type { BoardMetrics, CalibrationCoefficients, TemperatureReading } from '../../../shared/protocol/frames';
import { SampleCalibrator } from '../../../shared/signal/fractional-delay';
import { MeasurementStream } from '../../../shared/signal/measurement-stream';
import type { PowerMetrics } from '../../../shared/signal/power-metrics';

/** A batch holds at most this many seconds of samples when nobody collects them (older ones are dropped). */
const MAX_PENDING_SECONDS = 5;

export interface PipelineOptions {
  sampleRateHz: number;
  nominalFrequencyHz: number;
  calibration: CalibrationCoefficients;
}

export class SamplePipeline {
  private calibrator: SampleCalibrator;
  private stream: MeasurementStream;
  private nextSampleIndex = 0;
  private batchFirstIndex = 0;
  private voltage: number[] = [];
  private current: number[] = [];
  private lostSamples = 0;
  private measurements: MeasurementWindow[] = [];
  private boardMetrics: BoardMetrics[] = [];
  private temperatures: TemperatureReading[] = [];
  private energyWh = 0;
  private lastReceivedAtMs = 0;
  /** Raw samples received (before the calibrator's latency), for the link statistics. */
  samplesAccepted = 0;
  /** Every measurement window since the start (for a `measure` run); cleared by takeWindows(). */
  private windowsSinceTake: PowerMetrics[] = [];

  constructor(private options: PipelineOptions) {
    this.calibrator = new SampleCalibrator(options.calibration, options.sampleRateHz, options.nominalFrequencyHz);
    this.stream = new MeasurementStream({ sampleRateHz: options.sampleRateHz, nominalFrequencyHz: options.nominalFrequencyHz });
  }

  get sampleRateHz(): number {
    return this.options.sampleRateHz;
  }

  /** Samples the phase-correction filter holds back (and skips once at each start). */
  get latencySamples(): number {
    return this.calibrator.latencySamples + this.calibrator.firstOutputSample;
  }

  /** New coefficients or rate: the filters restart (a few samples are skipped, none mixed). */
  reconfigure(patch: Partial<PipelineOptions>): void {
    this.options = { ...this.options, ...patch };
    this.restartFilters();
  }

  /** A discontinuity of unknown length (the board's ADC overran): the filters start again. */
  restart(): void {
    this.restartFilters();
  }

  private restartFilters(): void {
    this.energyWh += this.stream.energy.activeEnergyWh;
    this.calibrator = new SampleCalibrator(this.options.calibration, this.options.sampleRateHz, this.options.nominalFrequencyHz);
    this.stream = new MeasurementStream({ sampleRateHz: this.options.sampleRateHz, nominalFrequencyHz: this.options.nominalFrequencyHz });
  }

  /** Interleaved raw counts from a sample block. */
  pushRaw(interleaved: Int16Array, receivedAtMs: number): void {
    this.samplesAccepted += interleaved.length >> 1;
    const { voltageV, currentA } = this.calibrator.push(interleaved);
    this.accept(voltageV, currentA, receivedAtMs);
  }

  /** Values already in volts and amperes (text mode). */
  pushPhysical(voltageV: ArrayLike<number>, currentA: ArrayLike<number>, receivedAtMs: number): void {
    this.accept(voltageV, currentA, receivedAtMs);
  }

  /**
   * Samples lost on the link: inside a batch they become NaN (the scope breaks its trace there, and
   * firstSampleIndex + k stays the index of sample k); the filters restart on the far side of the gap.
   */
  markGap(samples: number): void {
    if (samples <= 0) return;
    this.lostSamples += samples;
    this.nextSampleIndex += samples;
    const cap = Math.ceil(MAX_PENDING_SECONDS * this.options.sampleRateHz);
    if (this.voltage.length === 0 || this.voltage.length + samples > cap) {
      this.voltage = [];
      this.current = [];
      this.batchFirstIndex = this.nextSampleIndex;
    } else {
      for (let k = 0; k < samples; k++) {
        this.voltage.push(Number.NaN);
        this.current.push(Number.NaN);
      }
    }
    this.restartFilters();
  }

  private accept(voltageV: ArrayLike<number>, currentA: ArrayLike<number>, receivedAtMs: number): void {
    this.lastReceivedAtMs = receivedAtMs;
    if (this.voltage.length === 0) this.batchFirstIndex = this.nextSampleIndex;
    for (let k = 0; k < voltageV.length; k++) {
      this.voltage.push(voltageV[k]);
      this.current.push(currentA[k]);
    }
    this.nextSampleIndex += voltageV.length;
    const cap = Math.ceil(MAX_PENDING_SECONDS * this.options.sampleRateHz);
    if (this.voltage.length > cap) {
      const drop = this.voltage.length - cap;
      this.voltage.splice(0, drop);
      this.current.splice(0, drop);
      this.batchFirstIndex += drop;
    }
    for (const m of this.stream.push(voltageV, currentA)) {
      this.windowsSinceTake.push(m);
      this.measurements.push(toWindow(m, this.nextSampleIndex));
    }
  }

  addBoardMetrics(m: BoardMetrics): void {
    this.boardMetrics.push(m);
  }

  addTemperature(t: TemperatureReading): void {
    this.temperatures.push(t);
  }

  get activeEnergyWh(): number {
    return this.energyWh + this.stream.energy.activeEnergyWh;
  }

  /** Measurement windows since the last call (full PowerMetrics, for summaries). */
  takeWindows(): PowerMetrics[] {
    const out = this.windowsSinceTake;
    this.windowsSinceTake = [];
    return out;
  }

  /** What arrived since the last batch, or null when nothing did. */
  takeBatch(stats: LinkStats): DeviceBatch | null {
    if (this.voltage.length === 0 && this.measurements.length === 0 && this.boardMetrics.length === 0 && this.temperatures.length === 0 && this.lostSamples === 0) return null;
    const batch: DeviceBatch = {
      firstSampleIndex: this.batchFirstIndex,
      sampleRateHz: this.options.sampleRateHz,
      voltageV: this.voltage,
      currentA: this.current,
      lostSamples: this.lostSamples,
      measurements: this.measurements,
      boardMetrics: this.boardMetrics,
      temperatures: this.temperatures,
      activeEnergyWh: this.activeEnergyWh,
      stats: { ...stats },
      receivedAtMs: this.lastReceivedAtMs,
    };
    this.voltage = [];
    this.current = [];
    this.measurements = [];
    this.boardMetrics = [];
    this.temperatures = [];
    this.lostSamples = 0;
    this.batchFirstIndex = this.nextSampleIndex;
    return batch;
  }
}

export function toWindow(m: PowerMetrics, endSampleIndex: number): MeasurementWindow {
  return {
    endSampleIndex,
    durationS: m.durationS,
    vrmsV: m.vrmsV,
    irmsA: m.irmsA,
    activePowerW: m.activePowerW,
    apparentPowerVA: m.apparentPowerVA,
    reactivePowerVar: m.reactivePowerVar,
    powerFactor: m.powerFactor,
    frequencyHz: m.frequencyHz,
    voltageThd: m.voltageThd,
    currentThd: m.currentThd,
    voltageHarmonicsV: m.voltageHarmonicsV,
    currentHarmonicsA: m.currentHarmonicsA,
  };
}
