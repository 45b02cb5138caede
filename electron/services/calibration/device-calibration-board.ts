// The board the device manager is connected to, as a CalibrationBoard. The device manager hands out
// calibrated samples in batches (with the coefficients the board holds); the calibration steps need raw
// counts, which are rebuilt exactly from those samples and coefficients (countsFromPhysical), the phase
// correction in force being carried along. Verification uses the metrics the board computes itself, so
// that what is verified is the board's own arithmetic with the new coefficients.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import { measurementFromMetrics } from '../../../shared/calibration/board-measurement';
import { countsFromPhysical } from '../../../shared/calibration/raw-readings';
import type { BoardMeasurement } from '../../../shared/calibration/verification';
import type { DeviceBatch } from '../../../shared/protocol/device-types';
import type { BoardIdentity, BoardMetrics, CalibrationCoefficients } from '../../../shared/protocol/frames';
import type { DeviceManager } from '../device/device-manager';
import type { CalibrationBoard, RawCapture } from './calibration-board';

export type CalibrationDevice = Pick<DeviceManager, 'getStatus' | 'onBatch' | 'startStreaming' | 'readCalibration' | 'writeCalibration' | 'storeCalibration' | 'setSamplesPerPeriod'>;

/** Longest wait for the next batch before a measurement gives up, ms. */
const BATCH_SILENCE_MS = 2000;

export interface DeviceCalibrationBoardOptions {
  /**
   * Data from the first `settleMs` after a measurement starts is not used: it may have been sampled before
   * the load was switched (link latency, a batch in the making) or during the switch's transient.
   */
  settleMs?: number;
}

export class DeviceCalibrationBoard implements CalibrationBoard {
  private current: BoardIdentity;
  private readonly settleMs: number;

  private constructor(
    private readonly device: CalibrationDevice,
    identity: BoardIdentity,
    options: DeviceCalibrationBoardOptions,
  ) {
    this.current = identity;
    this.settleMs = options.settleMs ?? 100;
  }

  /** The connected board, if it speaks the binary protocol (the text mode has no coefficients to write). */
  static fromDevice(device: CalibrationDevice, options: DeviceCalibrationBoardOptions = {}): Result<DeviceCalibrationBoard> {
    const status = device.getStatus();
    if (status.state !== 'connected' && status.state !== 'streaming') return err('not-connected', 'Connect the board before calibrating it.');
    if (status.mode !== 'binary' || !status.identity) return err('text-mode', 'This board sends text lines: calibration needs a board that speaks protocol v1.');
    return ok(new DeviceCalibrationBoard(device, status.identity, options));
  }

  identity(): BoardIdentity {
    return { ...this.current };
  }

  async captureRaw(durationS: number, signal?: AbortSignal): Promise<Result<RawCapture>> {
    const status = this.device.getStatus();
    const c = status.calibration;
    const rate = status.sampleRateHz;
    if (!c || !rate) return err('not-connected', 'The board is not connected.');
    const wanted = Math.ceil(durationS * rate);
    let v: number[] = [];
    let i: number[] = [];
    let gaps = 0;
    const collected = await this.collect(durationS, signal, (batch, startMs) => {
      if (batch.sampleRateHz !== rate || firstSampleMs(batch) < startMs) return false;
      for (let k = 0; k < batch.voltageV.length; k++) {
        const a = batch.voltageV[k];
        const b = batch.currentA[k];
        // A lost block breaks the waveform: start again after it rather than bridge the gap.
        if (!Number.isFinite(a) || !Number.isFinite(b)) {
          gaps++;
          v = [];
          i = [];
          continue;
        }
        v.push(a);
        i.push(b);
      }
      return v.length >= wanted;
    });
    if (!collected.ok) return err(collected.code, gaps > 0 ? `${collected.message} (${gaps} samples were lost on the link)` : collected.message);
    return ok({ samples: countsFromPhysical(v, i, c), sampleRateHz: rate, samplesPerPeriod: this.current.samplesPerPeriod, appliedPhaseCorrectionDeg: c.phaseCorrectionDeg });
  }

