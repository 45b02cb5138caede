import { describe, expect, it } from 'vitest';
import { crc16xmodem } from 'crc';
import { crc16Xmodem } from '../../../shared/protocol/crc16';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('crc16Xmodem', () => {
  it('gives the published check value 0x31C3 for "123456789" (Reveng catalogue, CRC-16/XMODEM)', () => {
    expect(crc16Xmodem(ascii('123456789'))).toBe(0x31c3);
  });

  it('is 0 for no bytes (init 0x0000)', () => {
    expect(crc16Xmodem(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the crc package on random buffers of every length up to 300', () => {
    let seed = 12345;
    for (let length = 0; length <= 300; length++) {
      const bytes = new Uint8Array(length);
      for (let k = 0; k < length; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        bytes[k] = seed >>> 24;
      }
      expect(crc16Xmodem(bytes)).toBe(crc16xmodem(Buffer.from(bytes)));
    }
  });

  it('continues across pieces: crc(a ++ b) = crc(b, from crc(a))', () => {
    const all = ascii('The quick brown fox jumps over the lazy dog');
    const split = 17;
    expect(crc16Xmodem(all, split, all.length, crc16Xmodem(all, 0, split))).toBe(crc16Xmodem(all));
  });

  it('a frame followed by its CRC (big-endian) gives a zero remainder — the property of an unreflected CRC', () => {
    const data = ascii('123456789');
    const withCrc = Uint8Array.of(...data, 0x31, 0xc3);
    expect(crc16Xmodem(withCrc)).toBe(0);
  });
});
