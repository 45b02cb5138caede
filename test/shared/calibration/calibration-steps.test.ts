import { describe, expect, it } from 'vitest';
import type { FitSteps } from '../../../shared/calibration/calibration-steps';
import { assembleCoefficients, checkNoLoad, currentStep, missingSteps, phaseStep, predictedActivePowerW, unityCheck, voltageStep, zeroStep } from '../../../shared/calibration/calibration-steps';
import type { RawBoardReading } from '../../../shared/calibration/raw-readings';
import { combineRawReadings, countsFromPhysical, rawReadingFromCounts } from '../../../shared/calibration/raw-readings';
import type { ReferenceReading } from '../../../shared/calibration/reference-reading';
import { IDENTITY_CALIBRATION } from '../../../shared/signal/calibration';
import { SampleCalibrator } from '../../../shared/signal/fractional-delay';
import { computeWindowMetrics, wholePeriodSpan } from '../../../shared/signal/power-metrics';
import type { LoadSpec, WaveformScenario } from '../../../shared/signal/waveform';
import { scenarioTruth } from '../../../shared/signal/waveform';
import { boardCounts, TEST_ERRORS } from './synthetic-board';

const mains = { vrmsV: 230, frequencyHz: 50 };
const scenario = (load: LoadSpec): WaveformScenario => ({ mains, load });
const SPP = 64;

