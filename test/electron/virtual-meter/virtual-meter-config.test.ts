import { describe, expect, it } from 'vitest';
import { virtualMeterOptions } from '../../../electron/services/virtual-meter/virtual-meter-config';
import { scenarioTruth } from '../../../shared/signal/waveform';

describe('virtualMeterOptions', () => {
  it('builds a 120 V/60 Hz inductive scenario at PF 0.6 from names', () => {
    const o = virtualMeterOptions({ preset: '120V-60Hz', load: 'inductive', power: 1200, powerFactor: 0.6, samplesPerPeriod: 64, calibrated: true });
    if (!o.ok) throw new Error(o.message);
    const truth = scenarioTruth({ mains: o.value.mains!, load: o.value.load! });
    expect(truth.vrmsV).toBe(120);
    expect(truth.activePowerW).toBeCloseTo(720, 9);
    expect(o.value.samplesPerPeriod).toBe(64);
    expect(o.value.calibration).toBe('ideal');
  });

  it.each([
    [{ preset: '240V-50Hz' }, /unknown preset "240V-50Hz"/],
    [{ load: 'toaster' }, /unknown load "toaster"/],
    [{ power: -5 }, /power -5/],
    [{ powerFactor: 1.5 }, /power factor 1.5/],
    [{ serial: 'XYZ' }, /16 hex digits/],
    [{ samplesPerPeriod: 100 }, /64 or 128/],
    [{ mode: 'morse' }, /binary or text/],
  ])('refuses %j with a message naming the setting', (settings, message) => {
    const o = virtualMeterOptions(settings);
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.message).toMatch(message);
  });
});
