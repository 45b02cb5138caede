// Integration over real pseudo-terminals (socat): the virtual meter opens one end through serialport, the
// device manager the other, so the application's real serial path carries the stream. The only timed
// assertion is the requirement itself: a far end that goes away is noticed within a second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../electron/services/device/device-manager';
import { openSerialPort } from '../../../electron/services/device/serial-port';
import { VirtualMeter } from '../../../electron/services/virtual-meter/virtual-meter';
import { runVirtualMeterOnPort } from '../../../electron/services/virtual-meter/virtual-meter-ports';
import type { DeviceBatch } from '../../../shared/protocol/device-types';
import { defaultBoardModel, idealCalibration } from '../../../shared/signal/adc-model';
import type { PtyPair } from './helpers';
import { sleep, socatPair, waitFor } from './helpers';

const BAUD = 1_000_000;
let cleanups: (() => Promise<void> | void)[] = [];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'meterplan-pty-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function pair(links?: { a: string; b: string }): Promise<PtyPair> {
  const p = await socatPair(links);
  cleanups.push(() => p.kill());
  return p;
}

async function meterOn(portPath: string, meter: VirtualMeter) {
  const running = await runVirtualMeterOnPort(meter, portPath, BAUD);
  if (!running.ok) throw new Error(running.message);
  cleanups.push(() => running.value.stop());
  return running.value;
}

