// Metrics against analytic waveforms. Tolerances: with a whole number of periods sampled exactly, the
// sums are exact up to floating-point rounding (relative 1e-9); with an incommensurate sampling rate the
// span is within a sample of whole periods, which bounds the error by about 1/(2·samples) (stated per test).
import { describe, expect, it } from 'vitest';
import { computePeriodMetrics, computeWindowMetrics, wholePeriodSpan } from '../../../shared/signal/power-metrics';

const TAU = 2 * Math.PI;

function wave(count: number, sampleRateHz: number, parts: { amplitude: number; order: number; phaseRad: number }[], f = 50): Float64Array {
  const x = new Float64Array(count);
  for (let n = 0; n < count; n++) for (const p of parts) x[n] += p.amplitude * Math.sin(p.order * TAU * f * (n / sampleRateHz) + p.phaseRad);
  return x;
}

describe('computeWindowMetrics on analytic waveforms', () => {
  const fs = 6400; // 128 samples per 50 Hz period
  const periods = 10;
  const n = periods * 128;

  it('pure sine: Vrms = A/√2, P = V·I for an in-phase current, THD = 0, f = 50 Hz (1e-9)', () => {
    const v = wave(n, fs, [{ amplitude: 325, order: 1, phaseRad: 0.3 }]);
    const i = wave(n, fs, [{ amplitude: 14.142, order: 1, phaseRad: 0.3 }]);
    const m = computeWindowMetrics(v, i, fs);
    expect(m.vrmsV).toBeCloseTo(325 / Math.SQRT2, 9);
    expect(m.irmsA).toBeCloseTo(14.142 / Math.SQRT2, 9);
    expect(m.activePowerW).toBeCloseTo((325 * 14.142) / 2, 7);
    expect(m.powerFactor).toBeCloseTo(1, 9);
    expect(m.reactivePowerVar).toBeCloseTo(0, 7);
    expect(m.voltageThd).toBeLessThan(1e-9);
    expect(m.frequencyHz).toBeCloseTo(50, 6);
    expect(m.voltageHarmonicsV[1]).toBeCloseTo(325 / Math.SQRT2, 8);
  });

  it('removes a DC offset before the RMS', () => {
    const v = wave(n, fs, [{ amplitude: 100, order: 1, phaseRad: 0 }]).map((x) => x + 37);
    const m = computeWindowMetrics(v, v, fs);
    expect(m.vrmsV).toBeCloseTo(100 / Math.SQRT2, 9);
    expect(m.voltageHarmonicsV[0]).toBeCloseTo(37, 9);
  });

  it('sine with 3rd and 5th harmonics: THD = sqrt(0.1² + 0.05²), Vrms = V1·sqrt(1 + 0.1² + 0.05²) (1e-9)', () => {
    const v = wave(n, fs, [
      { amplitude: 325, order: 1, phaseRad: 0 },
      { amplitude: 32.5, order: 3, phaseRad: 1 },
      { amplitude: 16.25, order: 5, phaseRad: -2 },
    ]);
    const m = computeWindowMetrics(v, v, fs);
    expect(m.voltageThd).toBeCloseTo(Math.hypot(0.1, 0.05), 9);
    expect(m.vrmsV).toBeCloseTo((325 / Math.SQRT2) * Math.sqrt(1 + 0.01 + 0.0025), 8);
    expect(m.voltageHarmonicsV[3]).toBeCloseTo(32.5 / Math.SQRT2, 8);
    expect(m.voltageHarmonicsV[5]).toBeCloseTo(16.25 / Math.SQRT2, 8);
    expect(m.voltageHarmonicsV[2]).toBeLessThan(1e-8);
    expect(m.voltageHarmonicsV[15]).toBeLessThan(1e-8);
  });

  it.each([30, 60, -45, 89])('current lagging by %d°: P = VI cos φ, Q = VI sin φ, N = |Q| (1e-9 relative)', (phiDeg) => {
    const phi = (phiDeg * Math.PI) / 180;
    const v = wave(n, fs, [{ amplitude: 325, order: 1, phaseRad: 0 }]);
    const i = wave(n, fs, [{ amplitude: 20, order: 1, phaseRad: -phi }]);
    const m = computeWindowMetrics(v, i, fs);
    const vi = (325 / Math.SQRT2) * (20 / Math.SQRT2);
    expect(m.activePowerW / vi).toBeCloseTo(Math.cos(phi), 9);
    expect(m.reactivePowerVar / vi).toBeCloseTo(Math.sin(phi), 9);
    expect(m.nonActivePowerVar / vi).toBeCloseTo(Math.abs(Math.sin(phi)), 8);
    expect(m.apparentPowerVA).toBeCloseTo(vi, 8);
    expect(m.powerFactor).toBeCloseTo(Math.cos(phi), 9);
    expect(m.displacementPowerFactor).toBeCloseTo(Math.cos(phi), 9);
  });

  it('distorted current on a clean voltage: harmonics carry no active power, N > |Q1|', () => {
    const v = wave(n, fs, [{ amplitude: 325, order: 1, phaseRad: 0 }]);
    const i = wave(n, fs, [
      { amplitude: 10, order: 1, phaseRad: 0 },
      { amplitude: 8, order: 3, phaseRad: Math.PI },
    ]);
    const m = computeWindowMetrics(v, i, fs);
    expect(m.activePowerW).toBeCloseTo((325 * 10) / 2, 7);
    expect(m.currentThd).toBeCloseTo(0.8, 9);
    expect(m.powerFactor).toBeCloseTo(1 / Math.sqrt(1 + 0.64), 9);
    expect(m.reactivePowerVar).toBeCloseTo(0, 7);
    expect(m.nonActivePowerVar).toBeGreaterThan(1000);
  });
});

