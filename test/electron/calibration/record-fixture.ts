// A complete calibration record for the certificate and schema tests, built with the real verification
// functions so that its table is what a session would produce.
import type { CalibrationRecord } from '../../../shared/calibration/record';
import { CalibrationRecordSchema } from '../../../shared/calibration/record';
import type { AccuracyClassSpec } from '../../../shared/calibration/accuracy-class';
import type { BoardMeasurement } from '../../../shared/calibration/verification';
import { overallVerdict, tablesBySamplesPerPeriod, verificationRows } from '../../../shared/calibration/verification';

export const FIXTURE_SPEC: AccuracyClassSpec = { accuracyClass: '1', connection: 'direct', basicCurrentA: 5, maxCurrentA: 100 };

function board(spp: number, vrmsV: number, irmsA: number, activePowerW: number, powerFactor: number): BoardMeasurement {
  return { vrmsV, irmsA, activePowerW, reactivePowerVar: 0, powerFactor, frequencyHz: 50.0, samplesPerPeriod: spp, durationS: 1 };
}

export function fixtureRecord(boardErrorScale = 1): CalibrationRecord {
  const ref = (v: number, i: number, pf: number) => ({ voltageV: v, currentA: i, activePowerW: v * i * pf, powerFactor: pf, frequencyHz: 50, samples: 5, durationS: 1 });
  const e = (x: number) => 1 + (x / 100) * boardErrorScale;
  const rows = [64, 128].flatMap((spp) => [
    verificationRows({ label: 'Resistive 10 A', board: board(spp, 230 * e(0.1), 10 * e(0.2), 2300 * e(0.3), 1), reference: ref(230, 10, 1) }, { spec: FIXTURE_SPEC }),
    verificationRows({ label: 'Inductive 5 A, PF 0.5', board: board(spp, 230 * e(0.1), 5 * e(-0.2), 575 * e(0.8), 0.5 * e(0.5)), reference: ref(230, 5, 0.5) }, { spec: FIXTURE_SPEC }),
  ]).flat();
  const tables = tablesBySamplesPerPeriod(rows);
  return CalibrationRecordSchema.parse({
    version: 1,
    completedAt: '2025-03-14T09:26:53.000Z',
    operator: 'A. Technician',
    board: { boardSerial: '28FF4A1B2C3D4E5F', firmwareVersion: '1.2.0', protocolVersion: 1, adcBits: 10, nominalFrequencyHz: 50, samplesPerPeriod: 64 },
    reference: { kind: 'modbus', model: 'pac3200', link: { transport: 'tcp', host: '192.0.2.10', port: 502 }, unitId: 1, timeoutMs: 1000, instrument: 's/n LBN123456' },
    accuracy: { ...FIXTURE_SPEC },
    previousCoefficients: { voltageGainVPerCount: 1, voltageOffsetCounts: 0, currentGainAPerCount: 1, currentOffsetCounts: 0, phaseCorrectionDeg: 0 },
    coefficients: { voltageGainVPerCount: 0.900213, voltageOffsetCounts: 511.31, currentGainAPerCount: 0.0499871, currentOffsetCounts: 508.66, phaseCorrectionDeg: 2.503 },
    steps: {
      zero: { voltageOffsetCounts: 511.31, currentOffsetCounts: 508.66, currentNoiseRmsCounts: 0.41 },
      voltage: { points: [{ boardRawRms: 255.5, reference: 230, durationS: 0.2 }], gain: 0.900213, residualsPercent: [0], rmsResidualPercent: 0 },
      current: { points: [{ boardRawRms: 200.05, reference: 10, durationS: 0.2 }], gain: 0.0499871, residualsPercent: [0], rmsResidualPercent: 0 },
      currentSign: 1,
      phase: { boardAngleDeg: 57.5, referenceAngleDeg: 60, phaseErrorDeg: -2.503, phaseCorrectionDeg: 2.503, referencePowerFactor: 0.5, powerErrorBeforePercent: 7.78 },
      unity: { referenceActivePowerW: 2300, predictedActivePowerW: 2301.2, errorPercent: 0.052, referencePowerFactor: 1 },
    },
    verification: { tables, verdict: overallVerdict(tables) },
    storedOnBoard: overallVerdict(tables).verdict === 'pass',
  });
}
