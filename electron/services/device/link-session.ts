// One open link to a board, identified and ready: the binary protocol session or the text-line reader,
// feeding a SamplePipeline. Created by the device manager on connect and on each reconnect.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { LinkMode, LinkStats } from '../../../shared/protocol/device-types';
import type { BoardIdentity, CalibrationCoefficients, Frame } from '../../../shared/protocol/frames';
import { PROTOCOL_VERSION, SAMPLE_FLAG_ADC_OVERRUN } from '../../../shared/protocol/frames';
import { TextLineDecoder } from '../../../shared/protocol/text-lines';
import { IDENTITY_CALIBRATION } from '../../../shared/signal/calibration';
import { BoardSession } from './board-session';
import type { ByteLink } from './byte-link';
import { SamplePipeline } from './sample-pipeline';

/** How long the text mode listens before estimating the sampling rate from the line rate. */
const TEXT_RATE_ESTIMATE_MS = 1000;

export interface SessionEvents {
  /** The board announced a reset (HELLO while connected). */
  onBoardReset(identity: BoardIdentity): void;
}

export class LinkSession {
  lastDataMs = Date.now();
  pipeline: SamplePipeline | null = null;
  identity: BoardIdentity | null = null;
  calibration: CalibrationCoefficients | null = null;
  streaming = false;
  readonly board: BoardSession | null;
  private readonly text: TextLineDecoder | null;
  private lastLostFrames = 0;
  private textBuffer: { v: number[]; i: number[]; firstMs: number } | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  events: SessionEvents | null = null;

  private constructor(
    readonly link: ByteLink,
    readonly mode: LinkMode,
    private readonly textOptions: { sampleRateHz?: number; nominalFrequencyHz: number },
  ) {
    this.unsubscribe.push(link.onData(() => (this.lastDataMs = Date.now())));
    if (mode === 'binary') {
      this.board = new BoardSession(link, (frame) => this.onFrame(frame));
      this.text = null;
    } else {
      this.board = null;
      this.text = new TextLineDecoder((values) => this.onTextValues(values));
      this.unsubscribe.push(link.onData((chunk) => this.text?.push(chunk)));
      this.streaming = true;
      if (textOptions.sampleRateHz) this.pipeline = this.textPipeline(textOptions.sampleRateHz);
    }
  }

  /** Opens the session on an open link: handshake and calibration for binary, nothing for text. */
  static async start(
    link: ByteLink,
    mode: LinkMode,
    handshakeTimeoutMs: number,
    textOptions: { sampleRateHz?: number; nominalFrequencyHz: number } = { nominalFrequencyHz: 50 },
  ): Promise<Result<LinkSession>> {
    const session = new LinkSession(link, mode, textOptions);
    if (mode === 'text' || !session.board) return ok(session);
    const identity = await session.board.handshake(handshakeTimeoutMs);
    if (!identity.ok) {
      const stats = session.board.decoder.stats;
      const heard =
        stats.bytesReceived === 0
          ? 'nothing came back'
          : stats.framesDecoded === 0
            ? `${stats.bytesReceived} bytes came back but no valid frame (wrong baud rate, or a board in text mode?)`
            : 'frames came back but no identity';
      return err(identity.code === 'no-answer' ? 'no-answer' : identity.code, `the board did not answer on ${link.path} within ${handshakeTimeoutMs} ms: ${heard}`);
    }
    if (identity.value.protocolVersion !== PROTOCOL_VERSION) {
      return err('protocol-version', `the board speaks protocol v${identity.value.protocolVersion}; this version of Meterplan speaks v${PROTOCOL_VERSION}`);
    }
    const calibration = await session.board.readCalibration();
    if (!calibration.ok) return err(calibration.code, `the board did not give its calibration: ${calibration.message}`);
    session.identity = identity.value;
    session.calibration = calibration.value;
    session.streaming = identity.value.streaming;
    session.pipeline = session.binaryPipeline();
    return ok(session);
  }

