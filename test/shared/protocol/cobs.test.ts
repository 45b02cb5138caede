import { describe, expect, it } from 'vitest';
import { cobsDecode, cobsEncode, cobsMaxEncodedLength } from '../../../shared/protocol/cobs';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const seq = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, k) => from + k);

// Examples from Cheshire & Baker (1999) as tabulated in the COBS article on Wikipedia.
const vectors: [Uint8Array, string][] = [
  [Uint8Array.of(0x00), '01 01'],
  [Uint8Array.of(0x00, 0x00), '01 01 01'],
  [Uint8Array.of(0x00, 0x11, 0x00), '01 02 11 01'],
  [Uint8Array.of(0x11, 0x22, 0x00, 0x33), '03 11 22 02 33'],
  [Uint8Array.of(0x11, 0x22, 0x33, 0x44), '05 11 22 33 44'],
  [Uint8Array.of(0x11, 0x00, 0x00, 0x00), '02 11 01 01 01'],
];

describe('COBS', () => {
  it.each(vectors)('encodes the published example %#', (input, expected) => {
    expect(hex(cobsEncode(input))).toBe(expected);
    expect(Array.from(cobsDecode(cobsEncode(input)) ?? [])).toEqual(Array.from(input));
  });

  it('splits a run of 254 non-zero bytes with a 0xFF code (example 01..FE)', () => {
    const encoded = cobsEncode(seq(1, 254));
    expect(encoded[0]).toBe(0xff);
    expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(254));
    expect(Array.from(cobsDecode(encoded) ?? [])).toEqual(Array.from(seq(1, 254)));
  });

  it('never emits a zero and round-trips random buffers up to 600 bytes', () => {
    let s = 7;
    for (let length = 0; length < 600; length += 7) {
      const input = new Uint8Array(length);
      for (let k = 0; k < length; k++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        input[k] = s % 3 === 0 ? 0 : s >>> 24;
      }
      const encoded = cobsEncode(input);
      expect(encoded.includes(0)).toBe(false);
      expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(length));
      expect(Array.from(cobsDecode(encoded) ?? [])).toEqual(Array.from(input));
    }
  });

  it('refuses a zero inside a frame and a code that runs past the end', () => {
    expect(cobsDecode(Uint8Array.of(0x03, 0x11, 0x00))).toBeNull();
    expect(cobsDecode(Uint8Array.of(0x05, 0x11, 0x22))).toBeNull();
  });
});
