// The virtual meter speaking protocol v1 in memory, checked by a bare decoder (not the device manager):
// what it sends is what PROTOCOL.md says a board sends.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLinkPair } from '../../../electron/services/device/byte-link';
import type { ByteLink } from '../../../electron/services/device/byte-link';
import { VirtualMeter } from '../../../electron/services/virtual-meter/virtual-meter';
import { FrameDecoder } from '../../../shared/protocol/decoder';
import { encodeCalibrationBody, encodeCommandFrame } from '../../../shared/protocol/encode-frame';
import type { Frame } from '../../../shared/protocol/frames';
import { NackCode, Opcode } from '../../../shared/protocol/frames';
import { parseCalibrationBody, parseIdentityBody } from '../../../shared/protocol/parse-frame';
import { defaultBoardModel, idealCalibration } from '../../../shared/signal/adc-model';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function harness(meter: VirtualMeter) {
  const { host, board } = createMemoryLinkPair();
  const frames: Frame[] = [];
  const decoder = new FrameDecoder((f) => frames.push(f), { synchronised: true });
  host.onData((c) => decoder.push(c));
  meter.attach(board);
  let requestId = 100;
  async function command(opcode: number, args?: Uint8Array, raw?: (wire: Uint8Array) => Uint8Array): Promise<Frame> {
    const id = requestId++;
    const wire = encodeCommandFrame(id, opcode, args);
    host.write(raw ? raw(wire) : wire);
    for (let t = 0; t < 100; t++) {
      await sleep(5);
      const reply = frames.find((f) => (f.type === 'ack' && f.ack.requestId === id) || (f.type === 'nack' && f.nack.requestId === id));
      if (reply) return reply;
    }
    throw new Error(`no reply to opcode ${opcode}`);
  }
  return { host, board, frames, decoder, command };
}

let links: ByteLink[] = [];
afterEach(async () => {
  for (const l of links) await l.close();
  links = [];
});