  async measure(durationS: number, signal?: AbortSignal): Promise<Result<BoardMeasurement>> {
    const nominalHz = this.current.nominalFrequencyHz;
    const wantedPeriods = Math.max(1, Math.round(durationS * nominalHz));
    const frames: BoardMetrics[] = [];
    const collected = await this.collect(durationS, signal, (batch, startMs) => {
      // A metrics frame covers the periods before it arrived: it counts only if they all came after the start.
      for (const f of batch.boardMetrics) if (firstSampleMs(batch) - (f.periodCount / nominalHz) * 1000 >= startMs) frames.push(f);
      return frames.reduce((s, f) => s + f.periodCount, 0) >= wantedPeriods;
    });
    if (!collected.ok) return collected;
    return measurementFromMetrics(frames, this.current.samplesPerPeriod, nominalHz);
  }

  readCalibration(): Promise<Result<CalibrationCoefficients>> {
    return this.device.readCalibration();
  }

  async writeCalibration(c: CalibrationCoefficients): Promise<Result<null>> {
    const r = await this.device.writeCalibration(c);
    return r.ok ? ok(null) : err(r.code, sentence(r.message));
  }

  async storeCalibration(): Promise<Result<null>> {
    const r = await this.device.storeCalibration();
    return r.ok ? ok(null) : err(r.code, sentence(r.message));
  }

  async setSamplesPerPeriod(samplesPerPeriod: number): Promise<Result<null>> {
    if (samplesPerPeriod !== 64 && samplesPerPeriod !== 128) return err('bad-rate', `The board samples at 64 or 128 samples per period, not ${samplesPerPeriod}.`);
    const r = await this.device.setSamplesPerPeriod(samplesPerPeriod);
    if (!r.ok) return err(r.code, sentence(r.message));
    this.current = r.value;
    return ok(null);
  }

  /** What the device manager last said, when it is not simply streaming (" (link lost: …)"). */
  private statusNote(): string {
    const status = this.device.getStatus();
    return status.state !== 'streaming' && status.message ? ` (${status.message})` : '';
  }

  /**
   * Feeds batches to `take` until it says it has enough; `take` gets the time (Date.now() clock) from which
   * data counts: the start of the measurement plus the settling time.
   */
  private async collect(durationS: number, signal: AbortSignal | undefined, take: (batch: DeviceBatch, startMs: number) => boolean): Promise<Result<null>> {
    if (this.device.getStatus().state === 'connected') {
      const started = await this.device.startStreaming();
      if (!started.ok) return err(started.code, `The board did not start streaming: ${started.message}`);
    }
    const deadlineMs = durationS * 1000 + this.settleMs + 5 * BATCH_SILENCE_MS;
    const startMs = Date.now() + this.settleMs;
    return new Promise((resolve) => {
      let silence: ReturnType<typeof setTimeout> | undefined;
      const finish = (r: Result<null>) => {
        clearTimeout(silence);
        clearTimeout(overall);
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const armSilence = () => {
        clearTimeout(silence);
        silence = setTimeout(() => finish(err('no-data', `The board sent nothing for ${BATCH_SILENCE_MS / 1000} s: check that it is connected and streaming${this.statusNote()}.`)), BATCH_SILENCE_MS);
      };
      const overall = setTimeout(() => finish(err('no-data', `The board did not send enough data for the measurement window${this.statusNote()}.`)), deadlineMs);
      const onAbort = () => finish(err('cancelled', 'The measurement was cancelled.'));
      signal?.addEventListener('abort', onAbort);
      const unsubscribe = this.device.onBatch((batch) => {
        armSilence();
        if (take(batch, startMs)) finish(ok(null));
      });
      armSilence();
    });
  }
}

/** When the batch's oldest sample arrived, approximately (its newest arrived at receivedAtMs). */
function firstSampleMs(batch: DeviceBatch): number {
  return batch.receivedAtMs - (batch.voltageV.length / batch.sampleRateHz) * 1000;
}

/** Device messages are lower-case fragments; the session quotes them inside sentences. */
function sentence(message: string): string {
  const m = message.trim();
  if (!m) return 'no reason given.';
  return `${m[0].toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? '' : '.'}`;
}