function raw(load: LoadSpec, errors = TEST_ERRORS, spp = SPP): RawBoardReading {
  const { counts, sampleRateHz } = boardCounts(scenario(load), spp, 10, errors);
  const r = rawReadingFromCounts(counts, sampleRateHz, spp);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function reference(load: LoadSpec): ReferenceReading {
  const t = scenarioTruth(scenario(load));
  return { voltageV: t.vrmsV, currentA: t.irmsA, activePowerW: t.activePowerW, powerFactor: t.powerFactor, frequencyHz: t.frequencyHz, samples: 1, durationS: 0.2 };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('raw readings from counts', () => {
  it('finds whole periods, the offsets and RMS in counts', () => {
    const r = raw({ kind: 'resistive', powerW: 1150 });
    expect(r.periods).toBeGreaterThanOrEqual(10);
    expect(r.frequencyHz).toBeCloseTo(50, 1);
    expect(r.voltageMeanCounts).toBeCloseTo(TEST_ERRORS.voltageOffsetCounts, 0);
    // 230 V / 0.9 V per count = 255.6 counts RMS; 5 A / 0.05 A per count = 100 counts RMS.
    expect(r.vrmsCounts).toBeCloseTo(255.56, 0);
    expect(r.irmsCounts).toBeCloseTo(100, 0);
  });

  it('refuses counts with no mains on the voltage channel', () => {
    const flat = new Int16Array(2000).fill(512);
    const r = rawReadingFromCounts(flat, 3200, 64);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('no-mains');
  });

  it('combines readings as RMS and duration-weighted means', () => {
    const a = raw({ kind: 'resistive', powerW: 1150 });
    const both = combineRawReadings([a, { ...a, irmsCounts: 0, durationS: a.durationS }]);
    expect(both?.irmsCounts).toBeCloseTo(a.irmsCounts / Math.SQRT2, 9);
    expect(both?.durationS).toBeCloseTo(2 * a.durationS, 12);
    expect(combineRawReadings([])).toBeNull();
  });
});

describe('counts rebuilt from calibrated samples', () => {
  it('give the same fit as the ADC’s own counts, the correction in force included', () => {
    const inductive: LoadSpec = { kind: 'inductive', apparentPowerVA: 2300, powerFactor: 0.5 };
    const { counts, sampleRateHz } = boardCounts(scenario(inductive), SPP, 12, TEST_ERRORS);
    const direct = raw(inductive);
    // A host pipeline applied some earlier calibration, with 1.2° of phase correction.
    const earlier = { voltageGainVPerCount: 0.8, voltageOffsetCounts: 512, currentGainAPerCount: 0.04, currentOffsetCounts: 510, phaseCorrectionDeg: 1.2 };
    const out = new SampleCalibrator(earlier, sampleRateHz, 50).push(counts);
    const rebuilt = must(rawReadingFromCounts(countsFromPhysical(out.voltageV, out.currentA, earlier), sampleRateHz, SPP, 1.2));
    expect(rebuilt.appliedPhaseCorrectionDeg).toBe(1.2);
    expect(rebuilt.vrmsCounts / direct.vrmsCounts).toBeCloseTo(1, 3);
    expect(rebuilt.irmsCounts / direct.irmsCounts).toBeCloseTo(1, 3);
    expect(rebuilt.currentMeanCounts).toBeCloseTo(TEST_ERRORS.currentOffsetCounts, 0);
    const a = must(phaseStep(direct, reference(inductive), 1));
    const b = must(phaseStep(rebuilt, reference(inductive), 1));
    // The board angle differs by the 1.2° applied; the new correction is the same.
    expect(b.boardAngleDeg - a.boardAngleDeg).toBeCloseTo(1.2, 1);
    expect(Math.abs(b.phaseCorrectionDeg - a.phaseCorrectionDeg)).toBeLessThan(0.02);
  });
});

describe('the calibration procedure on a board with known errors', () => {
  const resistive: LoadSpec = { kind: 'resistive', powerW: 2300 }; // 10 A
  const resistiveLow: LoadSpec = { kind: 'resistive', powerW: 460 }; // 2 A
  const inductive: LoadSpec = { kind: 'inductive', apparentPowerVA: 2300, powerFactor: 0.5 };

  function calibrate(): { steps: FitSteps; coefficients: ReturnType<typeof assembleCoefficients> } {
    const steps: FitSteps = {};
    steps.zero = zeroStep(raw({ kind: 'none' }));
    steps.voltage = must(voltageStep([{ raw: raw(resistive), reference: reference(resistive) }]));
    const current = must(
      currentStep([
        { raw: raw(resistive), reference: reference(resistive) },
        { raw: raw(resistiveLow), reference: reference(resistiveLow) },
      ]),
    );
    steps.current = current.step;
    steps.currentSign = current.sign;
    steps.phase = must(phaseStep(raw(inductive), reference(inductive), current.sign));
    return { steps, coefficients: assembleCoefficients(steps, IDENTITY_CALIBRATION) };
  }

  it('recovers the offsets, gains and the 2.5° phase error', () => {
    const { steps, coefficients } = calibrate();
    const c = must(coefficients);
    expect(c.voltageOffsetCounts).toBeCloseTo(TEST_ERRORS.voltageOffsetCounts, 0);
    expect(c.currentOffsetCounts).toBeCloseTo(TEST_ERRORS.currentOffsetCounts, 0);
    expect(Math.abs(c.voltageGainVPerCount / TEST_ERRORS.voltageVPerCount - 1)).toBeLessThan(1e-3);
    expect(Math.abs(c.currentGainAPerCount / TEST_ERRORS.currentAPerCount - 1)).toBeLessThan(2e-3);
    expect(Math.abs(c.phaseCorrectionDeg - TEST_ERRORS.currentLeadDeg)).toBeLessThan(0.1);
    expect(steps.phase?.phaseErrorDeg).toBeCloseTo(-2.5, 1);
    // Before correction the phase error cost cos 57.5°/cos 60° − 1 = +7.5 % of power at PF 0.5.
    expect(steps.phase?.powerErrorBeforePercent).toBeGreaterThan(7);
    expect(steps.phase?.powerErrorBeforePercent).toBeLessThan(8.5);
    expect(missingSteps(steps)).toEqual([]);
  });

  it('the calibrated board measures P at PF 0.5 within 0.2 %, through the same sample path a host uses', () => {
    const c = must(calibrate().coefficients);
    const { counts, sampleRateHz } = boardCounts(scenario(inductive), SPP, 12, TEST_ERRORS, 5000);
    const cal = new SampleCalibrator(c, sampleRateHz, 50);
    const out = cal.push(counts);
    const span = wholePeriodSpan(out.voltageV, sampleRateHz);
    expect(span).not.toBeNull();
    if (!span) return;
    const m = computeWindowMetrics(out.voltageV, out.currentA, sampleRateHz, { start: span.start, end: span.end });
    const truth = scenarioTruth(scenario(inductive));
    expect(Math.abs(m.activePowerW / truth.activePowerW - 1)).toBeLessThan(2e-3);
    // And the prediction from raw P, Q agrees with that measurement.
    const predicted = predictedActivePowerW(raw(inductive), c);
    expect(Math.abs(predicted / truth.activePowerW - 1)).toBeLessThan(2e-3);
  });

  it('checks the result at unity power factor', () => {
    const c = must(calibrate().coefficients);
    const check = must(unityCheck(raw(resistive), reference(resistive), c));
    expect(check.referencePowerFactor).toBeCloseTo(1, 9);
    expect(Math.abs(check.errorPercent)).toBeLessThan(0.2);
  });

  it('gives the current gain a negative sign when the clamp is on backwards', () => {
    const reversed = { ...TEST_ERRORS, currentAPerCount: -TEST_ERRORS.currentAPerCount };
    const current = must(currentStep([{ raw: raw(resistive, reversed), reference: reference(resistive) }]));
    expect(current.sign).toBe(-1);
    const phase = must(phaseStep(raw(inductive, reversed), reference(inductive), current.sign));
    expect(phase.phaseCorrectionDeg).toBeCloseTo(2.5, 1);
    const steps: FitSteps = { voltage: must(voltageStep([{ raw: raw(resistive, reversed), reference: reference(resistive) }])), current: current.step, currentSign: -1, phase };
    const c = must(assembleCoefficients(steps, IDENTITY_CALIBRATION));
    expect(c.currentGainAPerCount).toBeCloseTo(-0.05, 3);
    expect(predictedActivePowerW(raw(resistive, reversed), c) / 2300).toBeCloseTo(1, 2);
  });
});

describe('bad input at each step', () => {
  const r = raw({ kind: 'resistive', powerW: 1150 });

  it('refuses a reference voltage or current of zero or less with a clear message', () => {
    const zero = voltageStep([{ raw: r, reference: { voltageV: 0, samples: 1, durationS: 0 } }]);
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.message).toMatch(/voltage is 0 V: a reading of zero or less cannot calibrate/);
    const negative = currentStep([{ raw: r, reference: { currentA: -5, samples: 1, durationS: 0 } }]);
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.message).toMatch(/current is -5 A/);
    const missing = voltageStep([{ raw: r, reference: { currentA: 5, samples: 1, durationS: 0 } }]);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.code).toBe('missing-reference');
  });

  it('names the point that is wrong when there are several', () => {
    const res = currentStep([
      { raw: r, reference: { currentA: 5, samples: 1, durationS: 0 } },
      { raw: r, reference: { currentA: 0, samples: 1, durationS: 0 } },
    ]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/^Point 2: /);
  });

  it('refuses the phase step at a resistive load, and the zero step with a load on', () => {
    const res = phaseStep(r, { activePowerW: 1150, powerFactor: 0.99, samples: 1, durationS: 0 }, 1);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.code).toBe('load-not-inductive');
    expect(phaseStep(r, { activePowerW: 1150, powerFactor: 0, samples: 1, durationS: 0 }, 1).ok).toBe(false);
    expect(checkNoLoad({ currentA: 4.8, samples: 1, durationS: 0 }, 0.05).ok).toBe(false);
    expect(checkNoLoad({ currentA: 0.01, samples: 1, durationS: 0 }, 0.05).ok).toBe(true);
  });

  it('refuses coefficients the board would reject, and requires the gains', () => {
    expect(assembleCoefficients({}, IDENTITY_CALIBRATION).ok).toBe(false);
    const out = assembleCoefficients({ voltage: { points: [], gain: 5000, residualsPercent: [], rmsResidualPercent: 0 }, current: { points: [], gain: 0.05, residualsPercent: [], rmsResidualPercent: 0 } }, IDENTITY_CALIBRATION);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.code).toBe('out-of-range');
  });
});
