import { describe, expect, it } from 'vitest';
import { defaultBoardModel, idealCalibration, NO_ADC_ERRORS, nominalCalibration, sampleBoard } from '../../../shared/signal/adc-model';
import { countsToPhysical } from '../../../shared/signal/calibration';
import { gaussianAt } from '../../../shared/signal/noise';
import { computeWindowMetrics } from '../../../shared/signal/power-metrics';
import type { WaveformScenario } from '../../../shared/signal/waveform';
import { MAINS_PRESETS, scenarioTruth, synthesize } from '../../../shared/signal/waveform';

const fs = 6400;
const tenPeriods = 1280;

function measure(s: WaveformScenario, rate = fs, count = tenPeriods, first = 0) {
  const w = synthesize(s, rate, first, count);
  return computeWindowMetrics(w.voltageV, w.currentA, rate);
}

describe('waveform synthesiser', () => {
  it('resistive load on 230 V/50 Hz: 2300 W is 10 A in phase', () => {
    const s: WaveformScenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'resistive', powerW: 2300 } };
    const truth = scenarioTruth(s);
    expect(truth).toMatchObject({ vrmsV: 230, frequencyHz: 50, powerFactor: 1 });
    expect(truth.irmsA).toBeCloseTo(10, 12);
    const m = measure(s);
    expect(m.irmsA).toBeCloseTo(10, 9);
    expect(m.activePowerW).toBeCloseTo(2300, 6);
  });

  it('inductive load at PF 0.5 on 120 V/60 Hz: Q = S·sin 60°, current lagging (Q > 0)', () => {
    const s: WaveformScenario = { mains: MAINS_PRESETS['120V-60Hz'], load: { kind: 'inductive', apparentPowerVA: 1200, powerFactor: 0.5 } };
    const truth = scenarioTruth(s);
    expect(truth.activePowerW).toBeCloseTo(600, 9);
    expect(truth.reactivePowerVar).toBeCloseTo(1200 * Math.sin(Math.PI / 3), 9);
    const m = measure(s, 7680, 1280);
    expect(m.powerFactor).toBeCloseTo(0.5, 9);
    expect(m.reactivePowerVar).toBeCloseTo(truth.reactivePowerVar, 6);
  });

  it('an R–L load on distorted mains sees h·X at the harmonics: the truth matches the measurement', () => {
    const s: WaveformScenario = {
      mains: { vrmsV: 230, frequencyHz: 50, voltageHarmonics: [{ order: 5, ratio: 0.04, phaseDeg: 30 }] },
      load: { kind: 'inductive', apparentPowerVA: 2000, powerFactor: 0.8 },
    };
    const truth = scenarioTruth(s);
    const m = measure(s);
    expect(m.voltageThd).toBeCloseTo(0.04, 9);
    expect(m.currentThd).toBeCloseTo(truth.currentThd, 9);
    expect(m.currentThd).toBeLessThan(0.04); // the inductance filters the current
    expect(m.activePowerW).toBeCloseTo(truth.activePowerW, 6);
    expect(m.irmsA).toBeCloseTo(truth.irmsA, 9);
  });

  it('LED driver: current THD ≈ 102 %, P as asked, measured = truth', () => {
    const s: WaveformScenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'nonlinear', powerW: 60 } };
    const truth = scenarioTruth(s);
    expect(truth.activePowerW).toBeCloseTo(60, 9);
    expect(truth.currentThd).toBeCloseTo(Math.sqrt(0.64 + 0.3025 + 0.09 + 0.0144 + 0.0025 + 0.0009 + 0.0004), 9);
    expect(truth.reactivePowerVar).toBeLessThan(0); // leading displacement (capacitive input)
    const m = measure(s);
    expect(m.currentThd).toBeCloseTo(truth.currentThd, 9);
    expect(m.powerFactor).toBeCloseTo(truth.powerFactor, 9);
    // The current peaks at the voltage crest (sample 32 of 128), earlier by the 10° leading displacement.
    const w = synthesize(s, fs, 0, 128);
    const peakAt = w.currentA.indexOf(Math.max(...w.currentA));
    expect(Math.abs(peakAt - (32 - (10 / 360) * 128))).toBeLessThanOrEqual(1);
  });

  it('motor start: an inrush several times the running current that settles to the running truth', () => {
    const s: WaveformScenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'motor', ratedPowerW: 1500, cycleS: 10, onS: 7 } };
    const truth = scenarioTruth(s);
    const first = measure(s, fs, tenPeriods, 0);
    const settled = measure(s, fs, tenPeriods, 5 * fs);
    const off = measure(s, fs, tenPeriods, 8 * fs);
    expect(first.irmsA / truth.irmsA).toBeGreaterThan(3);
    expect(first.powerFactor).toBeLessThan(0.5);
    expect(settled.irmsA / truth.irmsA - 1).toBeLessThan(1e-6);
    expect(settled.powerFactor).toBeCloseTo(0.8, 6);
    expect(off.irmsA).toBe(0);
  });

  it('is a pure function of the sample index: blocks join into the same waveform', () => {
    const s: WaveformScenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'nonlinear', powerW: 100 } };
    const whole = synthesize(s, fs, 1000, 300);
    const a = synthesize(s, fs, 1000, 100);
    const b = synthesize(s, fs, 1100, 200);
    expect(Array.from(whole.currentA)).toEqual([...a.currentA, ...b.currentA]);
    const model = defaultBoardModel();
    expect(Array.from(sampleBoard(s, model, fs, 1000, 300))).toEqual([...sampleBoard(s, model, fs, 1000, 100), ...sampleBoard(s, model, fs, 1100, 200)]);
  });

  it('noise is standard normal: mean ≈ 0, variance ≈ 1 over 100,000 draws (±0.02)', () => {
    let sum = 0;
    let sum2 = 0;
    const n = 100_000;
    for (let k = 0; k < n; k++) {
      const g = gaussianAt(7, 0, k);
      sum += g;
      sum2 += g * g;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sum2 / n - 1)).toBeLessThan(0.02);
    expect(gaussianAt(7, 0, 5)).not.toBe(gaussianAt(7, 1, 5));
  });
});

