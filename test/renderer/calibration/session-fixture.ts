// A calibration session state as the back end sends it, for renderer tests: measuring, with or without
// fitted gains, or applied.
import type { CalibrationSessionState } from '../../../shared/calibration/calibration-api';
import { CalibrationSessionStateSchema } from '../../../shared/calibration/calibration-api';

const COEFFICIENTS = { voltageGainVPerCount: 0.8, voltageOffsetCounts: 512, currentGainAPerCount: 0.3, currentOffsetCounts: 512, phaseCorrectionDeg: 0 };

export function sessionState(options: { withGains?: boolean; status?: CalibrationSessionState['status'] } = {}): CalibrationSessionState {
  const gain = (g: number) => ({ points: [{ boardRawRms: 287.5, reference: 230, durationS: 1 }], gain: g, residualsPercent: [0], rmsResidualPercent: 0 });
  return CalibrationSessionStateSchema.parse({
    id: 'cal-test',
    status: options.status ?? 'measuring',
    busy: false,
    board: { boardSerial: '4D50564D00000001', firmwareVersion: '1.0.0', protocolVersion: 1, adcBits: 10, nominalFrequencyHz: 50, samplesPerPeriod: 128 },
    reference: { kind: 'typed', instrument: 'Fluke 1736' },
    accuracy: { accuracyClass: '1', connection: 'direct', basicCurrentA: 10, maxCurrentA: 100 },
    windowS: 1,
    previousCoefficients: COEFFICIENTS,
    readings: { zero: [], voltage: [], current: [], phase: [], unity: [] },
    steps: options.withGains ? { zero: { voltageOffsetCounts: 515, currentOffsetCounts: 510, currentNoiseRmsCounts: 0.5 }, voltage: gain(0.782), current: gain(0.31), currentSign: 1 } : {},
    proposed: options.withGains ? { ...COEFFICIENTS, voltageGainVPerCount: 0.782, currentGainAPerCount: 0.31 } : null,
    proposedProblem: options.withGains ? null : 'The voltage gain step has not been done.',
    verification: { points: [], tables: [], verdict: { verdict: 'incomplete', reasons: [], judgedRows: 0 } },
  });
}
