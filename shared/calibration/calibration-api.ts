// The calibration calls the wizard makes, and the session state it shows — typed and serialisable, in the
// shape of shared/api's method tables ({ args, result } schemas) so that registering them in the contract
// is one spread: `...calibrationMethods`, `...calibrationEvents`.
//
// A session walks the bench's steps (calibration-steps.ts); any step may be measured again (the wizard's
// "back"), which replaces its reading. `applyCalibration` writes the fitted coefficients to the board's
// RAM only; verification points are then measured with them; `finishCalibration` stores them in the
// board's EEPROM when the verdict is a pass and otherwise puts the previous coefficients back, and in both
// cases returns the record to save in the project.
import { z } from 'zod';
import { resultOf } from '../api/result';
import { CalibrationStepSchema, FitStepsSchema } from './calibration-steps';
import { AccuracyClassSpecSchema, CalibratedBoardSchema, CalibrationCoefficientsSchema, CalibrationRecordSchema } from './record';
import { ReferenceReadingSchema, ReferenceSourceSchema } from './reference-reading';
import { OverallVerdictSchema, VerificationRowSchema, VerificationTableSchema } from './verification';

export const RawBoardReadingSchema = z.object({
  samplesPerPeriod: z.number(),
  sampleRateHz: z.number(),
  periods: z.number(),
  durationS: z.number(),
  voltageMeanCounts: z.number(),
  currentMeanCounts: z.number(),
  vrmsCounts: z.number(),
  irmsCounts: z.number(),
  activePowerCounts2: z.number(),
  reactivePowerCounts2: z.number(),
  frequencyHz: z.number(),
  appliedPhaseCorrectionDeg: z.number(),
});

/** One measurement of a calibration step: what the board and the reference saw over the same window. */
export const StepReadingSchema = z.object({ raw: RawBoardReadingSchema, reference: ReferenceReadingSchema });
export type StepReading = z.infer<typeof StepReadingSchema>;

export const VerificationPointSchema = z.object({
  label: z.string(),
  samplesPerPeriod: z.number().int(),
  rows: z.array(VerificationRowSchema),
});
export type VerificationPoint = z.infer<typeof VerificationPointSchema>;

export const CalibrationSessionStateSchema = z.object({
  id: z.string(),
  status: z.enum(['measuring', 'applied', 'finished', 'cancelled']),
  /** An operation (a measurement, a write) is under way; other calls are refused meanwhile. */
  busy: z.boolean(),
  board: CalibratedBoardSchema,
  reference: ReferenceSourceSchema,
  accuracy: AccuracyClassSpecSchema,
  windowS: z.number(),
  previousCoefficients: CalibrationCoefficientsSchema,
  readings: z.object({
    zero: z.array(StepReadingSchema),
    voltage: z.array(StepReadingSchema),
    current: z.array(StepReadingSchema),
    phase: z.array(StepReadingSchema),
    unity: z.array(StepReadingSchema),
  }),
  steps: FitStepsSchema,
  /** Coefficients the completed steps give, or null with the reason. */
  proposed: CalibrationCoefficientsSchema.nullable(),
  proposedProblem: z.string().nullable(),
  verification: z.object({ points: z.array(VerificationPointSchema), tables: z.array(VerificationTableSchema), verdict: OverallVerdictSchema }),
});
export type CalibrationSessionState = z.infer<typeof CalibrationSessionStateSchema>;

/** Which board to calibrate: the connected board (by serial) or the built-in virtual meter. */
export const CalibrationBoardSelectorSchema = z.object({ boardSerial: z.string().optional() });

export const StartCalibrationArgsSchema = z.object({
  board: CalibrationBoardSelectorSchema.default({}),
  reference: ReferenceSourceSchema,
  accuracy: AccuracyClassSpecSchema,
  /** Measurement window of each step, seconds; board and reference are averaged over the same window. */
  windowS: z.number().min(0.1).max(60).default(1),
});
export type StartCalibrationArgs = z.input<typeof StartCalibrationArgsSchema>;

export const MeasureStepArgsSchema = z.object({
  step: CalibrationStepSchema,
  /** Replaces that point of a multi-point step (voltage, current); absent: adds a point (or replaces a one-point step). */
  pointIndex: z.number().int().nonnegative().optional(),
  /** The reference values typed by the engineer (required with a typed reference). */
  typed: ReferenceReadingSchema.optional(),
});
export type MeasureStepArgs = z.input<typeof MeasureStepArgsSchema>;

export const MeasureVerificationArgsSchema = z.object({
  label: z.string().min(1).max(100),
  samplesPerPeriod: z.union([z.literal(64), z.literal(128)]),
  character: z.enum(['inductive', 'capacitive']).optional(),
  typed: ReferenceReadingSchema.optional(),
});
export type MeasureVerificationArgs = z.input<typeof MeasureVerificationArgsSchema>;

export const FinishCalibrationArgsSchema = z.object({ operator: z.string().max(200).default(''), notes: z.string().max(4000).default('') });

const state = resultOf(CalibrationSessionStateSchema);

export const calibrationMethods = {
  startCalibration: { args: StartCalibrationArgsSchema, result: state },
  getCalibrationSession: { args: z.object({}).strict(), result: resultOf(CalibrationSessionStateSchema.nullable()) },
  measureCalibrationStep: { args: MeasureStepArgsSchema, result: state },
  removeCalibrationPoint: { args: z.object({ step: CalibrationStepSchema, pointIndex: z.number().int().nonnegative() }), result: state },
  applyCalibration: { args: z.object({}).strict(), result: state },
  measureVerificationPoint: { args: MeasureVerificationArgsSchema, result: state },
  removeVerificationPoint: { args: z.object({ index: z.number().int().nonnegative() }), result: state },
  finishCalibration: { args: FinishCalibrationArgsSchema, result: resultOf(CalibrationRecordSchema) },
  cancelCalibration: { args: z.object({}).strict(), result: resultOf(z.null()) },
  exportCalibrationCertificate: { args: z.object({ record: CalibrationRecordSchema, path: z.string().min(1) }), result: resultOf(z.object({ path: z.string(), bytes: z.number().int() })) },
} as const;

export const calibrationEvents = {
  calibrationSessionChanged: CalibrationSessionStateSchema.nullable(),
} as const;
