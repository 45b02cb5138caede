import { describe, expect, it } from 'vitest';
import { SamplePipeline } from '../../../electron/services/device/sample-pipeline';
import { emptyLinkStats } from '../../../shared/protocol/device-types';
import { defaultBoardModel, idealCalibration, sampleBoard } from '../../../shared/signal/adc-model';
import { MAINS_PRESETS } from '../../../shared/signal/waveform';

const model = defaultBoardModel({ noiseRmsCounts: 0 });
const scenario = { mains: MAINS_PRESETS['230V-50Hz'], load: { kind: 'resistive' as const, powerW: 2300 } };
const block = (n: number) => sampleBoard(scenario, model, 6400, n * 32, 32);

function pipeline() {
  return new SamplePipeline({ sampleRateHz: 6400, nominalFrequencyHz: 50, calibration: idealCalibration(model) });
}

describe('SamplePipeline', () => {
  it('delivers contiguous batches whose first index follows the previous batch', () => {
    const p = pipeline();
    for (let n = 0; n < 10; n++) p.pushRaw(block(n), n);
    const a = p.takeBatch(emptyLinkStats());
    for (let n = 10; n < 20; n++) p.pushRaw(block(n), n);
    const b = p.takeBatch(emptyLinkStats());
    expect(a && b).toBeTruthy();
    expect(b!.firstSampleIndex).toBe(a!.firstSampleIndex + a!.voltageV.length);
    expect(a!.voltageV.length + b!.voltageV.length).toBe(20 * 32 - p.latencySamples);
    expect(b!.receivedAtMs).toBe(19);
    expect(p.takeBatch(emptyLinkStats())).toBeNull();
  });

  it('fills a lost block inside a batch with NaN and counts it; the time axis stays right', () => {
    const p = pipeline();
    for (let n = 0; n < 5; n++) p.pushRaw(block(n), 0);
    p.markGap(32);
    for (let n = 6; n < 10; n++) p.pushRaw(block(n), 0);
    const batch = p.takeBatch(emptyLinkStats())!;
    expect(batch.lostSamples).toBe(32);
    const nan = batch.voltageV.map((v, k) => (Number.isNaN(v) ? k : -1)).filter((k) => k >= 0);
    expect(nan.length).toBe(32);
    expect(nan[31] - nan[0]).toBe(31);
    expect(batch.voltageV.length).toBe(10 * 32 - 2 * p.latencySamples);
  });

  it('measures 200 ms windows, and restarts them after a discontinuity instead of spanning it', () => {
    const p = pipeline();
    for (let n = 0; n < 200; n++) p.pushRaw(block(n), 0); // 1 s
    expect(p.takeWindows().length).toBe(4);
    p.restart();
    for (let n = 1000; n < 1100; n++) p.pushRaw(block(n), 0); // 0.5 s, 4 s later in the waveform
    const windows = p.takeWindows();
    expect(windows.length).toBe(2);
    for (const w of windows) expect(Math.abs(w.vrmsV / 230 - 1)).toBeLessThan(0.002);
    expect(p.activeEnergyWh).toBeGreaterThan(0);
  });
});
