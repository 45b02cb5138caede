// The built-in virtual meter: a simulated acquisition board that speaks protocol v1 (or the text mode)
// over any ByteLink — in memory for the demo, on a pseudo-terminal for tests, so the app's real serial
// path is exercised. It streams at the real rate, answers commands as resources/firmware/PROTOCOL.md says,
// computes its own metrics with the coefficients it was given, and keeps an "EEPROM" in memory.
import type { BoardIdentity, BoardMetrics, CalibrationCoefficients, Frame } from '../../../shared/protocol/frames';
import { FrameType, NackCode, Opcode, OPCODE_LENGTHS, PROTOCOL_VERSION, SAMPLE_FLAG_ADC_OVERRUN, TemperatureStatus } from '../../../shared/protocol/frames';
import { FrameDecoder } from '../../../shared/protocol/decoder';
import {
  encodeAckFrame,
  encodeCalibrationBody,
  encodeHelloFrame,
  encodeIdentityBody,
  encodeMetricsFrame,
  encodeNackFrame,
  encodeSamplesFrame,
  encodeTemperatureFrame,
} from '../../../shared/protocol/encode-frame';
import { parseCalibrationBody } from '../../../shared/protocol/parse-frame';
import type { AdcBoardModel } from '../../../shared/signal/adc-model';
import { defaultBoardModel, idealCalibration, nominalCalibration, sampleBoard } from '../../../shared/signal/adc-model';
import { calibrationProblem } from '../../../shared/signal/calibration';
import { SampleCalibrator } from '../../../shared/signal/fractional-delay';
import { MeasurementStream } from '../../../shared/signal/measurement-stream';
import type { LoadSpec, MainsSpec, WaveformScenario, WaveformTruth } from '../../../shared/signal/waveform';
import { MAINS_PRESETS, scenarioTruth } from '../../../shared/signal/waveform';
import type { ByteLink } from '../device/byte-link';

export interface VirtualMeterOptions {
  /** 16 hex digits. */
  boardSerial?: string;
  firmwareVersion?: string;
  mains?: MainsSpec;
  load?: LoadSpec;
  board?: AdcBoardModel;
  samplesPerPeriod?: 64 | 128;
  blockPairs?: number;
  /** 'text' prints "V:…,I:…" lines like an Arduino sketch and ignores commands. */
  mode?: 'binary' | 'text';
  /** What the "EEPROM" holds at power-up: the design values (errors show) or the ideal ones. */
  calibration?: 'nominal' | 'ideal' | CalibrationCoefficients;
  temperatureC?: number;
  /** A board that never answers (for the hostile-input tests). */
  mute?: boolean;
  /** Streaming timer period, ms. */
  tickMs?: number;
}

export interface VirtualMeterCounters {
  framesSent: number;
  samplesSent: number;
  commandsReceived: number;
  nacksSent: number;
  resets: number;
}

export const DEFAULT_VIRTUAL_SERIAL = '4D50564D00000001'; // "MPVM" + 1

/** Nominal mains frequency the board's timer is set for: 50 or 60 Hz, whichever is nearer. */
export function nominalFrequencyOf(mains: MainsSpec): 50 | 60 {
  return Math.abs(mains.frequencyHz - 60) < Math.abs(mains.frequencyHz - 50) ? 60 : 50;
}

