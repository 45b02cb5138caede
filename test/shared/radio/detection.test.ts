import { describe, expect, it } from 'vitest';
import { cellCoverage, detectionProbability, jointDetectionProbability } from '../../../shared/radio/detection';

describe('detection models at their boundaries', () => {
  it('binary disk: certain up to and including R_d (the thesis tests d ≤ R_d), nothing beyond', () => {
    const disk = { kind: 'disk', radiusM: 1.5 } as const;
    expect(detectionProbability(disk, 0)).toBe(1);
    expect(detectionProbability(disk, 1.5)).toBe(1);
    expect(detectionProbability(disk, Math.hypot(0.9, 1.2))).toBe(1); // 1.5 up to rounding
    expect(detectionProbability(disk, 1.5001)).toBe(0);
  });

  it('exponential: 1 within R_min, exp(−α(d − R_min)) between, 0 from R_max on', () => {
    const m = { kind: 'exponential', rMinM: 3, rMaxM: 7, alphaPerM: 0.4 } as const;
    expect(detectionProbability(m, 3)).toBe(1);
    expect(detectionProbability(m, 3.000001)).toBeCloseTo(1, 5); // continuous at R_min
    expect(detectionProbability(m, 5)).toBeCloseTo(Math.exp(-0.8), 12); // 0.4493
    expect(detectionProbability(m, 6.999)).toBeCloseTo(Math.exp(-0.4 * 3.999), 9);
    expect(detectionProbability(m, 7)).toBe(0);
    expect(detectionProbability(m, 9)).toBe(0);
  });

  it('polynomial: 1 within R_min, (R_min/d)^k between, 0 from R_max on', () => {
    const m = { kind: 'polynomial', rMinM: 2, rMaxM: 5, exponentK: 2 } as const;
    expect(detectionProbability(m, 2)).toBe(1);
    expect(detectionProbability(m, 4)).toBeCloseTo(0.25, 12);
    expect(detectionProbability(m, 4.999)).toBeCloseTo((2 / 4.999) ** 2, 12);
    expect(detectionProbability(m, 5)).toBe(0);
  });

  it('combines independent sensors and applies the threshold and k', () => {
    expect(jointDetectionProbability([0.5, 0.5])).toBe(0.75);
    expect(jointDetectionProbability([])).toBe(0);
    expect(cellCoverage([0.5, 0.5], 0.7)).toEqual({ covered: true, degree: 0 });
    expect(cellCoverage([0.5, 0.5], 0.8)).toEqual({ covered: false, degree: 0 });
    expect(cellCoverage([1, 0.9, 0.2], 0.9)).toEqual({ covered: true, degree: 2 });
  });
});