describe('VirtualMeter (protocol v1 in memory)', () => {
  it('says HELLO at power-up and answers getIdentity with the same identity', async () => {
    const meter = new VirtualMeter({ boardSerial: '00112233445566AA' });
    const h = harness(meter);
    links.push(h.host);
    await sleep(20);
    const hello = h.frames.find((f) => f.type === 'hello');
    expect(hello?.type === 'hello' && hello.identity).toMatchObject({ protocolVersion: 1, boardSerial: '00112233445566AA', samplesPerPeriod: 128, sampleRateHz: 6400, nominalFrequencyHz: 50, adcBits: 10, streaming: false });
    const reply = await h.command(Opcode.getIdentity);
    expect(reply.type).toBe('ack');
    if (reply.type === 'ack') expect(parseIdentityBody(reply.ack.payload)?.boardSerial).toBe('00112233445566AA');
  });

  it('streams sample blocks at the real rate with consecutive sequence numbers, metrics and temperature', async () => {
    const meter = new VirtualMeter({ calibration: 'ideal' });
    const h = harness(meter);
    links.push(h.host);
    const t0 = performance.now();
    expect((await h.command(Opcode.startStreaming)).type).toBe('ack');
    await sleep(1100);
    await h.command(Opcode.stopStreaming);
    const elapsedS = (performance.now() - t0) / 1000;
    const blocks = h.frames.filter((f) => f.type === 'samples');
    const pairs = blocks.reduce((n, f) => n + (f.type === 'samples' ? f.block.samples.length / 2 : 0), 0);
    // Paced by the clock: never ahead of real time (6400 pairs/s), and not starved either (a loose
    // lower bound, so that a slow machine does not fail it).
    expect(pairs).toBeLessThanOrEqual(elapsedS * 6400 + 32);
    expect(pairs).toBeGreaterThan(0.5 * 6400);
    expect(h.decoder.stats.lostFrames).toBe(0);
    const metrics = h.frames.filter((f) => f.type === 'metrics');
    expect(metrics.length).toBeGreaterThanOrEqual(4);
    const truth = meter.truth();
    for (const f of metrics) {
      if (f.type !== 'metrics') continue;
      expect(f.metrics.periodCount).toBe(10);
      expect(Math.abs(f.metrics.vrmsV / truth.vrmsV - 1)).toBeLessThan(0.005);
      expect(Math.abs(f.metrics.activePowerW / truth.activePowerW - 1)).toBeLessThan(0.01);
      expect(f.metrics.windowEnergyJ).toBeCloseTo(f.metrics.activePowerW * 0.2, 0);
    }
    expect(h.frames.some((f) => f.type === 'temperature' && Math.abs(f.reading.temperatureC - 24.5) < 0.5)).toBe(true);
  });

  it('writes, reads back, refuses out-of-range, and stores calibration', async () => {
    const meter = new VirtualMeter();
    const h = harness(meter);
    links.push(h.host);
    const c = idealCalibration(defaultBoardModel());
    expect((await h.command(Opcode.writeCalibration, encodeCalibrationBody(c))).type).toBe('ack');
    const read = await h.command(Opcode.readCalibration);
    const back = read.type === 'ack' ? parseCalibrationBody(read.ack.payload) : null;
    expect(back?.voltageGainVPerCount).toBeCloseTo(c.voltageGainVPerCount, 6);
    expect(back?.phaseCorrectionDeg).toBeCloseTo(2.5, 6);
    const refused = await h.command(Opcode.writeCalibration, encodeCalibrationBody({ ...c, phaseCorrectionDeg: 45 }));
    expect(refused.type === 'nack' && refused.nack.errorCode).toBe(NackCode.outOfRange);
    expect(meter.calibration.phaseCorrectionDeg).toBeCloseTo(2.5, 6); // the old ones kept
    expect(meter.storedCalibration.phaseCorrectionDeg).toBe(0);
    expect((await h.command(Opcode.storeCalibration)).type).toBe('ack');
    expect(meter.storedCalibration.phaseCorrectionDeg).toBeCloseTo(2.5, 6);
  });

  it('NACKs an unknown opcode, a wrong length, a bad rate and a damaged command', async () => {
    const meter = new VirtualMeter();
    const h = harness(meter);
    links.push(h.host);
    const codeOf = (f: Frame) => (f.type === 'nack' ? f.nack.errorCode : -1);
    expect(codeOf(await h.command(0x7e))).toBe(NackCode.unknownOpcode);
    expect(codeOf(await h.command(Opcode.identify, new Uint8Array(3)))).toBe(NackCode.badLength);
    expect(codeOf(await h.command(Opcode.setSamplesPerPeriod, Uint8Array.of(100)))).toBe(NackCode.outOfRange);
    const damaged = await h.command(Opcode.ping, undefined, (wire) => {
      const copy = wire.slice();
      copy[copy.length - 2] ^= 0x40; // the CRC's high byte
      return copy;
    });
    expect(codeOf(damaged)).toBe(NackCode.badCrc);
  });

  it('changes to 64 samples per period, and comes back after a reset with a HELLO and its EEPROM coefficients', async () => {
    const meter = new VirtualMeter();
    const h = harness(meter);
    links.push(h.host);
    expect((await h.command(Opcode.setSamplesPerPeriod, Uint8Array.of(64))).type).toBe('ack');
    expect(meter.identity.sampleRateHz).toBe(3200);
    await h.command(Opcode.writeCalibration, encodeCalibrationBody({ ...meter.calibration, voltageGainVPerCount: 0.9 }));
    const hellosBefore = h.frames.filter((f) => f.type === 'hello').length;
    expect((await h.command(Opcode.reset)).type).toBe('ack');
    await sleep(120);
    expect(h.frames.filter((f) => f.type === 'hello').length).toBe(hellosBefore + 1);
    expect(meter.calibration.voltageGainVPerCount).toBeCloseTo(0.8, 9); // unsaved coefficients are gone
  });

  it('in text mode prints "V:…,I:…" lines at the real rate', async () => {
    const meter = new VirtualMeter({ mode: 'text', calibration: 'ideal' });
    const { host, board } = createMemoryLinkPair();
    links.push(host);
    let text = '';
    host.onData((c) => (text += String.fromCharCode(...c)));
    meter.attach(board);
    await sleep(300);
    const lines = text.split('\n').filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines[0]).toMatch(/^V:-?\d+\.\d{2},I:-?\d+\.\d{3}$/);
    const peak = Math.max(...lines.map((l) => Number(l.split(',')[0].slice(2))));
    expect(Math.abs(peak / (230 * Math.SQRT2) - 1)).toBeLessThan(0.01);
  });
});
