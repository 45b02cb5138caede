// A CalibrationBoard made of the synthetic counts of test/shared/calibration/synthetic-board.ts: known
// gain, offset and phase errors, a load the test switches, working and EEPROM coefficients, and the
// board's range check on writes (NACK outOfRange, old values kept) — plus switches to make it refuse.
import { err, ok } from '../../../shared/api/result';
import type { Result } from '../../../shared/api/result';
import { measurementFromCounts } from '../../../shared/calibration/board-measurement';
import type { BoardMeasurement } from '../../../shared/calibration/verification';
import type { BoardIdentity, CalibrationCoefficients } from '../../../shared/protocol/frames';
import { calibrationProblem, IDENTITY_CALIBRATION } from '../../../shared/signal/calibration';
import type { LoadSpec, WaveformScenario } from '../../../shared/signal/waveform';
import type { CalibrationBoard, RawCapture } from '../../../electron/services/calibration/calibration-board';
import type { BoardErrors } from '../../shared/calibration/synthetic-board';
import { boardCounts, TEST_ERRORS } from '../../shared/calibration/synthetic-board';

export class SyntheticCalibrationBoard implements CalibrationBoard {
  load: LoadSpec = { kind: 'none' };
  working: CalibrationCoefficients = { ...IDENTITY_CALIBRATION };
  eeprom: CalibrationCoefficients = { ...IDENTITY_CALIBRATION };
  rejectWrites = false;
  rejectStore = false;
  writes = 0;
  private spp = 64;
  private clockSample = 1000;

  constructor(
    readonly errors: BoardErrors = TEST_ERRORS,
    readonly mains = { vrmsV: 230, frequencyHz: 50 },
  ) {}

  scenario(): WaveformScenario {
    return { mains: this.mains, load: this.load };
  }

  identity(): BoardIdentity {
    return {
      protocolVersion: 1,
      firmwareVersion: '1.0.0',
      boardSerial: '00000000C0FFEE01',
      channelCount: 2,
      samplesPerPeriod: this.spp,
      adcBits: 10,
      nominalFrequencyHz: this.mains.frequencyHz,
      sampleRateHz: this.spp * this.mains.frequencyHz,
      blockPairs: 32,
      streaming: true,
    };
  }

  private counts(durationS: number): { counts: Int16Array; sampleRateHz: number } {
    const periods = Math.max(2, Math.round(durationS * this.mains.frequencyHz));
    const c = boardCounts(this.scenario(), this.spp, periods, this.errors, this.clockSample);
    this.clockSample += c.counts.length / 2;
    return c;
  }

  async captureRaw(durationS: number): Promise<Result<RawCapture>> {
    const { counts, sampleRateHz } = this.counts(durationS);
    return ok({ samples: counts, sampleRateHz, samplesPerPeriod: this.spp, appliedPhaseCorrectionDeg: 0 });
  }

  async measure(durationS: number): Promise<Result<BoardMeasurement>> {
    const { counts, sampleRateHz } = this.counts(durationS);
    return measurementFromCounts(counts, sampleRateHz, this.spp, this.mains.frequencyHz, this.working);
  }

  async readCalibration(): Promise<Result<CalibrationCoefficients>> {
    return ok({ ...this.working });
  }

  async writeCalibration(c: CalibrationCoefficients): Promise<Result<null>> {
    this.writes++;
    if (this.rejectWrites) return err('nack-busy', 'The board answered NACK (busy).');
    const problem = calibrationProblem(c);
    if (problem) return err('nack-outOfRange', `The board answered NACK (outOfRange): ${problem}.`);
    this.working = { ...c };
    return ok(null);
  }

  async storeCalibration(): Promise<Result<null>> {
    if (this.rejectStore) return err('nack-eepromFailure', 'The board answered NACK (eepromFailure).');
    this.eeprom = { ...this.working };
    return ok(null);
  }

  async setSamplesPerPeriod(samplesPerPeriod: number): Promise<Result<null>> {
    if (samplesPerPeriod !== 64 && samplesPerPeriod !== 128) return err('nack-outOfRange', 'The board answered NACK (outOfRange).');
    this.spp = samplesPerPeriod;
    return ok(null);
  }
}
