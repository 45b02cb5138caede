// What a calibration session needs from a board, whatever carries it: the device manager's connection to
// a real board, the virtual meter on a pseudo-terminal, or the virtual meter in-process. Every call is a
// result: a board that does not answer or refuses (NACK) is an expected failure with a message.
import type { Result } from '../../../shared/api/result';
import type { BoardMeasurement } from '../../../shared/calibration/verification';
import type { BoardIdentity, CalibrationCoefficients } from '../../../shared/protocol/frames';

export interface RawCapture {
  /**
   * Interleaved counts v0, i0, v1, i1, ...: the ADC's own, or rebuilt from calibrated samples
   * (raw-readings.ts countsFromPhysical), in which case the current carries a phase correction.
   */
  samples: ArrayLike<number>;
  sampleRateHz: number;
  samplesPerPeriod: number;
  /** Phase correction already applied to the current in `samples` (0 for the ADC's own counts). */
  appliedPhaseCorrectionDeg: number;
}

export interface CalibrationBoard {
  /** Who the board is; `samplesPerPeriod` follows setSamplesPerPeriod. */
  identity(): BoardIdentity;
  /** Raw samples over at least `durationS` seconds at the current sampling rate. */
  captureRaw(durationS: number, signal?: AbortSignal): Promise<Result<RawCapture>>;
  /** The board's own readings over `durationS` seconds, with the coefficients it holds now. */
  measure(durationS: number, signal?: AbortSignal): Promise<Result<BoardMeasurement>>;
  readCalibration(): Promise<Result<CalibrationCoefficients>>;
  /** Loads coefficients into the board's working memory (protocol writeCalibration). */
  writeCalibration(c: CalibrationCoefficients): Promise<Result<null>>;
  /** Stores the working coefficients in EEPROM (protocol storeCalibration). */
  storeCalibration(): Promise<Result<null>>;
  setSamplesPerPeriod(samplesPerPeriod: number): Promise<Result<null>>;
}