describe('ADC model', () => {
  const s: WaveformScenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'resistive', powerW: 2300 } };

  it('without errors or noise, the nominal calibration reads the truth to within quantisation (0.1 %)', () => {
    const model = defaultBoardModel({ errors: NO_ADC_ERRORS, noiseRmsCounts: 0 });
    const { voltageV, currentA } = countsToPhysical(sampleBoard(s, model, fs, 0, tenPeriods), nominalCalibration(model));
    const m = computeWindowMetrics(voltageV, currentA, fs);
    expect(Math.abs(m.vrmsV / 230 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(m.irmsA / 10 - 1)).toBeLessThan(5e-3); // 10 A is ±47 counts: quantisation shows
  });

  it('the deliberate gain errors show with the nominal calibration and vanish with the ideal one', () => {
    const model = defaultBoardModel({ noiseRmsCounts: 0 });
    const raw = sampleBoard(s, model, fs, 0, tenPeriods);
    const read = (c: ReturnType<typeof nominalCalibration>) => {
      const { voltageV, currentA } = countsToPhysical(raw, c);
      return computeWindowMetrics(voltageV, currentA, fs);
    };
    const nominal = read(nominalCalibration(model));
    expect(nominal.vrmsV / 230).toBeCloseTo(model.errors.voltageGainRatio, 3);
    expect(nominal.irmsA / 10).toBeCloseTo(model.errors.currentGainRatio, 2);
    const ideal = read(idealCalibration(model));
    expect(Math.abs(ideal.vrmsV / 230 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(ideal.irmsA / 10 - 1)).toBeLessThan(5e-3);
  });

  it('clips at the ADC rails', () => {
    const model = defaultBoardModel({ noiseRmsCounts: 0, errors: NO_ADC_ERRORS });
    const raw = sampleBoard({ mains: { vrmsV: 400, frequencyHz: 50 }, load: { kind: 'none' } }, model, fs, 0, 128);
    expect(Math.max(...raw)).toBe(1023);
    expect(Math.min(...raw.filter((_, k) => k % 2 === 0))).toBe(0);
  });
});
