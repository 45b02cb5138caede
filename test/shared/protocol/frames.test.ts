import { describe, expect, it } from 'vitest';
import { cobsDecode } from '../../../shared/protocol/cobs';
import { crc16Xmodem } from '../../../shared/protocol/crc16';
import { encodeCommandFrame, encodeFrame, encodeHelloFrame, encodeSamplesFrame } from '../../../shared/protocol/encode-frame';
import { MAX_ENCODED_FRAME_BYTES, MAX_FRAME_BYTES, Opcode } from '../../../shared/protocol/frames';
import { parseCalibrationBody, parseFrame, parseIdentityBody } from '../../../shared/protocol/parse-frame';
import { exampleCalibration, exampleFrames, exampleIdentity, exampleSamples } from './frame-fixtures';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

/** Unstuffs a wire frame, checks its CRC and parses it. */
function unwire(wire: Uint8Array) {
  expect(wire[wire.length - 1]).toBe(0);
  expect(wire.subarray(0, -1).includes(0)).toBe(false);
  const raw = cobsDecode(wire.subarray(0, -1));
  if (!raw) throw new Error('not COBS');
  const crc = raw[raw.length - 2] | (raw[raw.length - 1] << 8);
  expect(crc16Xmodem(raw, 0, raw.length - 2)).toBe(crc);
  return { raw, parsed: parseFrame(raw, raw.length - 2) };
}

describe('protocol v1 frames', () => {
  it.each(exampleFrames().map((f) => [f.type, f] as const))('round-trips a %s frame', (_type, frame) => {
    const { parsed } = unwire(encodeFrame(frame));
    expect(parsed).toEqual({ ok: true, frame });
  });

  it('lays out a startStreaming command byte by byte as PROTOCOL.md shows', () => {
    // type 0x20, request id 0x0201 LE, opcode 0x02, CRC-16/XMODEM 0x465E of those 4 bytes (LE), then
    // COBS (no zero inside, so one code byte 0x07) and the 0x00 delimiter.
    expect(hex(encodeCommandFrame(0x0201, Opcode.startStreaming))).toBe('07 20 01 02 02 5e 46 00');
  });

  it('puts the identity fields where PROTOCOL.md says', () => {
    const { raw } = unwire(encodeHelloFrame(exampleIdentity));
    expect(raw[0]).toBe(0x01);
    expect(raw.length).toBe(1 + 22 + 2);
    expect(Array.from(raw.subarray(1, 5))).toEqual([1, 1, 2, 3]);
    expect(hex(raw.subarray(5, 13))).toBe('28 ff 4c 1a 93 16 04 02');
    expect(Array.from(raw.subarray(13, 17))).toEqual([2, 128, 10, 50]);
    expect(new DataView(raw.buffer, raw.byteOffset).getUint32(17, true)).toBe(6_400_000); // mHz
    expect(raw[21]).toBe(32);
    expect(raw[22]).toBe(1);
  });

  it('packs a 32-pair sample block into 137 wire bytes (the figure of the bandwidth budget)', () => {
    expect(encodeFrame(exampleSamples(3, 32)).length).toBe(137);
  });

  it('keeps the largest frame within the stuffing limit', () => {
    const wire = encodeFrame(exampleSamples(0, 61));
    expect(wire.length - 1).toBeLessThanOrEqual(MAX_ENCODED_FRAME_BYTES);
    expect(wire.length - 2).toBe(1 + 4 + 61 * 4 + 2); // one COBS code byte and the delimiter on top
    expect(wire.length - 2).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(() => encodeSamplesFrame({ sequence: 0, flags: 0, samples: new Int16Array(2 * 62) })).toThrow(RangeError);
  });

  it('reads a calibration body back exactly when the values are float32-representable', () => {
    const parsed = exampleFrames().find((f) => f.type === 'ack' && f.ack.payload.length === 20);
    if (parsed?.type !== 'ack') throw new Error('fixture');
    expect(parseCalibrationBody(parsed.ack.payload)).toEqual(exampleCalibration);
    expect(parseCalibrationBody(new Uint8Array(19))).toBeNull();
    expect(parseIdentityBody(new Uint8Array(21))).toBeNull();
  });

  it('reports wrong lengths and unknown types as malformed, not as exceptions', () => {
    const cases: [number[], RegExp][] = [
      [[], /empty/],
      [[0x01, 1, 2, 3], /hello body of 3 bytes/],
      [[0x10, 0, 0, 2, 0, 1, 2, 3, 4], /2 pairs has 8 body bytes/],
      [[0x10, 0, 0, 0, 0], /0 pairs/],
      [[0x10, 0, 0], /shorter than its header/],
      [[0x11, 1, 2], /metrics body/],
      [[0x12, 1, 2, 3], /temperature body/],
      [[0x22, 1, 0, 2], /nack body/],
      [[0x21, 1], /shorter than its header/],
      [[0x7f, 1, 2], /unknown frame type 0x7F/],
    ];
    for (const [bytes, reason] of cases) {
      const result = parseFrame(Uint8Array.from(bytes));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });
});
