// Streaming decoder for protocol v1: feed it chunks of any size as they arrive from the port. It splits
// on 0x00, unstuffs (COBS), checks the CRC-16/XMODEM, parses, and tracks sequence numbers. A corrupted
// frame costs that frame only: the next 0x00 is always a fresh start, so there is nothing else to
// resynchronise. Hostile input never throws — it only moves the counters.
import { cobsDecodeInto } from './cobs';
import { crc16Xmodem } from './crc16';
import type { Frame } from './frames';
import { MAX_ENCODED_FRAME_BYTES } from './frames';
import { parseFrame } from './parse-frame';

/** Counters of one link, as plain numbers (they cross process boundaries as they are). */
export interface DecoderStats {
  bytesReceived: number;
  framesDecoded: number;
  crcErrors: number;
  /** Not valid COBS, shorter than type + CRC, longer than the protocol allows, or an unparsable body. */
  malformedFrames: number;
  /** Sample blocks and metrics frames missing from their sequence (wrap-around at 65536 included). */
  lostFrames: number;
  /** Bytes that did not end up in a delivered frame (bad frames, and the partial frame at start-up). */
  bytesDiscarded: number;
  /** Times the decoder went from bad data back to a good frame. */
  resyncs: number;
  /** Sequence jumps too large to be loss (≥ 32768 back or forward): the board restarted its counters. */
  sequenceRestarts: number;
}

export function emptyDecoderStats(): DecoderStats {
  return { bytesReceived: 0, framesDecoded: 0, crcErrors: 0, malformedFrames: 0, lostFrames: 0, bytesDiscarded: 0, resyncs: 0, sequenceRestarts: 0 };
}

/** Tracks a u16 sequence; returns how many were skipped before `seq`. */
class SequenceTracker {
  private last = -1;
  reset(): void {
    this.last = -1;
  }
  /** Frames missing before `seq`, or -1 when the jump is too large to be loss (a restart). */
  next(seq: number): number {
    const last = this.last;
    this.last = seq;
    if (last < 0) return 0;
    const gap = (seq - last - 1) & 0xffff;
    return gap >= 0x8000 ? -1 : gap;
  }
}

export class FrameDecoder {
  readonly stats: DecoderStats = emptyDecoderStats();
  /** Stuffed bytes of the frame being received; one spare byte to notice an oversize frame. */
  private readonly pending = new Uint8Array(MAX_ENCODED_FRAME_BYTES + 1);
  private pendingLength = 0;
  /** True after an oversize frame: drop bytes up to the next delimiter. */
  private skipping = false;
  /** Until the first delimiter we may have joined mid-frame; a bad first segment is not an error. */
  private synchronised: boolean;
  private lastWasBad = false;
  private readonly unstuffed = new Uint8Array(MAX_ENCODED_FRAME_BYTES + 1);
  private readonly samplesSeq = new SequenceTracker();
  private readonly metricsSeq = new SequenceTracker();
  private readonly onRejected?: (kind: 'crc' | 'malformed', frame: Uint8Array) => void;

  /**
   * @param onFrame receives every good frame, in order.
   * @param options.synchronised true when the stream is known to start on a frame boundary (a test, a
   *   file); false (default) for a port opened while the board may already be talking.
   * @param options.onRejected sees each frame that unstuffed but failed its CRC or its layout (type +
   *   body, CRC removed; a copy): a board answers a damaged command with NACK badCrc or badLength.
   */
  constructor(
    private readonly onFrame: (frame: Frame) => void,
    options: { synchronised?: boolean; onRejected?: (kind: 'crc' | 'malformed', frame: Uint8Array) => void } = {},
  ) {
    this.synchronised = options.synchronised ?? false;
    this.onRejected = options.onRejected;
  }

  /** Forget sequence history (after a reconnect, or when the board announced a restart). */
  resetSequences(): void {
    this.samplesSeq.reset();
    this.metricsSeq.reset();
  }

  /** Feeds received bytes; calls onFrame for each complete good frame. */
  push(chunk: Uint8Array): void {
    this.stats.bytesReceived += chunk.length;
    let pos = 0;
    while (pos < chunk.length) {
      const zero = chunk.indexOf(0, pos);
      const end = zero < 0 ? chunk.length : zero;
      this.append(chunk, pos, end);
      if (zero < 0) break;
      this.endOfFrame();
      pos = zero + 1;
    }
  }

  private append(chunk: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n === 0) return;
    if (this.skipping) {
      this.stats.bytesDiscarded += n;
      return;
    }
    const room = this.pending.length - this.pendingLength;
    if (n > room) {
      // Longer than any protocol frame: the delimiter was lost (or this is not our protocol).
      this.stats.bytesDiscarded += this.pendingLength + n;
      this.pendingLength = 0;
      this.skipping = true;
      return;
    }
    this.pending.set(chunk.subarray(start, end), this.pendingLength);
    this.pendingLength += n;
  }

  private endOfFrame(): void {
    const wasSynchronised = this.synchronised;
    this.synchronised = true;
    if (this.skipping) {
      this.skipping = false;
      this.bad(wasSynchronised, 'malformed', 0);
      return;
    }
    const length = this.pendingLength;
    this.pendingLength = 0;
    if (length === 0) return; // empty frames (repeated delimiters) are allowed padding
    if (length > MAX_ENCODED_FRAME_BYTES) return this.bad(wasSynchronised, 'malformed', length);
    const n = cobsDecodeInto(this.pending, 0, length, this.unstuffed);
    if (n < 3) return this.bad(wasSynchronised, 'malformed', length);
    const crc = this.unstuffed[n - 2] | (this.unstuffed[n - 1] << 8);
    if (crc16Xmodem(this.unstuffed, 0, n - 2) !== crc) return this.bad(wasSynchronised, 'crc', length, n - 2);
    const parsed = parseFrame(this.unstuffed, n - 2);
    if (!parsed.ok) return this.bad(wasSynchronised, 'malformed', length, n - 2);
    const frame = parsed.frame;
    if (frame.type === 'samples') this.countGap(this.samplesSeq.next(frame.block.sequence));
    else if (frame.type === 'metrics') this.countGap(this.metricsSeq.next(frame.metrics.sequence));
    else if (frame.type === 'hello') this.resetSequences(); // a HELLO is sent at boot: counters restart
    this.stats.framesDecoded++;
    if (this.lastWasBad) this.stats.resyncs++;
    this.lastWasBad = false;
    this.onFrame(frame);
  }

  private countGap(gap: number): void {
    if (gap < 0) this.stats.sequenceRestarts++;
    else this.stats.lostFrames += gap;
  }

  private bad(wasSynchronised: boolean, kind: 'crc' | 'malformed', stuffedLength: number, unstuffedLength = 0): void {
    this.stats.bytesDiscarded += stuffedLength;
    if (!wasSynchronised) return; // the tail of a frame we joined in the middle of
    if (kind === 'crc') this.stats.crcErrors++;
    else this.stats.malformedFrames++;
    this.lastWasBad = true;
    if (this.onRejected && unstuffedLength > 0) this.onRejected(kind, this.unstuffed.slice(0, unstuffedLength));
  }
}