function managerWithBatches() {
  const manager = new DeviceManager({ reconnectIntervalMs: 200 });
  cleanups.push(() => manager.dispose());
  const batches: DeviceBatch[] = [];
  manager.onBatch((b) => batches.push(b));
  if (process.env.DEBUG_DEVICE) manager.onStatus((s) => console.log(Date.now() % 100000, s.state, s.message));
  return { manager, batches };
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('device manager ↔ virtual meter over a socat pseudo-terminal', () => {
  it('handshake, a calibration round trip, then 10 s at 1 Mbaud: no loss, metrics within tolerance of the truth', async () => {
    const pty = await pair();
    const meter = new VirtualMeter({ boardSerial: 'A1B2C3D4E5F60718', load: { kind: 'inductive', apparentPowerVA: 3000, powerFactor: 0.7 } });
    await meterOn(pty.a, meter);
    const { manager, batches } = managerWithBatches();

    const connected = await manager.connect({ path: pty.b, baudRate: BAUD, stream: false });
    expect(connected.ok).toBe(true);
    if (connected.ok) expect(connected.value.identity).toMatchObject({ boardSerial: 'A1B2C3D4E5F60718', protocolVersion: 1, sampleRateHz: 6400 });

    // Command round trip: write the coefficients that cancel the board's errors, read them back — exactly,
    // as the float32 the board holds.
    const ideal = idealCalibration(defaultBoardModel());
    const written = await manager.writeCalibration(ideal);
    expect(written.ok).toBe(true);
    const readBack = await manager.readCalibration();
    if (!readBack.ok) throw new Error(readBack.message);
    for (const key of Object.keys(ideal) as (keyof typeof ideal)[]) expect(readBack.value[key]).toBe(Math.fround(ideal[key]));

    expect((await manager.startStreaming()).ok).toBe(true);
    await sleep(10_500);
    const stats = manager.getStatus().stats;
    expect(stats.lostFrames).toBe(0);
    expect(stats.crcErrors).toBe(0);
    expect(stats.malformedFrames).toBe(0);
    expect(stats.samplesReceived).toBeGreaterThan(10 * 6400 * 0.95);
    expect(stats.framesDecoded).toBeGreaterThan(10 * 200 * 0.95);

    // Metrics: 10 A-class load on a 100 A range, 0.5 count of noise: V and I within 0.3 %, P and Q within
    // 0.5 %, PF within 0.005, f within 0.01 Hz — per 200 ms window, over the whole run.
    const truth = meter.truth();
    const windows = batches.flatMap((b) => b.measurements);
    expect(windows.length).toBeGreaterThanOrEqual(48);
    for (const w of windows) {
      expect(rel(w.vrmsV, truth.vrmsV)).toBeLessThan(0.003);
      expect(rel(w.irmsA, truth.irmsA)).toBeLessThan(0.003);
      expect(rel(w.activePowerW, truth.activePowerW)).toBeLessThan(0.005);
      expect(rel(w.reactivePowerVar, truth.reactivePowerVar)).toBeLessThan(0.005);
      expect(Math.abs(w.powerFactor - 0.7)).toBeLessThan(0.005);
      expect(Math.abs(w.frequencyHz - 50)).toBeLessThan(0.01);
    }
    // The board's own metrics use the coefficients it was given, too.
    const boardMetrics = batches.flatMap((b) => b.boardMetrics);
    expect(boardMetrics.length).toBeGreaterThanOrEqual(48);
    expect(rel(boardMetrics.at(-1)!.activePowerW, truth.activePowerW)).toBeLessThan(0.01);
    expect(batches.flatMap((b) => b.temperatures).length).toBeGreaterThanOrEqual(9);
  });

  it('counts injected corruption and keeps streaming', async () => {
    const pty = await pair();
    const meter = new VirtualMeter({ calibration: 'ideal' });
    await meterOn(pty.a, meter);
    const { manager, batches } = managerWithBatches();
    expect((await manager.connect({ path: pty.b, baudRate: BAUD })).ok).toBe(true);
    await sleep(300);
    meter.corruptNextSampleFrames(5);
    await sleep(300);
    batches.length = 0;
    await sleep(600);
    const stats = manager.getStatus().stats;
    expect(stats.crcErrors + stats.malformedFrames).toBe(5);
    expect(stats.lostFrames).toBe(5);
    expect(stats.resyncs).toBeGreaterThanOrEqual(1);
    expect(manager.getStatus().state).toBe('streaming');
    // Still measuring after the damage.
    expect(batches.flatMap((b) => b.measurements).length).toBeGreaterThanOrEqual(2);
  });

  it('notices the far end closing (socat killed) within a second', async () => {
    const pty = await pair();
    await meterOn(pty.a, new VirtualMeter());
    const { manager } = managerWithBatches();
    expect((await manager.connect({ path: pty.b, baudRate: BAUD, autoReconnect: false })).ok).toBe(true);
    await sleep(200);
    const t0 = Date.now();
    await pty.kill();
    await waitFor(() => manager.getStatus().state === 'disconnected', 1000, 'the loss');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(manager.getStatus().message).toMatch(/link lost/);
    expect(manager.getStatus().stats.linkLosses).toBe(1);
  });

  it('reconnects by board serial: ignores another board on the old path, takes the right one back', async () => {
    const hostLink = path.join(dir, 'host');
    const boardLink = path.join(dir, 'board');
    const spare = { a: path.join(dir, 'spare-board'), b: path.join(dir, 'spare-host') };
    const serial = '00000000CAFEF00D';
    const first = await pair({ a: boardLink, b: hostLink });
    await meterOn(first.a, new VirtualMeter({ boardSerial: serial }));
    const { manager } = managerWithBatches();
    expect((await manager.connect({ path: hostLink, baudRate: BAUD, reconnectPaths: [spare.b] })).ok).toBe(true);

    await first.kill();
    await waitFor(() => manager.getStatus().state === 'reconnecting', 1000, 'the loss');

    // Another board appears where ours was: it must not be taken for ours.
    const impostor = await pair({ a: boardLink, b: hostLink });
    await meterOn(impostor.a, new VirtualMeter({ boardSerial: '1111111111111111' }));
    await waitFor(() => /found board 1111111111111111/.test(manager.getStatus().message ?? ''), 3000, 'the impostor to be seen');
    expect(manager.getStatus().state).toBe('reconnecting');

    // Ours comes back on the other path the manager was told about.
    const back = await pair(spare);
    await meterOn(back.a, new VirtualMeter({ boardSerial: serial }));
    await waitFor(() => manager.getStatus().state === 'streaming', 4000, 'the reconnection');
    const status = manager.getStatus();
    expect(status.identity?.boardSerial).toBe(serial);
    expect(status.path).toBe(spare.b);
    expect(status.stats.reconnects).toBe(1);
    await waitFor(() => manager.getStatus().stats.samplesReceived > 1000, 2000, 'samples after the reconnection');
  });
});

describe('hostile input over a pseudo-terminal', () => {
  it('a port that never answers: "the board did not answer", nothing came back', async () => {
    const pty = await pair();
    const { manager } = managerWithBatches();
    const result = await manager.connect({ path: pty.b, baudRate: BAUD, handshakeTimeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, code: 'no-answer' });
    if (!result.ok) expect(result.message).toMatch(/nothing came back/);
  });

  it('random bytes (as a board at the wrong baud rate looks): no answer, bytes counted, no crash', async () => {
    const pty = await pair();
    const noise = await openSerialPort(pty.a, 9600);
    if (!noise.ok) throw new Error(noise.message);
    cleanups.push(() => noise.value.close());
    let seed = 1;
    const timer = setInterval(() => {
      const bytes = new Uint8Array(512);
      for (let k = 0; k < bytes.length; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        bytes[k] = seed >>> 24;
      }
      noise.value.write(bytes);
    }, 10);
    cleanups.push(() => clearInterval(timer));
    const { manager } = managerWithBatches();
    const result = await manager.connect({ path: pty.b, baudRate: BAUD, handshakeTimeoutMs: 600 });
    expect(result).toMatchObject({ ok: false, code: 'no-answer' });
    if (!result.ok) expect(result.message).toMatch(/bytes came back but no valid frame \(wrong baud rate/);
    // The same noise in text mode: malformed lines counted, the link stays up.
    const text = await manager.connect({ path: pty.b, baudRate: BAUD, mode: 'text', textSampleRateHz: 1000, autoReconnect: false });
    expect(text.ok).toBe(true);
    await sleep(300);
    expect(manager.getStatus().stats.malformedLines + manager.getStatus().stats.bytesDiscarded).toBeGreaterThan(0);
  });

  it('a busy port and a missing one: clear codes', async () => {
    const pty = await pair();
    await meterOn(pty.a, new VirtualMeter());
    const { manager } = managerWithBatches();
    expect((await manager.connect({ path: pty.b, baudRate: BAUD })).ok).toBe(true);
    const second = new DeviceManager();
    cleanups.push(() => second.dispose());
    const busy = await second.connect({ path: pty.b, baudRate: BAUD });
    expect(busy).toMatchObject({ ok: false, code: 'busy' });
    if (!busy.ok) expect(busy.message).toMatch(/in use by another program/);
    expect(await second.connect({ path: path.join(dir, 'no-such-port'), baudRate: BAUD })).toMatchObject({ ok: false, code: 'not-found' });
  });
});
