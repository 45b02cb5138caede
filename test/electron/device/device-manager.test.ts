// The device manager against the virtual meter in memory (fast), and the failures that need no board.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLinkPair } from '../../../electron/services/device/byte-link';
import { DeviceManager } from '../../../electron/services/device/device-manager';
import { VirtualMeter } from '../../../electron/services/virtual-meter/virtual-meter';
import { virtualMeterPort } from '../../../electron/services/virtual-meter/virtual-meter-ports';
import type { DeviceBatch, DeviceStatus } from '../../../shared/protocol/device-types';
import { defaultBoardModel, idealCalibration } from '../../../shared/signal/adc-model';
import { sleep, waitFor } from './helpers';

let managers: DeviceManager[] = [];
afterEach(async () => {
  for (const m of managers) await m.dispose();
  managers = [];
});

function setup(meter: VirtualMeter, options: ConstructorParameters<typeof DeviceManager>[0] = {}) {
  const manager = new DeviceManager({ listPorts: async () => ({ ports: [], source: 'os' }), ...options });
  managers.push(manager);
  manager.registerInProcessPort(virtualMeterPort(meter));
  const batches: DeviceBatch[] = [];
  const statuses: DeviceStatus[] = [];
  manager.onBatch((b) => batches.push(b));
  manager.onStatus((s) => statuses.push(s));
  return { manager, batches, statuses };
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('DeviceManager with the in-process virtual meter', () => {
  it('connects, identifies, streams, and delivers batches at display rate with measurements near the truth', async () => {
    const meter = new VirtualMeter({ calibration: 'ideal', load: { kind: 'inductive', apparentPowerVA: 2300, powerFactor: 0.8 } });
    const { manager, batches } = setup(meter);
    const listed = await manager.listPorts();
    expect(listed.ports.map((p) => p.path)).toContain('virtual:meter');
    const connected = await manager.connect({ path: 'virtual:meter' });
    expect(connected.ok).toBe(true);
    if (connected.ok) expect(connected.value).toMatchObject({ state: 'streaming', identity: { boardSerial: meter.boardSerial, samplesPerPeriod: 128 } });
    await sleep(1000);
    const windows = batches.flatMap((b) => b.measurements);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    const truth = meter.truth();
    for (const w of windows) {
      expect(rel(w.vrmsV, truth.vrmsV)).toBeLessThan(0.005);
      expect(rel(w.irmsA, truth.irmsA)).toBeLessThan(0.005);
      expect(rel(w.activePowerW, truth.activePowerW)).toBeLessThan(0.01);
      expect(rel(w.reactivePowerVar, truth.reactivePowerVar)).toBeLessThan(0.01);
      expect(Math.abs(w.frequencyHz - 50)).toBeLessThan(0.01);
    }
    // Batches, not frames: 200 blocks per second arrive in at most 30 batches per second.
    expect(batches.length).toBeLessThanOrEqual(31);
    expect(batches.reduce((n, b) => n + b.voltageV.length, 0)).toBeGreaterThan(3000);
    // Contiguous: each batch starts where the previous one ended.
    for (let k = 1; k < batches.length; k++) {
      if (batches[k].voltageV.length && batches[k - 1].voltageV.length) expect(batches[k].firstSampleIndex).toBe(batches[k - 1].firstSampleIndex + batches[k - 1].voltageV.length);
    }
    expect(batches.some((b) => b.boardMetrics.length > 0)).toBe(true);
    expect(manager.getStatus().stats).toMatchObject({ crcErrors: 0, lostFrames: 0 });
  });

  it('writes calibration, reads it back as float32, and reports a refusal clearly', async () => {
    const meter = new VirtualMeter();
    const { manager } = setup(meter);
    await manager.connect({ path: 'virtual:meter', stream: false });
    const ideal = idealCalibration(defaultBoardModel());
    const written = await manager.writeCalibration(ideal);
    expect(written.ok).toBe(true);
    if (written.ok) expect(written.value.currentGainAPerCount).toBeCloseTo(ideal.currentGainAPerCount, 6);
    expect(manager.getStatus().calibration?.phaseCorrectionDeg).toBeCloseTo(2.5, 6);
    const refused = await manager.writeCalibration({ ...ideal, voltageGainVPerCount: Number.NaN });
    expect(refused).toMatchObject({ ok: false, code: 'out-of-range' });
    expect(meter.calibration.voltageGainVPerCount).toBeCloseTo(ideal.voltageGainVPerCount, 6);
    expect((await manager.storeCalibration()).ok).toBe(true);
    expect(meter.storedCalibration.voltageGainVPerCount).toBeCloseTo(ideal.voltageGainVPerCount, 6);
  });

  it('follows a board reset: HELLO, calibration read again, streaming resumed', async () => {
    const meter = new VirtualMeter();
    const { manager, statuses } = setup(meter);
    await manager.connect({ path: 'virtual:meter' });
    expect((await manager.resetBoard()).ok).toBe(true);
    await waitFor(() => statuses.some((s) => /restarted/.test(s.message ?? '')), 2000, 'the restart');
    await waitFor(() => manager.getStatus().state === 'streaming' && meter.isStreaming, 2000, 'streaming again');
    expect(meter.counters.resets).toBe(1);
  });

  it('a board that went quiet but still answers (restarted, HELLO lost) is asked to stream again', async () => {
    const meter = new VirtualMeter({ calibration: 'ideal' });
    const { manager, batches, statuses } = setup(meter);
    expect((await manager.connect({ path: 'virtual:meter' })).ok).toBe(true);
    await waitFor(() => batches.some((b) => b.voltageV.length > 0), 2000);
    // As after a watchdog reset whose HELLO was lost on the wire: the board is idle and says nothing.
    (meter as unknown as { streaming: boolean }).streaming = false;
    const samplesAt = () => batches.reduce((n, b) => n + b.voltageV.length, 0);
    await sleep(300);
    const before = samplesAt();
    await waitFor(() => meter.isStreaming && samplesAt() > before + 1000, 3000);
    expect(statuses.some((s) => /streaming resumed/.test(s.message ?? ''))).toBe(true);
    expect(manager.getStatus().state).toBe('streaming');
  });

  it('changes the sampling rate and keeps measuring', async () => {
    const meter = new VirtualMeter({ calibration: 'ideal' });
    const { manager, batches } = setup(meter);
    await manager.connect({ path: 'virtual:meter' });
    const id = await manager.setSamplesPerPeriod(64);
    expect(id.ok && id.value.sampleRateHz).toBe(3200);
    batches.length = 0;
    await sleep(700);
    const windows = batches.flatMap((b) => b.measurements);
    expect(windows.length).toBeGreaterThanOrEqual(1);
    expect(batches.at(-1)?.sampleRateHz).toBe(3200);
    for (const w of windows) expect(rel(w.vrmsV, 230)).toBeLessThan(0.005);
  });

  it('notices the far end closing, and reconnects to the same board when it answers again', async () => {
    const meter = new VirtualMeter();
    const { manager, statuses } = setup(meter, { reconnectIntervalMs: 100 });
    let opened = 0;
    let boardEnd: ReturnType<typeof createMemoryLinkPair>['board'] | null = null;
    manager.registerInProcessPort({
      path: 'virtual:cable',
      label: 'a cable we can pull',
      open() {
        opened++;
        const pair = createMemoryLinkPair('virtual:cable');
        boardEnd = pair.board;
        meter.attach(pair.board);
        return pair.host;
      },
    });
    await manager.connect({ path: 'virtual:cable' });
    await boardEnd!.close(); // the board's end goes away
    await waitFor(() => manager.getStatus().state === 'reconnecting', 1000, 'the loss to be noticed');
    await waitFor(() => manager.getStatus().state === 'streaming', 3000, 'the reconnection');
    expect(opened).toBeGreaterThanOrEqual(2);
    expect(manager.getStatus().stats).toMatchObject({ linkLosses: 1, reconnects: 1 });
    expect(statuses.some((s) => /reconnected to board/.test(s.message ?? ''))).toBe(true);
  });

  it('text mode: measures V:…,I:… lines with the given rate; commands are refused with a reason', async () => {
    const meter = new VirtualMeter({ mode: 'text', calibration: 'ideal' });
    const { manager, batches } = setup(meter);
    const connected = await manager.connect({ path: 'virtual:meter', mode: 'text', textSampleRateHz: 6400 });
    expect(connected.ok).toBe(true);
    await sleep(800);
    const windows = batches.flatMap((b) => b.measurements);
    expect(windows.length).toBeGreaterThanOrEqual(2);
    for (const w of windows) {
      expect(rel(w.vrmsV, 230)).toBeLessThan(0.005);
      expect(rel(w.activePowerW, 2300)).toBeLessThan(0.01);
    }
    expect(await manager.readCalibration()).toMatchObject({ ok: false, code: 'text-mode' });
  });
});

describe('DeviceManager failures', () => {
  it('a board that never answers: a clear "did not answer" result, and the link closed', async () => {
    const manager = new DeviceManager({ listPorts: async () => ({ ports: [], source: 'os' }) });
    managers.push(manager);
    let board: ReturnType<typeof createMemoryLinkPair>['board'] | null = null;
    manager.registerInProcessPort({
      path: 'virtual:silent',
      label: 'silent',
      open() {
        const pair = createMemoryLinkPair('virtual:silent');
        board = pair.board;
        return pair.host;
      },
    });
    const result = await manager.connect({ path: 'virtual:silent', handshakeTimeoutMs: 400 });
    expect(result).toMatchObject({ ok: false, code: 'no-answer' });
    if (!result.ok) expect(result.message).toMatch(/did not answer on virtual:silent within 400 ms: nothing came back/);
    expect(board!.isOpen).toBe(false);
    expect(manager.getStatus().state).toBe('disconnected');
  });

  it('a path that does not exist: not-found, with advice', async () => {
    const manager = new DeviceManager();
    managers.push(manager);
    const result = await manager.connect({ path: '/dev/ttyUSB-meterplan-none' });
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
    if (!result.ok) expect(result.message).toMatch(/no such port/);
    expect(await manager.startStreaming()).toMatchObject({ ok: false, code: 'not-connected' });
  });
});

describe('DeviceManager connect races', () => {
  it('a second connect while the first is opening wins; the first is closed, not leaked', async () => {
    const meter = new VirtualMeter();
    const { manager } = setup(meter);
    const first = manager.connect({ path: 'virtual:meter', stream: false });
    const second = manager.connect({ path: 'virtual:meter', stream: false });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ok: false, code: 'superseded' });
    expect(b.ok).toBe(true);
    expect(manager.getStatus().state).toBe('connected');
  });
});