export class VirtualMeter {
  readonly counters: VirtualMeterCounters = { framesSent: 0, samplesSent: 0, commandsReceived: 0, nacksSent: 0, resets: 0 };
  readonly boardSerial: string;
  readonly firmwareVersion: string;
  readonly mode: 'binary' | 'text';
  private readonly board: AdcBoardModel;
  private mains: MainsSpec;
  private load: LoadSpec;
  private samplesPerPeriod: 64 | 128;
  private readonly blockPairs: number;
  private readonly mute: boolean;
  private readonly tickMs: number;
  private readonly temperatureC: number;
  private eeprom: CalibrationCoefficients;
  private inUse: CalibrationCoefficients;
  private link: ByteLink | null = null;
  private unsubscribe: (() => void)[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private streaming = false;
  private streamStartMs = 0;
  private streamSamplesDone = 0;
  /** Sample index of the waveform (the board's clock since power-up, in samples). */
  private waveIndex = 0;
  private sampleSeq = 0;
  private metricsSeq = 0;
  private lastTemperatureMs = 0;
  private overrun = false;
  private corruptFrames = 0;
  private calibrator!: SampleCalibrator;
  private metricsStream!: MeasurementStream;
  private decoder: FrameDecoder | null = null;

  constructor(options: VirtualMeterOptions = {}) {
    this.boardSerial = (options.boardSerial ?? DEFAULT_VIRTUAL_SERIAL).toUpperCase();
    this.firmwareVersion = options.firmwareVersion ?? '1.0.0';
    this.mode = options.mode ?? 'binary';
    this.board = options.board ?? defaultBoardModel();
    this.mains = options.mains ?? MAINS_PRESETS['230V-50Hz'];
    this.load = options.load ?? { kind: 'resistive', powerW: 2300 };
    this.samplesPerPeriod = options.samplesPerPeriod ?? 128;
    this.blockPairs = options.blockPairs ?? 32;
    this.mute = options.mute ?? false;
    this.tickMs = options.tickMs ?? 5;
    this.temperatureC = options.temperatureC ?? 24.5;
    const c = options.calibration ?? 'nominal';
    this.eeprom = c === 'nominal' ? nominalCalibration(this.board) : c === 'ideal' ? idealCalibration(this.board) : { ...c };
    this.inUse = { ...this.eeprom };
    this.restartMetrics();
  }

  get nominalFrequencyHz(): 50 | 60 {
    return nominalFrequencyOf(this.mains);
  }

  get sampleRateHz(): number {
    return this.samplesPerPeriod * this.nominalFrequencyHz;
  }

  get identity(): BoardIdentity {
    return {
      protocolVersion: PROTOCOL_VERSION,
      firmwareVersion: this.firmwareVersion,
      boardSerial: this.boardSerial,
      channelCount: 2,
      samplesPerPeriod: this.samplesPerPeriod,
      adcBits: this.board.adcBits,
      nominalFrequencyHz: this.nominalFrequencyHz,
      sampleRateHz: this.sampleRateHz,
      blockPairs: this.blockPairs,
      streaming: this.streaming,
    };
  }

  /** Coefficients in use (written by the host, not necessarily stored). */
  get calibration(): CalibrationCoefficients {
    return { ...this.inUse };
  }

  get storedCalibration(): CalibrationCoefficients {
    return { ...this.eeprom };
  }

  get isStreaming(): boolean {
    return this.streaming;
  }

  get scenario(): WaveformScenario {
    return { mains: this.mains, load: this.load };
  }

  /** The exact values the board is measuring (steady state). */
  truth(): WaveformTruth {
    return scenarioTruth(this.scenario);
  }

  setLoad(load: LoadSpec): void {
    this.load = load;
  }

  setMains(mains: MainsSpec): void {
    const before = this.sampleRateHz;
    this.mains = mains;
    if (this.sampleRateHz !== before) this.changeRate(before);
  }

  /** Damages the next n sample blocks on the wire (one byte each), to exercise the host's counters. */
  corruptNextSampleFrames(n: number): void {
    this.corruptFrames += n;
  }

  /** Powers the board up on a link: HELLO (binary), then commands are answered; text mode prints at once. */
  attach(link: ByteLink): void {
    this.detach();
    this.link = link;
    this.decoder = new FrameDecoder((frame) => this.onFrame(frame), { onRejected: (kind, frame) => this.onRejected(kind, frame) });
    this.unsubscribe.push(link.onData((chunk) => this.decoder?.push(chunk)));
    this.unsubscribe.push(link.onClose(() => this.detach()));
    this.powerUp();
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  /** Stops talking and forgets the link (does not close it). */
  detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.link = null;
    this.decoder = null;
    this.streaming = false;
  }

  private powerUp(): void {
    this.streaming = this.mode === 'text';
    this.sampleSeq = 0;
    this.metricsSeq = 0;
    this.inUse = { ...this.eeprom };
    this.restartMetrics();
    this.startStreamClock();
    if (this.mode === 'binary' && !this.mute) this.send(encodeHelloFrame(this.identity));
  }

  private restartMetrics(): void {
    this.calibrator = new SampleCalibrator(this.inUse, this.sampleRateHz, this.nominalFrequencyHz);
    this.metricsStream = new MeasurementStream({ sampleRateHz: this.sampleRateHz, nominalFrequencyHz: this.nominalFrequencyHz });
  }

  private startStreamClock(): void {
    this.streamStartMs = performance.now();
    this.streamSamplesDone = 0;
    this.lastTemperatureMs = this.streamStartMs;
  }

  private changeRate(oldRateHz: number): void {
    this.waveIndex = Math.round((this.waveIndex * this.sampleRateHz) / oldRateHz);
    this.restartMetrics();
    this.startStreamClock();
  }

  private send(bytes: Uint8Array): void {
    if (!this.link?.isOpen) return;
    this.link.write(bytes);
    this.counters.framesSent++;
  }

  private tick(): void {
    if (!this.streaming || !this.link?.isOpen) return;
    const now = performance.now();
    let due = Math.floor(((now - this.streamStartMs) * this.sampleRateHz) / 1000) - this.streamSamplesDone;
    // More than a second behind (the process was stopped): a real board's ADC would have overrun.
    if (due > this.sampleRateHz) {
      const skip = due - this.blockPairs;
      this.streamSamplesDone += skip;
      this.waveIndex += skip;
      due -= skip;
      this.overrun = true;
    }
    const out: Uint8Array[] = [];
    while (due >= this.blockPairs) {
      const raw = sampleBoard(this.scenario, this.board, this.sampleRateHz, this.waveIndex, this.blockPairs);
      this.waveIndex += this.blockPairs;
      this.streamSamplesDone += this.blockPairs;
      due -= this.blockPairs;
      if (this.mode === 'text') out.push(this.textLines(raw));
      else out.push(...this.binaryFrames(raw));
    }
    if (this.mode === 'binary' && now - this.lastTemperatureMs >= 1000) {
      this.lastTemperatureMs = now;
      const raw16thC = Math.round((this.temperatureC + 0.25 * Math.sin(now / 60_000)) * 16);
      out.push(encodeTemperatureFrame({ sensorIndex: 0, status: TemperatureStatus.ok, raw16thC }));
    }
    if (out.length === 0 || this.mute) return;
    const total = out.reduce((n, b) => n + b.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const b of out) {
      bytes.set(b, at);
      at += b.length;
    }
    this.link.write(bytes);
    this.counters.framesSent += out.length;
  }

  private binaryFrames(raw: Int16Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    const wire = encodeSamplesFrame({ sequence: this.sampleSeq, flags: this.overrun ? SAMPLE_FLAG_ADC_OVERRUN : 0, samples: raw });
    this.sampleSeq = (this.sampleSeq + 1) & 0xffff;
    this.overrun = false;
    if (this.corruptFrames > 0) {
      this.corruptFrames--;
      const k = wire.length >> 1;
      wire[k] = wire[k] ^ 0x01 || 0x02;
    }
    frames.push(wire);
    this.counters.samplesSent += raw.length >> 1;
    const { voltageV, currentA } = this.calibrator.push(raw);
    for (const m of this.metricsStream.push(voltageV, currentA)) {
      const metrics: BoardMetrics = {
        sequence: this.metricsSeq,
        periodCount: this.metricsStream.windowPeriods,
        vrmsV: m.vrmsV,
        irmsA: m.irmsA,
        activePowerW: m.activePowerW,
        apparentPowerVA: m.apparentPowerVA,
        reactivePowerVar: m.reactivePowerVar,
        powerFactor: Number.isFinite(m.powerFactor) ? m.powerFactor : 0,
        frequencyHz: Number.isFinite(m.frequencyHz) ? m.frequencyHz : 0,
        windowEnergyJ: m.activePowerW * m.durationS,
      };
      this.metricsSeq = (this.metricsSeq + 1) & 0xffff;
      frames.push(encodeMetricsFrame(metrics));
    }
    return frames;
  }

  /** The text mode prints calibrated values, as a sketch using EmonLib-style coefficients would. */
  private textLines(raw: Int16Array): Uint8Array {
    const c = this.inUse;
    let text = '';
    for (let k = 0; k < raw.length; k += 2) {
      const v = c.voltageGainVPerCount * (raw[k] - c.voltageOffsetCounts);
      const i = c.currentGainAPerCount * (raw[k + 1] - c.currentOffsetCounts);
      text += `V:${v.toFixed(2)},I:${i.toFixed(3)}\n`;
    }
    this.counters.samplesSent += raw.length >> 1;
    return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  }

  private onRejected(kind: 'crc' | 'malformed', frame: Uint8Array): void {
    if (this.mode !== 'binary' || this.mute || frame[0] !== FrameType.command || frame.length < 4) return;
    const requestId = frame[1] | (frame[2] << 8);
    const opcode = frame[3];
    if (kind === 'crc') this.nack(requestId, opcode, NackCode.badCrc);
    else if (OPCODE_LENGTHS[opcode]) this.nack(requestId, opcode, NackCode.badLength);
  }

  private nack(requestId: number, opcode: number, code: number): void {
    this.counters.nacksSent++;
    this.send(encodeNackFrame(requestId, opcode, code));
  }

  private onFrame(frame: Frame): void {
    if (frame.type !== 'command' || this.mode !== 'binary' || this.mute) return;
    this.counters.commandsReceived++;
    const { requestId, opcode, args } = frame.command;
    const ack = (payload?: Uint8Array) => this.send(encodeAckFrame(requestId, opcode, payload));
    switch (opcode) {
      case Opcode.ping:
        return ack();
      case Opcode.getIdentity:
        return ack(encodeIdentityBody(this.identity));
      case Opcode.startStreaming:
        if (!this.streaming) this.startStreamClock();
        this.streaming = true;
        return ack();
      case Opcode.stopStreaming:
        this.streaming = false;
        return ack();
      case Opcode.setSamplesPerPeriod: {
        const spp = args[0];
        if (spp !== 64 && spp !== 128) return this.nack(requestId, opcode, NackCode.outOfRange);
        const before = this.sampleRateHz;
        this.samplesPerPeriod = spp;
        if (this.sampleRateHz !== before) this.changeRate(before);
        return ack();
      }
      case Opcode.readCalibration:
        return ack(encodeCalibrationBody(this.inUse));
      case Opcode.writeCalibration: {
        const c = parseCalibrationBody(args);
        if (!c || calibrationProblem(c)) return this.nack(requestId, opcode, NackCode.outOfRange);
        // The board holds float32: keep exactly what it could hold, so a read-back matches bit for bit.
        this.inUse = c;
        this.restartMetrics();
        return ack();
      }
      case Opcode.storeCalibration:
        this.eeprom = { ...this.inUse };
        // A real EEPROM write of 20 bytes takes about 70 ms (3.3 ms per byte, ATmega328P datasheet §8.4).
        setTimeout(() => ack(), 70);
        return;
      case Opcode.reset:
        ack();
        this.counters.resets++;
        this.streaming = false;
        setTimeout(() => {
          if (this.link) this.powerUp();
        }, 50);
        return;
      case Opcode.identify:
        return ack();
      default:
        return this.nack(requestId, opcode, NackCode.unknownOpcode);
    }
  }
}
