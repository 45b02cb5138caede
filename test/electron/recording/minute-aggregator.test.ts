// One-minute aggregates against hand-computed values: averages over the windows that had a value,
// extremes, energy ∑ P·Δt, windows placed in the minute they ended in, and late windows never
// overwriting a minute already written.
import { describe, expect, it } from 'vitest';
import { MinuteAggregator } from '../../../electron/services/recording/minute-aggregator';
import type { MeasurementWindow } from '../../../shared/protocol/device-types';

const T0 = Date.parse('2026-03-02T10:15:00.000Z');

function w(vrmsV: number, irmsA: number, activePowerW: number, extra: Partial<MeasurementWindow> = {}): MeasurementWindow {
  return {
    endSampleIndex: 0,
    durationS: 0.2,
    vrmsV,
    irmsA,
    activePowerW,
    apparentPowerVA: vrmsV * irmsA,
    reactivePowerVar: 0,
    powerFactor: vrmsV * irmsA > 0 ? activePowerW / (vrmsV * irmsA) : Number.NaN,
    frequencyHz: 50,
    voltageThd: 0,
    currentThd: 0,
    voltageHarmonicsV: [],
    currentHarmonicsA: [],
    ...extra,
  };
}

describe('MinuteAggregator', () => {
  it('averages, bounds and integrates the windows of each minute', () => {
    const a = new MinuteAggregator();
    a.addWindow(w(230, 10, 2300), T0 + 1_000);
    a.addWindow(w(232, 12, 2760, { frequencyHz: 50.1 }), T0 + 30_000);
    // No voltage: no frequency and no power factor, but its (zero) power still counts.
    a.addWindow(w(226, 0, 0, { frequencyHz: Number.NaN }), T0 + 59_999);
    a.addTemperature(24, T0 + 2_000);
    a.addTemperature(25, T0 + 3_000);
    a.addWindow(w(230, 1, 230), T0 + 60_000); // the next minute
    const rows = a.takeChanged(T0 + 61_000);
    expect(rows.map((r) => r.minuteStart)).toEqual(['2026-03-02T10:15:00.000Z', '2026-03-02T10:16:00.000Z']);
    const [m] = rows;
    expect(m.samples).toBe(3);
    expect(m.vrmsAvg).toBeCloseTo((230 + 232 + 226) / 3, 10);
    expect([m.vrmsMin, m.vrmsMax]).toEqual([226, 232]);
    expect(m.irmsAvg).toBeCloseTo(22 / 3, 10);
    expect(m.irmsMax).toBe(12);
    expect(m.pAvgW).toBeCloseTo((2300 + 2760 + 0) / 3, 10);
    expect(m.pfAvg).toBeCloseTo((1 + 2760 / (232 * 12)) / 2, 10); // the two windows that had current
    expect(m.frequencyAvgHz).toBeCloseTo(50.05, 10);
    // (2300 + 2760) W × 0.2 s = 1012 J = 0.28111 Wh
    expect(m.energyWh).toBeCloseTo(1012 / 3600, 12);
    expect(m.temperatureC).toBeCloseTo(24.5, 12);
    expect(a.totalEnergyWh).toBeCloseTo((1012 + 46) / 3600, 12);
  });

  it('rewrites the minute still filling, forgets finished ones, and puts a late window in the open minute', () => {
    const a = new MinuteAggregator();
    a.addWindow(w(230, 10, 2300), T0 + 10_000);
    expect(a.takeChanged(T0 + 20_000)).toHaveLength(1);
    expect(a.takeChanged(T0 + 25_000)).toHaveLength(0); // nothing new
    a.addWindow(w(230, 10, 2300), T0 + 30_000);
    const again = a.takeChanged(T0 + 70_000);
    expect(again).toHaveLength(1);
    expect(again[0].samples).toBe(2); // the whole minute, not only the new window
    // 10:15 is now written for good: a window stamped inside it (the clock stepped back) goes to 10:16.
    a.addWindow(w(230, 10, 2300), T0 + 50_000);
    const late = a.takeChanged(T0 + 71_000);
    expect(late.map((r) => [r.minuteStart, r.samples])).toEqual([['2026-03-02T10:16:00.000Z', 1]]);
    expect(a.takeAll().map((r) => r.minuteStart)).toEqual(['2026-03-02T10:16:00.000Z']);
    expect(a.takeAll()).toEqual([]);
  });
});
