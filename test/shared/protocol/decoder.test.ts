import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../../shared/protocol/decoder';
import { encodeCommandFrame, encodeFrame } from '../../../shared/protocol/encode-frame';
import { Opcode } from '../../../shared/protocol/frames';
import type { Frame } from '../../../shared/protocol/frames';
import { exampleFrames, exampleIdentity, exampleSamples } from './frame-fixtures';

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function decoderWithLog(options: { synchronised?: boolean } = { synchronised: true }) {
  const frames: Frame[] = [];
  const decoder = new FrameDecoder((f) => frames.push(f), options);
  return { decoder, frames };
}

describe('FrameDecoder', () => {
  const all = exampleFrames();
  const stream = concat(all.map(encodeFrame));

  it('decodes a stream fed in one piece, byte by byte, and in uneven chunks identically', () => {
    for (const chunkSize of [stream.length, 1, 3, 7, 64]) {
      const { decoder, frames } = decoderWithLog();
      for (let k = 0; k < stream.length; k += chunkSize) decoder.push(stream.subarray(k, k + chunkSize));
      expect(frames).toEqual(all);
      expect(decoder.stats).toMatchObject({ framesDecoded: all.length, crcErrors: 0, malformedFrames: 0, bytesDiscarded: 0, bytesReceived: stream.length });
    }
  });

  it('counts a flipped bit as one CRC error and keeps every other frame', () => {
    const parts = all.map(encodeFrame);
    const victim = parts[4]; // the metrics frame
    victim[10] ^= 0x04;
    const { decoder, frames } = decoderWithLog();
    decoder.push(concat(parts));
    expect(frames.length).toBe(all.length - 1);
    expect(decoder.stats.crcErrors).toBe(1);
    expect(decoder.stats.resyncs).toBe(1);
    expect(decoder.stats.bytesDiscarded).toBe(victim.length - 1);
  });

  it('survives a lost delimiter: the two merged frames are lost, the rest decoded', () => {
    const parts = all.map(encodeFrame);
    parts[2] = parts[2].subarray(0, -1); // drop the 0x00 after frame 2: frames 2 and 3 merge
    const { decoder, frames } = decoderWithLog();
    decoder.push(concat(parts));
    expect(frames.map((f) => f.type)).toEqual(all.filter((_, k) => k !== 2 && k !== 3).map((f) => f.type));
    expect(decoder.stats.crcErrors + decoder.stats.malformedFrames).toBe(1);
  });

  it('rejects two frames merged by a lost delimiter even when the merge passes the CRC', () => {
    // With CRC-16/XMODEM's zero init, A ++ 0x00 ++ B checks out against B's CRC whenever A's two CRC
    // bytes are equal. Find such an A; only the exact frame length can catch the merge.
    let merged: Uint8Array | null = null;
    for (let id = 0; id < 65536 && !merged; id++) {
      const a = encodeCommandFrame(id, Opcode.ping);
      if (a[a.length - 3] === a[a.length - 2]) merged = concat([a.subarray(0, -1), encodeCommandFrame(1, Opcode.startStreaming)]);
    }
    if (!merged) throw new Error('no frame with equal CRC bytes found');
    const { decoder, frames } = decoderWithLog();
    decoder.push(merged);
    expect(frames).toEqual([]);
    expect(decoder.stats.malformedFrames).toBe(1);
    expect(decoder.stats.crcErrors).toBe(0); // the CRC did pass: the length check is what caught it
  });

  it('throws away an endless run without delimiters and resumes at the next frame', () => {
    const junk = new Uint8Array(10_000).fill(0x55);
    const { decoder, frames } = decoderWithLog();
    decoder.push(concat([encodeFrame(all[0]), junk, Uint8Array.of(0), encodeFrame(all[1])]));
    expect(frames).toEqual([all[0], all[1]]);
    expect(decoder.stats.malformedFrames).toBe(1);
    expect(decoder.stats.bytesDiscarded).toBe(10_000);
  });

  it('counts lost sample blocks across the u16 wrap-around', () => {
    const seqs = [65533, 65534, 1, 2, 5]; // 65535 and 0 missing, then 3 and 4
    const { decoder, frames } = decoderWithLog();
    decoder.push(concat(seqs.map((s) => encodeFrame(exampleSamples(s)))));
    expect(frames.length).toBe(5);
    expect(decoder.stats.lostFrames).toBe(4);
  });

  it('treats a HELLO as a board restart: sequence numbers start again without counting loss', () => {
    const { decoder } = decoderWithLog();
    decoder.push(concat([encodeFrame(exampleSamples(1000)), encodeFrame({ type: 'hello', identity: exampleIdentity }), encodeFrame(exampleSamples(0))]));
    expect(decoder.stats.lostFrames).toBe(0);
    expect(decoder.stats.sequenceRestarts).toBe(0);
  });

  it('does not count the tail of a frame it joined in the middle of as an error', () => {
    const wire = encodeFrame(exampleSamples(7));
    const { decoder, frames } = decoderWithLog({ synchronised: false });
    decoder.push(concat([wire.subarray(40), encodeFrame(exampleSamples(8))]));
    expect(frames.length).toBe(1);
    expect(decoder.stats.crcErrors + decoder.stats.malformedFrames).toBe(0);
    expect(decoder.stats.bytesDiscarded).toBe(wire.length - 40 - 1);
  });

  it('accepts a first frame that starts exactly at the first byte even when not synchronised', () => {
    const { decoder, frames } = decoderWithLog({ synchronised: false });
    decoder.push(encodeFrame(all[0]));
    expect(frames).toEqual([all[0]]);
  });

  it('ignores repeated delimiters (padding before a command)', () => {
    const { decoder, frames } = decoderWithLog();
    decoder.push(concat([Uint8Array.of(0, 0, 0), encodeFrame(all[1]), Uint8Array.of(0, 0)]));
    expect(frames).toEqual([all[1]]);
    expect(decoder.stats.malformedFrames + decoder.stats.bytesDiscarded).toBe(0);
  });
});

describe('FrameDecoder rejected-frame hook', () => {
  it('hands a damaged command to onRejected so that a board can NACK it', () => {
    const rejected: [string, number[]][] = [];
    const decoder = new FrameDecoder(() => undefined, { synchronised: true, onRejected: (kind, f) => rejected.push([kind, Array.from(f)]) });
    const wire = encodeCommandFrame(0x0102, Opcode.readCalibration);
    wire[wire.length - 2] ^= 0x10; // damage the CRC's high byte
    decoder.push(wire);
    decoder.push(encodeCommandFrame(0x0103, Opcode.writeCalibration, new Uint8Array(3))); // wrong length
    expect(rejected).toEqual([
      ['crc', [0x20, 0x02, 0x01, Opcode.readCalibration]],
      ['malformed', [0x20, 0x03, 0x01, Opcode.writeCalibration, 0, 0, 0]],
    ]);
  });
});
