// Fuzz: a million frames, intact, mutated (bit flips, truncation, lost delimiter, inserted bytes) or
// plain random bytes, fed in random chunk sizes. The decoder must never throw, must deliver every intact
// frame whose start boundary survived, and may accept a corrupted frame only as often as a 16-bit CRC
// lets one through.
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../../shared/protocol/decoder';
import { encodeFrame } from '../../../shared/protocol/encode-frame';
import { exampleFrames, exampleSamples } from './frame-fixtures';

/** xorshift32 (Marsaglia 2003): cheap and deterministic. */
function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

describe('FrameDecoder under fuzzing', () => {
  it('survives 1,000,000 random and mutated frames and delivers every intact one', () => {
    const rnd = xorshift32(0xc0ffee);
    const pool = [...exampleFrames(), ...Array.from({ length: 16 }, (_, k) => exampleSamples(k, 1 + ((k * 7) % 61)))].map(encodeFrame);
    const noise = new Uint8Array(1 << 16);
    for (let k = 0; k < noise.length; k++) noise[k] = rnd() & 0xff;

    let delivered = 0;
    const decoder = new FrameDecoder(() => delivered++, { synchronised: true });
    const framesPerBatch = 20_000;
    const batches = 50;
    const buffer = new Uint8Array(framesPerBatch * 300);
    let expectedDeliverable = 0;
    let corruptedItems = 0;
    let totalBytes = 0;
    let boundaryClean = true;

    for (let batch = 0; batch < batches; batch++) {
      let at = 0;
      for (let i = 0; i < framesPerBatch; i++) {
        const wire = pool[rnd() % pool.length];
        const kind = rnd() % 100;
        const start = at;
        if (kind < 55) {
          buffer.set(wire, at);
          at += wire.length;
          if (boundaryClean) expectedDeliverable++;
          boundaryClean = true;
          continue;
        }
        corruptedItems++;
        if (kind < 70) {
          // 1–3 random byte changes anywhere but the delimiter (a change to 0x00 splits the frame).
          buffer.set(wire, at);
          at += wire.length;
          const flips = 1 + (rnd() % 3);
          for (let f = 0; f < flips; f++) buffer[start + (rnd() % (wire.length - 1))] ^= 1 + (rnd() % 255);
          boundaryClean = true;
        } else if (kind < 80) {
          // Truncated: a piece of the frame (at least one byte, or a lost delimiter before it would
          // be restored), then the delimiter.
          const keep = 1 + (rnd() % (wire.length - 2));
          buffer.set(wire.subarray(0, keep), at);
          at += keep;
          buffer[at++] = 0;
          boundaryClean = true;
        } else if (kind < 85) {
          // Lost delimiter: this frame runs into the next one.
          buffer.set(wire.subarray(0, wire.length - 1), at);
          at += wire.length - 1;
          boundaryClean = false;
        } else if (kind < 93) {
          // A random byte inserted somewhere before the delimiter.
          const cut = rnd() % (wire.length - 1);
          buffer.set(wire.subarray(0, cut), at);
          at += cut;
          buffer[at++] = 1 + (rnd() % 255);
          buffer.set(wire.subarray(cut), at);
          at += wire.length - cut;
          boundaryClean = true;
        } else {
          // Line noise: up to 300 random bytes (zeros included), then a delimiter.
          const n = 1 + (rnd() % 300);
          const from = rnd() % (noise.length - n);
          buffer.set(noise.subarray(from, from + n), at);
          buffer[at] |= 1; // a leading zero would restore a lost delimiter before it
          at += n;
          buffer[at++] = 0;
          boundaryClean = true;
        }
      }
      // Feed in random chunk sizes, as a serial port delivers.
      let pos = 0;
      while (pos < at) {
        const n = 1 + (rnd() % 4096);
        decoder.push(buffer.subarray(pos, Math.min(at, pos + n)));
        pos += n;
      }
      totalBytes += at;
    }

    const stats = decoder.stats;
    expect(batches * framesPerBatch).toBeGreaterThanOrEqual(1_000_000);
    expect(stats.bytesReceived).toBe(totalBytes);
    expect(delivered).toBe(stats.framesDecoded);
    expect(delivered).toBeGreaterThanOrEqual(expectedDeliverable);
    // False accepts: about one corrupted frame in 65,536 passes a 16-bit CRC; allow a generous 1 in 5,000.
    expect(delivered - expectedDeliverable).toBeLessThan(corruptedItems / 5000);
    expect(stats.crcErrors + stats.malformedFrames).toBeGreaterThan(corruptedItems * 0.5);
    expect(stats.bytesDiscarded).toBeGreaterThan(0);
  });
});