describe('whole periods and frequency', () => {
  it('finds the frequency of 49.87 Hz sampled at 6400 Hz within 1e-4 Hz by interpolated crossings', () => {
    const v = wave(6400, 6400, [{ amplitude: 325, order: 1, phaseRad: 1 }], 49.87);
    const span = wholePeriodSpan(v, 6400, { periods: 10 });
    expect(span?.periods).toBe(10);
    expect(Math.abs((span?.frequencyHz ?? 0) - 49.87)).toBeLessThan(1e-4);
  });

  it('an incommensurate span keeps Vrms within 1/(2·samples) = 0.04 % of the truth', () => {
    const v = wave(6400, 6400, [{ amplitude: 325, order: 1, phaseRad: 1 }], 49.87);
    const span = wholePeriodSpan(v, 6400, { periods: 10 });
    if (!span) throw new Error('no span');
    const m = computeWindowMetrics(v, v, 6400, { start: span.start, end: span.end, frequencyHz: span.frequencyHz });
    expect(Math.abs(m.vrmsV / (325 / Math.SQRT2) - 1)).toBeLessThan(1 / (2 * 1283));
    expect(m.voltageThd).toBeLessThan(1e-3);
  });

  it('cuts per-period metrics at each rising crossing', () => {
    const fs = 3840; // 64 samples per 60 Hz period
    const v = wave(64 * 6 + 10, fs, [{ amplitude: 170, order: 1, phaseRad: 2 }], 60);
    const periods = computePeriodMetrics(v, v, fs);
    expect(periods.length).toBe(5);
    for (const p of periods) {
      expect(p.durationS * fs).toBeCloseTo(64, 9);
      expect(p.vrmsV).toBeCloseTo(170 / Math.SQRT2, 6);
      expect(p.frequencyHz).toBeCloseTo(60, 6);
    }
  });

  it('has no frequency without crossings (DC only), and does not throw on empty input', () => {
    const dc = new Float64Array(1000).fill(3);
    expect(Number.isNaN(computeWindowMetrics(dc, dc, 6400).frequencyHz)).toBe(true);
    expect(wholePeriodSpan(dc, 6400)).toBeNull();
    expect(computeWindowMetrics([], [], 6400).sampleCount).toBe(0);
  });
});
