// Protocol v1 over a byte link, host side: decodes what the board sends, and runs commands one at a time
// (request id, ACK/NACK, timeout, one retry after a NACK badCrc) as resources/firmware/PROTOCOL.md §2
// describes. Frames other than replies go to the owner's callback.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import { FrameDecoder } from '../../../shared/protocol/decoder';
import { encodeCalibrationBody, encodeCommandFrame } from '../../../shared/protocol/encode-frame';
import type { BoardIdentity, CalibrationCoefficients, Frame } from '../../../shared/protocol/frames';
import { nackCodeName, Opcode, opcodeName } from '../../../shared/protocol/frames';
import { parseCalibrationBody, parseIdentityBody } from '../../../shared/protocol/parse-frame';
import type { ByteLink } from './byte-link';

export const COMMAND_TIMEOUT_MS = 500;

interface Pending {
  requestId: number;
  opcode: number;
  resolve: (reply: Result<Uint8Array>) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface CommandCounters {
  commandsSent: number;
  commandTimeouts: number;
  nacks: number;
}

export class BoardSession {
  readonly decoder: FrameDecoder;
  readonly counters: CommandCounters = { commandsSent: 0, commandTimeouts: 0, nacks: 0 };
  /** The last HELLO seen (sent by the board at reset). */
  lastHello: BoardIdentity | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextRequestId = Math.floor(Math.random() * 0xffff);
  private readonly unsubscribe: (() => void)[] = [];
  private flushed = false;

  constructor(
    readonly link: ByteLink,
    private readonly onFrame: (frame: Frame) => void,
  ) {
    this.decoder = new FrameDecoder((frame) => this.dispatch(frame));
    this.unsubscribe.push(link.onData((chunk) => this.decoder.push(chunk)));
    this.unsubscribe.push(
      link.onClose((closed) => {
        const p = this.pending;
        if (p) {
          clearTimeout(p.timer);
          this.pending = null;
          p.resolve(err('link-closed', `the link closed during ${opcodeName(p.opcode) ?? 'a command'}: ${closed.message}`));
        }
      }),
    );
  }

  private dispatch(frame: Frame): void {
    if (frame.type === 'ack' || frame.type === 'nack') {
      const reply = frame.type === 'ack' ? frame.ack : frame.nack;
      const p = this.pending;
      if (p && reply.requestId === p.requestId && reply.opcode === p.opcode) {
        clearTimeout(p.timer);
        this.pending = null;
        if (frame.type === 'ack') p.resolve(ok(frame.ack.payload));
        else {
          this.counters.nacks++;
          const name = nackCodeName(frame.nack.errorCode) ?? `0x${frame.nack.errorCode.toString(16)}`;
          p.resolve(err(`nack-${name}`, `the board refused ${opcodeName(p.opcode) ?? 'the command'}: ${name}`));
        }
      }
      return; // a late reply to a command that timed out: nothing to do
    }
    if (frame.type === 'hello') this.lastHello = frame.identity;
    this.onFrame(frame);
  }

  /** Sends one command and waits for its reply; commands queue so that one is in flight at a time. */
  command(opcode: number, args: Uint8Array = new Uint8Array(0), timeoutMs = COMMAND_TIMEOUT_MS): Promise<Result<Uint8Array>> {
    const run = async (): Promise<Result<Uint8Array>> => {
      let reply = await this.once(opcode, args, timeoutMs);
      // A damaged command is NACKed at once: send it again, once.
      if (!reply.ok && reply.code === 'nack-badCrc') reply = await this.once(opcode, args, timeoutMs);
      return reply;
    };
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  private once(opcode: number, args: Uint8Array, timeoutMs: number): Promise<Result<Uint8Array>> {
    if (!this.link.isOpen) return Promise.resolve(err('link-closed', 'the link is closed'));
    const requestId = this.nextRequestId;
    this.nextRequestId = (this.nextRequestId + 1) & 0xffff;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.requestId !== requestId) return;
        this.pending = null;
        this.counters.commandTimeouts++;
        resolve(err('timeout', `no reply to ${opcodeName(opcode) ?? `opcode 0x${opcode.toString(16)}`} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending = { requestId, opcode, resolve, timer };
      this.counters.commandsSent++;
      const frame = encodeCommandFrame(requestId, opcode, args);
      // One leading delimiter on the first command flushes whatever the board's receiver held.
      if (!this.flushed) {
        this.flushed = true;
        this.link.write(Uint8Array.of(0, ...frame));
      } else this.link.write(frame);
    });
  }

  /**
   * Asks for the identity until the board answers or `timeoutMs` passes (a board that is resetting
   * misses the first requests). A HELLO frame arriving meanwhile also counts as the answer.
   */
  async handshake(timeoutMs: number): Promise<Result<BoardIdentity>> {
    const deadline = Date.now() + timeoutMs;
    let last: Result<Uint8Array> = err('timeout', 'no reply');
    while (Date.now() < deadline) {
      const wait = Math.max(50, Math.min(300, deadline - Date.now()));
      last = await this.command(Opcode.getIdentity, undefined, wait);
      if (last.ok) {
        const identity = parseIdentityBody(last.value);
        return identity ? ok(identity) : err('bad-reply', 'the identity reply has the wrong length');
      }
      if (this.lastHello) return ok(this.lastHello);
      if (last.code === 'link-closed') return err('link-closed', last.message);
      if (last.code.startsWith('nack')) return err('bad-reply', last.message);
    }
    return err('no-answer', last.message);
  }

  async readCalibration(): Promise<Result<CalibrationCoefficients>> {
    const reply = await this.command(Opcode.readCalibration);
    if (!reply.ok) return reply;
    const c = parseCalibrationBody(reply.value);
    return c ? ok(c) : err('bad-reply', 'the calibration reply has the wrong length');
  }

  async writeCalibration(c: CalibrationCoefficients): Promise<Result<void>> {
    const reply = await this.command(Opcode.writeCalibration, encodeCalibrationBody(c));
    return reply.ok ? ok(undefined) : reply;
  }

  /** Runs a command whose ACK carries nothing. */
  async simple(opcode: number, args?: Uint8Array, timeoutMs?: number): Promise<Result<void>> {
    const reply = await this.command(opcode, args, timeoutMs);
    return reply.ok ? ok(undefined) : reply;
  }

  /** Stops listening to the link (does not close it). */
  detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe.length = 0;
    const p = this.pending;
    if (p) {
      clearTimeout(p.timer);
      this.pending = null;
      p.resolve(err('link-closed', 'the session ended'));
    }
  }
}

