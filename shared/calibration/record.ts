// A finished calibration as the project file stores it and the certificate prints it: who was
// calibrated against what, the coefficients before and after, how they were fitted, the verification
// tables and the verdict. Plain JSON (numbers, strings, arrays): it crosses IPC and is stored as one
// JSON column, validated with this schema when it is read back.
import { z } from 'zod';
import { FitStepsSchema } from './calibration-steps';
import { IEC_62053_21_EDITION } from './accuracy-class';
import { ReferenceSourceSchema } from './reference-reading';
import { OverallVerdictSchema, VerificationTableSchema } from './verification';

export const CALIBRATION_RECORD_VERSION = 1;

export const CalibrationCoefficientsSchema = z.object({
  voltageGainVPerCount: z.number(),
  voltageOffsetCounts: z.number(),
  currentGainAPerCount: z.number(),
  currentOffsetCounts: z.number(),
  phaseCorrectionDeg: z.number(),
});

/** The board as identified by its HELLO/getIdentity frame (shared/protocol/frames.ts BoardIdentity). */
export const CalibratedBoardSchema = z.object({
  boardSerial: z.string(),
  firmwareVersion: z.string(),
  protocolVersion: z.number().int(),
  adcBits: z.number().int(),
  nominalFrequencyHz: z.number(),
  /** Samples per period the calibration steps were measured at. */
  samplesPerPeriod: z.number().int(),
});
export type CalibratedBoard = z.infer<typeof CalibratedBoardSchema>;

export const AccuracyClassSpecSchema = z.object({
  accuracyClass: z.enum(['1', '2']),
  connection: z.enum(['direct', 'transformer']),
  basicCurrentA: z.number().positive(),
  maxCurrentA: z.number().positive(),
  includeSpecialRequest: z.boolean().optional(),
});

export const CalibrationRecordSchema = z.object({
  version: z.literal(CALIBRATION_RECORD_VERSION),
  /** ISO 8601 date and time the calibration was completed. */
  completedAt: z.string(),
  operator: z.string().max(200).default(''),
  notes: z.string().max(4000).default(''),
  board: CalibratedBoardSchema,
  reference: ReferenceSourceSchema,
  accuracy: AccuracyClassSpecSchema.extend({ standard: z.string().default(IEC_62053_21_EDITION) }),
  previousCoefficients: CalibrationCoefficientsSchema,
  coefficients: CalibrationCoefficientsSchema,
  steps: FitStepsSchema,
  verification: z.object({ tables: z.array(VerificationTableSchema), verdict: OverallVerdictSchema }),
  /**
   * True when the coefficients were stored in the board's EEPROM (only after a passing verification);
   * false when the board was put back on its previous coefficients.
   */
  storedOnBoard: z.boolean(),
});
export type CalibrationRecord = z.infer<typeof CalibrationRecordSchema>;
export type CalibrationRecordInput = z.input<typeof CalibrationRecordSchema>;

/** Parses a stored record (e.g. a JSON column read back), with a clear message when it does not fit. */
export function parseCalibrationRecord(json: unknown): { ok: true; value: CalibrationRecord } | { ok: false; code: string; message: string } {
  const parsed = CalibrationRecordSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, code: 'bad-calibration-record', message: `Stored calibration is malformed at ${first.path.join('.') || '(root)'}: ${first.message}` };
}
