// Calibrations kept in the project file (DESIGN §2: "calibrations (coefficients, verification points,
// verdict)"): the wizard saves the record its session returned, the Calibrate area lists the project's
// past calibrations with their verdicts, and any of them prints its certificate again.
import { z } from 'zod';
import { CalibrationRecordSchema } from '../calibration/record';
import { resultOf } from './result';

const id = z.number().int().positive();
const path = z.string().min(1).max(4096);

/** One stored calibration as the list shows it, read without the verification tables. */
export const CalibrationSummarySchema = z.object({
  id,
  /** ISO 8601: when the calibration was completed (the record's completedAt). */
  createdAt: z.string(),
  boardSerial: z.string(),
  /** The verdict was a pass (the column, readable even when the record is not). */
  passed: z.boolean(),
  /** The rest comes from the record; null when it cannot be read, and `problem` says why. */
  verdict: z.enum(['pass', 'fail', 'incomplete']).nullable(),
  accuracyClass: z.enum(['1', '2']).nullable(),
  storedOnBoard: z.boolean().nullable(),
  /** The reference as the certificate names it ("Fluke 1736 (typed)", "Siemens SENTRON PAC3200 …"). */
  reference: z.string().nullable(),
  operator: z.string(),
  problem: z.string().nullable(),
});
export type CalibrationSummary = z.infer<typeof CalibrationSummarySchema>;

export const StoredCalibrationSchema = z.object({ id, createdAt: z.string(), record: CalibrationRecordSchema });
export type StoredCalibration = z.infer<typeof StoredCalibrationSchema>;

export const CertificateWrittenSchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });

export const calibrationStoreMethods = {
  /** Stores a finished calibration (the record finishCalibration returned) in the open project. */
  saveCalibration: { args: z.object({ record: CalibrationRecordSchema }), result: resultOf(z.object({ id })) },
  /** The project's calibrations, newest first; of one board when `boardSerial` is given. */
  listCalibrations: { args: z.object({ boardSerial: z.string().max(64).optional() }), result: resultOf(z.array(CalibrationSummarySchema)) },
  getCalibration: { args: z.object({ id }), result: resultOf(StoredCalibrationSchema) },
  /** The newest calibration of a board in the project, or null. */
  latestCalibration: { args: z.object({ boardSerial: z.string().min(1).max(64) }), result: resultOf(StoredCalibrationSchema.nullable()) },
  /** Writes the certificate of a stored calibration to an absolute path (replaced whole). */
  exportStoredCertificate: { args: z.object({ id, path }), result: resultOf(CertificateWrittenSchema) },
} as const;

export const calibrationStoreEvents = {} as const;
