// The host's chain on a simulated board: counts → SampleCalibrator → MeasurementStream.
import { describe, expect, it } from 'vitest';
import type { CalibrationCoefficients } from '../../../shared/protocol/frames';
import { defaultBoardModel, idealCalibration, nominalCalibration, sampleBoard } from '../../../shared/signal/adc-model';
import type { AdcBoardModel } from '../../../shared/signal/adc-model';
import { SampleCalibrator } from '../../../shared/signal/fractional-delay';
import { MeasurementStream } from '../../../shared/signal/measurement-stream';
import { MetricsAccumulator } from '../../../shared/signal/measurement-summary';
import type { PowerMetrics } from '../../../shared/signal/power-metrics';
import type { WaveformScenario } from '../../../shared/signal/waveform';
import { MAINS_PRESETS, scenarioTruth } from '../../../shared/signal/waveform';

function run(scenario: WaveformScenario, model: AdcBoardModel, cal: CalibrationCoefficients, seconds: number, fs = 6400, block = 32) {
  const calibrator = new SampleCalibrator(cal, fs, scenario.mains.frequencyHz);
  const stream = new MeasurementStream({ sampleRateHz: fs, nominalFrequencyHz: scenario.mains.frequencyHz });
  const windows: PowerMetrics[] = [];
  let fed = 0;
  for (let n = 0; n < seconds * fs; n += block) {
    const out = calibrator.push(sampleBoard(scenario, model, fs, n, block));
    fed += out.voltageV.length;
    windows.push(...stream.push(out.voltageV, out.currentA));
  }
  return { windows, stream, fed };
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('MeasurementStream', () => {
  const inductive: WaveformScenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'inductive', apparentPowerVA: 2300, powerFactor: 0.5 } };

  it('emits back-to-back 10-period windows at 50 Hz (12 at 60 Hz), each 200 ms long to within 0.1 sample (crossing jitter from noise)', () => {
    const model = defaultBoardModel();
    const { windows, fed } = run(inductive, model, idealCalibration(model), 2);
    expect(windows.length).toBe(9); // 100 periods, the first from the first crossing, the last incomplete
    for (const w of windows) expect(Math.abs(w.durationS * 6400 - 1280)).toBeLessThan(0.1);
    // Back to back: what is not in a window is the part before the first crossing and after the last.
    expect(fed / 6400 - windows.reduce((s, w) => s + w.durationS, 0)).toBeLessThan(0.4);
    const sixty = run({ ...inductive, mains: MAINS_PRESETS['120V-60Hz'] }, model, idealCalibration(model), 1, 7680);
    expect(Math.abs(sixty.windows[0].durationS * 7680 - 1536)).toBeLessThan(0.1);
  });

  it('10 A at PF 0.5, ideal calibration, 1 count of noise: per window V, I within 0.3 %, P, Q within 0.5 %, f within 0.01 Hz', () => {
    // 10 A is only ±47 counts on the 100 A range: quantisation and noise dominate, and P at PF 0.5 is
    // sensitive to them (tan 60° = 1.7 times the phase jitter).
    const model = defaultBoardModel({ noiseRmsCounts: 1 });
    const truth = scenarioTruth(inductive);
    const { windows } = run(inductive, model, idealCalibration(model), 1);
    expect(windows.length).toBe(4);
    for (const w of windows) {
      expect(rel(w.vrmsV, truth.vrmsV)).toBeLessThan(0.003);
      expect(rel(w.irmsA, truth.irmsA)).toBeLessThan(0.003);
      expect(rel(w.activePowerW, truth.activePowerW)).toBeLessThan(0.005);
      expect(rel(w.reactivePowerVar, truth.reactivePowerVar)).toBeLessThan(0.005);
      expect(Math.abs(w.frequencyHz - 50)).toBeLessThan(0.01);
    }
  });

  it('at PF 0.5 the 2.5° phase error costs about 7.5 % of P uncorrected, and under 0.1 % corrected', () => {
    // 100 A (near full scale) so that quantisation stays well below the 0.1 % being checked.
    const model = defaultBoardModel({ noiseRmsCounts: 0 });
    const big: WaveformScenario = { ...inductive, load: { kind: 'inductive', apparentPowerVA: 23000, powerFactor: 0.5 } };
    const truth = scenarioTruth(big);
    const ideal = idealCalibration(model);
    const uncorrected = run(big, model, { ...ideal, phaseCorrectionDeg: 0 }, 0.5).windows[0];
    const corrected = run(big, model, ideal, 0.5).windows[0];
    // Current leads by 2.5°: the angle shrinks from 60° to 57.5°; cos 57.5°/cos 60° − 1 = 7.45 %.
    expect(uncorrected.activePowerW / truth.activePowerW - 1).toBeCloseTo(Math.cos((57.5 * Math.PI) / 180) / 0.5 - 1, 2);
    expect(rel(corrected.activePowerW, truth.activePowerW)).toBeLessThan(0.001);
  });

  it('with the nominal calibration, the deliberate gain errors show in the readings', () => {
    const model = defaultBoardModel({ noiseRmsCounts: 0 });
    const w = run(inductive, model, nominalCalibration(model), 0.5).windows[0];
    expect(w.vrmsV / 230).toBeCloseTo(model.errors.voltageGainRatio, 3);
  });

  it('accumulates energy: 2300 VA at PF 0.5 over 1.8 s of windows is 1150 W × 1.8 s (within 0.5 %)', () => {
    const model = defaultBoardModel({ noiseRmsCounts: 0 });
    const { stream } = run(inductive, model, idealCalibration(model), 2);
    expect(stream.energy.durationS).toBeCloseTo(1.8, 6);
    expect(rel(stream.energy.activeEnergyWh, (1150 * 1.8) / 3600)).toBeLessThan(0.005);
    expect(rel(stream.energy.apparentEnergyVAh, (2300 * 1.8) / 3600)).toBeLessThan(0.005);
  });

  it('falls back to nominal-length windows without voltage, and reports no frequency', () => {
    const model = defaultBoardModel({ noiseRmsCounts: 0 });
    const dead: WaveformScenario = { mains: { vrmsV: 0, frequencyHz: 50 }, load: { kind: 'none' } };
    const { windows } = run(dead, model, idealCalibration(model), 1);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    for (const w of windows) {
      expect(w.sampleCount).toBe(1280);
      expect(Number.isNaN(w.frequencyHz)).toBe(true);
      expect(w.vrmsV).toBeLessThan(1);
    }
  });

  it('summarises windows: RMS as root-mean-square, P as the mean, PF recomputed', () => {
    const acc = new MetricsAccumulator();
    const base = { durationS: 0.2, reactivePowerVar: 0, frequencyHz: 50, voltageThd: 0.01, currentThd: 0.1 };
    acc.add({ ...base, vrmsV: 230, irmsA: 10, activePowerW: 2300 });
    acc.add({ ...base, vrmsV: 230, irmsA: 0, activePowerW: 0 });
    const s = acc.summary();
    expect(s.irmsA).toBeCloseTo(Math.sqrt(50), 12);
    expect(s.activePowerW).toBe(1150);
    expect(s.powerFactor).toBeCloseTo(1150 / (230 * Math.sqrt(50)), 12);
    expect(s.durationS).toBeCloseTo(0.4, 12);
    expect(s.irmsRangeA).toEqual([0, 10]);
  });
});
