// A bare protocol v1 client for the hostile-frame tests (the device manager sends only well-formed
// frames): the port through electron/services/device/serial-port (the module that owns serialport),
// shared/protocol's decoder, and commands that wait for their ACK/NACK.
import { openSerialPort } from '../../../electron/services/device/serial-port';
import type { ByteLink } from '../../../electron/services/device/byte-link';
import { FrameDecoder } from '../../../shared/protocol/decoder';
import { encodeCommandFrame } from '../../../shared/protocol/encode-frame';
import type { AckFrame, Frame, NackFrame } from '../../../shared/protocol/frames';

export const BOARD_BAUD = 1_000_000; // PROTOCOL.md §4

export type Reply = { kind: 'ack'; ack: AckFrame } | { kind: 'nack'; nack: NackFrame };

export class RawBoardClient {
  readonly decoder: FrameDecoder;
  readonly frames: Frame[] = [];
  private listeners = new Set<(frame: Frame) => void>();
  private nextRequestId = 1;
  /** When false, sample blocks are counted but not kept (long runs). */
  keepSamples = true;
  sampleBlocks = 0;

  private constructor(private readonly link: ByteLink) {
    this.decoder = new FrameDecoder((frame) => this.onFrame(frame), { synchronised: false });
    link.onData((chunk) => this.decoder.push(chunk));
  }

  static async open(path: string): Promise<RawBoardClient> {
    const opened = await openSerialPort(path, BOARD_BAUD);
    if (!opened.ok) throw new Error(`${path}: ${opened.message}`);
    const session = new RawBoardClient(opened.value);
    // PROTOCOL.md §1: one 0x00 before the first command clears whatever the board's receiver held.
    opened.value.write(Uint8Array.of(0));
    return session;
  }

  private onFrame(frame: Frame): void {
    if (frame.type === 'samples') this.sampleBlocks++;
    if (frame.type !== 'samples' || this.keepSamples) this.frames.push(frame);
    for (const listener of [...this.listeners]) listener(frame);
  }

  onFrame$(listener: (frame: Frame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first frame (already received, or to come) that `match` accepts. */
  waitFor<T extends Frame>(match: (frame: Frame) => frame is T, timeoutMs: number, from = 0, what = 'matching frame'): Promise<T> {
    const seen = this.frames.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${what} within ${timeoutMs} ms (decoder: ${JSON.stringify(this.decoder.stats)})`));
      }, timeoutMs);
      const off = this.onFrame$((frame) => {
        if (!match(frame)) return;
        clearTimeout(timer);
        off();
        resolve(frame);
      });
    });
  }

  writeRaw(bytes: Uint8Array): void {
    this.link.write(bytes);
  }

  /** Sends a command and waits for the ACK or NACK with its request id. */
  async command(opcode: number, args: Uint8Array = new Uint8Array(0), timeoutMs = 3000): Promise<Reply> {
    const requestId = this.nextRequestId++ & 0xffff;
    return this.sendAndWait(encodeCommandFrame(requestId, opcode, args), requestId, timeoutMs);
  }

  async sendAndWait(wire: Uint8Array, requestId: number, timeoutMs = 3000): Promise<Reply> {
    const reply = this.waitFor(
      (f): f is Extract<Frame, { type: 'ack' | 'nack' }> => (f.type === 'ack' && f.ack.requestId === requestId) || (f.type === 'nack' && f.nack.requestId === requestId),
      timeoutMs,
      this.frames.length,
      `reply to request ${requestId}`,
    );
    this.link.write(wire);
    const frame = await reply;
    return frame.type === 'ack' ? { kind: 'ack', ack: frame.ack } : { kind: 'nack', nack: frame.nack };
  }

  async close(): Promise<void> {
    await this.link.close();
  }
}
