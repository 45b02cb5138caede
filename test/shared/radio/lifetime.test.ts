import { describe, expect, it } from 'vitest';
import { HOURS_PER_YEAR, averageCurrentMa, lifetimeHours, lifetimeYears, worstLifetime } from '../../../shared/radio/lifetime';

// Seed 002 §2 ("Calcul durée de vie"): a 3000 mAh battery and duty-cycle profiles given as shares of time.
// The profiles are reproduced over a 1000 s period (99.7 % = 997 s, and so on).
describe('battery lifetime from a duty cycle (seed 002 §2)', () => {
  it('reproduces the 10-year budget: 3000 mAh over 10 × 365 × 24 h = 34 µA', () => {
    // A device that draws the budget all the time lives exactly 10 × 365 × 24 h.
    const avg = averageCurrentMa({ periodS: 3600, sleepCurrentMa: 3000 / (10 * 365 * 24), phases: [] });
    if (!avg.ok) throw new Error(avg.message);
    expect(avg.currentMa * 1000).toBeCloseTo(34.25, 2); // µA: the seed's "34 µA moyen"
    expect(lifetimeHours(3000, avg.currentMa)).toBeCloseTo(87_600, 6);
  });

  it('Wi-Fi sensor: 20 µA × 99.7 % + 80 mA × 0.1 % + 170 mA × 0.2 % = 0.43994 mA', () => {
    const cycle = {
      periodS: 1000,
      sleepCurrentMa: 0.02,
      phases: [
        { currentMa: 80, durationS: 1 },
        { currentMa: 170, durationS: 2 },
      ],
    };
    const avg = averageCurrentMa(cycle);
    expect(avg.ok).toBe(true);
    if (!avg.ok) return;
    expect(avg.currentMa).toBeCloseTo(0.43994, 10);
    // 3000 / 0.43994 = 6819.1 h = 0.778 years of 365.25 days. (The seed prints "0.366 mA, 0.9 ans",
    // which its own profile does not give: 0.01994 + 0.08 + 0.34 = 0.43994 mA.)
    expect(lifetimeHours(3000, avg.currentMa)).toBeCloseTo(6819.11, 2);
    expect(lifetimeYears(3000, avg.currentMa)).toBeCloseTo(0.7779, 4);
  });

  it('LoRa sensor: 10 µA × 99.9 % + 50 mA × 0.05 % + 120 mA × 0.05 % = 0.09499 mA', () => {
    const cycle = {
      periodS: 1000,
      sleepCurrentMa: 0.01,
      phases: [
        { currentMa: 50, durationS: 0.5 },
        { currentMa: 120, durationS: 0.5 },
      ],
    };
    const avg = averageCurrentMa(cycle);
    if (!avg.ok) throw new Error(avg.message);
    expect(avg.currentMa).toBeCloseTo(0.09499, 10);
    // 3000 / 0.09499 = 31 582 h = 3.60 years (the seed prints 10.3 years; its profile gives 3.6).
    expect(lifetimeYears(3000, avg.currentMa)).toBeCloseTo(31582.27 / HOURS_PER_YEAR, 4);
    expect(lifetimeYears(3000, avg.currentMa)).toBeCloseTo(3.603, 3);
  });

  it('refuses active phases longer than the period, and takes the worst device', () => {
    const bad = averageCurrentMa({ periodS: 1, sleepCurrentMa: 0, phases: [{ currentMa: 1, durationS: 2 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/longer than the 1 s reporting period/);
    expect(worstLifetime([3.2, 1.5, Infinity])).toBe(1.5);
    expect(worstLifetime([])).toBe(Infinity);
  });
});