  binaryPipeline(): SamplePipeline {
    const id = this.identity as BoardIdentity;
    return new SamplePipeline({ sampleRateHz: id.sampleRateHz, nominalFrequencyHz: id.nominalFrequencyHz, calibration: this.calibration ?? IDENTITY_CALIBRATION });
  }

  private textPipeline(sampleRateHz: number): SamplePipeline {
    return new SamplePipeline({ sampleRateHz, nominalFrequencyHz: this.textOptions.nominalFrequencyHz, calibration: IDENTITY_CALIBRATION });
  }

  get sampleRateHz(): number | null {
    return this.pipeline?.sampleRateHz ?? null;
  }

  private onFrame(frame: Frame): void {
    const pipeline = this.pipeline;
    switch (frame.type) {
      case 'samples': {
        if (!pipeline || !this.board) return;
        const lost = this.board.decoder.stats.lostFrames - this.lastLostFrames;
        this.lastLostFrames = this.board.decoder.stats.lostFrames;
        if (lost > 0) pipeline.markGap(lost * (frame.block.samples.length >> 1));
        // The board lost samples before this block (ADC overrun): no window may span the hole.
        else if (frame.block.flags & SAMPLE_FLAG_ADC_OVERRUN) pipeline.restart();
        pipeline.pushRaw(frame.block.samples, Date.now());
        return;
      }
      case 'metrics':
        pipeline?.addBoardMetrics(frame.metrics);
        return;
      case 'temperature':
        pipeline?.addTemperature(frame.reading);
        return;
      case 'hello':
        if (this.identity) this.events?.onBoardReset(frame.identity);
        return;
      default:
        return;
    }
  }

  private onTextValues(values: number[]): void {
    const v = values[0] ?? Number.NaN;
    const i = values[1] ?? 0;
    const now = Date.now();
    if (this.pipeline) {
      this.pipeline.pushPhysical([v], [i], now);
      return;
    }
    // No rate given: listen a while, estimate it from the line rate, then replay what was heard.
    this.textBuffer ??= { v: [], i: [], firstMs: now };
    this.textBuffer.v.push(v);
    this.textBuffer.i.push(i);
    const elapsedMs = now - this.textBuffer.firstMs;
    if (elapsedMs >= TEXT_RATE_ESTIMATE_MS && this.textBuffer.v.length > 10) {
      const rate = ((this.textBuffer.v.length - 1) * 1000) / elapsedMs;
      this.pipeline = this.textPipeline(Math.round(rate));
      this.pipeline.pushPhysical(this.textBuffer.v, this.textBuffer.i, now);
      this.textBuffer = null;
    }
  }

  /** This session's counters in the LinkStats shape (to be added to earlier sessions' totals). */
  stats(): LinkStats {
    const d = this.board?.decoder.stats;
    const t = this.text?.stats;
    const c = this.board?.counters;
    return {
      bytesReceived: d?.bytesReceived ?? t?.bytesReceived ?? 0,
      framesDecoded: d?.framesDecoded ?? 0,
      crcErrors: d?.crcErrors ?? 0,
      malformedFrames: d?.malformedFrames ?? 0,
      lostFrames: d?.lostFrames ?? 0,
      bytesDiscarded: d?.bytesDiscarded ?? t?.bytesDiscarded ?? 0,
      resyncs: d?.resyncs ?? 0,
      sequenceRestarts: d?.sequenceRestarts ?? 0,
      linesDecoded: t?.linesDecoded ?? 0,
      malformedLines: t?.malformedLines ?? 0,
      samplesReceived: this.samplesReceived(),
      commandsSent: c?.commandsSent ?? 0,
      commandTimeouts: c?.commandTimeouts ?? 0,
      nacks: c?.nacks ?? 0,
      linkLosses: 0,
      reconnects: 0,
    };
  }

  private samplesReceived(): number {
    if (this.text) return this.text.stats.linesDecoded;
    return this.pipeline?.samplesAccepted ?? 0;
  }

  /** Stops listening and closes the link. */
  async close(): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.board?.detach();
    await this.link.close();
  }
}
