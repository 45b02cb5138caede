import { describe, expect, it } from 'vitest';
import { calibrationProblem, countsToPhysical, phaseCorrectionSamples, relativeErrorPercent } from '../../../shared/signal/calibration';
import { calibrateCounts, fractionalDelay, lagrangeWeights, SampleCalibrator } from '../../../shared/signal/fractional-delay';

const good = { voltageGainVPerCount: 0.8, voltageOffsetCounts: 512, currentGainAPerCount: 0.3, currentOffsetCounts: 511, phaseCorrectionDeg: 2 };

describe('calibration coefficients', () => {
  it('converts counts with gain × (counts − offset)', () => {
    const { voltageV, currentA } = countsToPhysical(Int16Array.of(612, 411, 512, 511), good);
    expect(Array.from(voltageV)).toEqual([80, 0]);
    expect(currentA[0]).toBeCloseTo(-30, 12);
    expect(currentA[1]).toBe(0);
  });

  it('turns degrees into samples: 2° at 128 samples per period is 0.7111 samples', () => {
    expect(phaseCorrectionSamples(good, 6400, 50)).toBeCloseTo((2 / 360) * 128, 12);
  });

  it.each([
    [{ voltageGainVPerCount: 0 }, /voltage gain/],
    [{ currentGainAPerCount: Number.NaN }, /current gain/],
    [{ voltageOffsetCounts: 40000 }, /voltage offset/],
    [{ currentOffsetCounts: Number.POSITIVE_INFINITY }, /current offset/],
    [{ phaseCorrectionDeg: 25 }, /phase correction/],
  ])('refuses %j', (patch, message) => {
    expect(calibrationProblem({ ...good, ...patch })).toMatch(message);
  });

  it('accepts sensible coefficients, including a negative gain (a clamp put on backwards)', () => {
    expect(calibrationProblem(good)).toBeNull();
    expect(calibrationProblem({ ...good, currentGainAPerCount: -0.3 })).toBeNull();
  });

  it('relative error is (measured − reference)/reference in percent', () => {
    expect(relativeErrorPercent(231.15, 230)).toBeCloseTo(0.5, 10);
  });
});

describe('fractional delay', () => {
  it('Lagrange weights sum to one and hit the sample points exactly', () => {
    for (const a of [0, 0.25, 0.5, 0.9]) expect(lagrangeWeights(a).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(lagrangeWeights(0).map((w) => w + 0)).toEqual([0, 1, 0, 0]);
  });

  it.each([0.5, 2.37, -1.6, 5])('delays a 64-sample-per-period sine by %d samples within 2e-5 of its amplitude', (d) => {
    const spp = 64;
    const x = Float64Array.from({ length: 640 }, (_, n) => Math.sin((2 * Math.PI * n) / spp));
    const y = fractionalDelay(x, d);
    let worst = 0;
    for (let n = 10; n < 630; n++) worst = Math.max(worst, Math.abs(y[n] - Math.sin((2 * Math.PI * (n - d)) / spp)));
    expect(worst).toBeLessThan(2e-5);
  });

  it('the streaming calibrator equals the whole-array conversion, whatever the block sizes', () => {
    const cal = { ...good, phaseCorrectionDeg: -3.3 };
    const raw = Int16Array.from({ length: 2 * 1000 }, (_, k) => Math.round(512 + 400 * Math.sin((2 * Math.PI * (k >> 1)) / 128 + (k & 1))));
    const whole = countsToPhysical(raw, cal);
    const expectedI = fractionalDelay(whole.currentA, phaseCorrectionSamples(cal, 6400, 50));
    const stream = new SampleCalibrator(cal, 6400, 50);
    const v: number[] = [];
    const i: number[] = [];
    let at = 0;
    for (const size of [1, 7, 32, 100, 3, 500, 1000]) {
      const out = stream.push(raw.subarray(2 * at, 2 * Math.min(1000, at + size)));
      v.push(...out.voltageV);
      i.push(...out.currentA);
      at = Math.min(1000, at + size);
    }
    expect(at).toBe(1000);
    const first = stream.firstOutputSample;
    expect(v.length).toBe(1000 - first - stream.latencySamples);
    for (let k = 0; k < v.length; k++) {
      expect(v[k]).toBe(whole.voltageV[first + k]);
      expect(i[k]).toBeCloseTo(expectedI[first + k], 9);
    }
  });
});

describe('calibrateCounts', () => {
  it('undoes a 3° current lead: the corrected current is in phase with the voltage (within 0.01°)', () => {
    const spp = 128;
    const lead = (3 / 360) * spp;
    const raw = new Float64Array(2 * 10 * spp);
    for (let n = 0; n < 10 * spp; n++) {
      raw[2 * n] = 512 + 400 * Math.sin((2 * Math.PI * n) / spp);
      raw[2 * n + 1] = 512 + 300 * Math.sin((2 * Math.PI * (n + lead)) / spp);
    }
    // Kept unrounded so that quantisation does not blur the 0.01° check.
    const { voltageV, currentA } = calibrateCounts(raw, { ...good, voltageOffsetCounts: 512, currentOffsetCounts: 512, phaseCorrectionDeg: 3 }, 6400, 50);
    let sumVI = 0;
    let sumV2 = 0;
    let sumI2 = 0;
    for (let n = 2 * spp; n < 8 * spp; n++) {
      sumVI += voltageV[n] * currentA[n];
      sumV2 += voltageV[n] ** 2;
      sumI2 += currentA[n] ** 2;
    }
    const angleDeg = (Math.acos(Math.min(1, sumVI / Math.sqrt(sumV2 * sumI2))) * 180) / Math.PI;
    expect(angleDeg).toBeLessThan(0.01);
  });
});
