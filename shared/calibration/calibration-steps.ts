// The calibration procedure as pure functions: each step takes the board's raw reading and the
// reference's reading over the same window and returns what it found; `assembleCoefficients` turns the
// steps into the coefficients written to the board. The order is the bench's (DESIGN.md §4.4):
//   zero (no load) → voltage gain → current gain at one or more resistive loads →
//   phase at an inductive load (PF ≈ 0.5) → check at unity power factor.
import { z } from 'zod';
import type { Result } from '../api/result';
import { err, ok } from '../api/result';
import type { CalibrationCoefficients } from '../protocol/frames';
import { calibrationProblem } from '../signal/calibration';
import { fitGainThroughOrigin, fitPhaseCorrection, powerErrorFromPhaseErrorPercent, rotatePowers } from '../signal/calibration-fit';
import type { FitWeighting } from '../signal/calibration-fit';
import type { RawBoardReading } from './raw-readings';
import type { ReferenceReading } from './reference-reading';
import { requirePositive, requirePowerFactor } from './reference-reading';

export const CalibrationStepSchema = z.enum(['zero', 'voltage', 'current', 'phase', 'unity']);
export type CalibrationStep = z.infer<typeof CalibrationStepSchema>;
export const CALIBRATION_STEPS: readonly CalibrationStep[] = CalibrationStepSchema.options;

/** A phase step above this power factor is refused: the phase error hardly shows in P near unity. */
export const PHASE_STEP_MAX_POWER_FACTOR = 0.9;

export const ZeroStepSchema = z.object({
  voltageOffsetCounts: z.number(),
  currentOffsetCounts: z.number(),
  /** RMS of the current channel with no load: the noise floor the smallest loads are measured over. */
  currentNoiseRmsCounts: z.number(),
});
export type ZeroStep = z.infer<typeof ZeroStepSchema>;

/** A gain point as stored: the board's raw RMS and the reference value over the same window. */
export const GainPointRecordSchema = z.object({ boardRawRms: z.number(), reference: z.number(), durationS: z.number() });
export type GainPointRecord = z.infer<typeof GainPointRecordSchema>;

export const GainStepSchema = z.object({
  points: z.array(GainPointRecordSchema),
  gain: z.number(),
  residualsPercent: z.array(z.number()),
  rmsResidualPercent: z.number(),
});
export type GainStep = z.infer<typeof GainStepSchema>;

export const PhaseStepSchema = z.object({
  boardAngleDeg: z.number(),
  referenceAngleDeg: z.number(),
  phaseErrorDeg: z.number(),
  phaseCorrectionDeg: z.number(),
  referencePowerFactor: z.number(),
  /** What the phase error would have done to active power at this load, percent. */
  powerErrorBeforePercent: z.number(),
});
export type PhaseStep = z.infer<typeof PhaseStepSchema>;

export const UnityCheckSchema = z.object({
  referenceActivePowerW: z.number(),
  /** Active power the board will report with the fitted coefficients. */
  predictedActivePowerW: z.number(),
  errorPercent: z.number(),
  referencePowerFactor: z.number(),
});
export type UnityCheck = z.infer<typeof UnityCheckSchema>;

export const FitStepsSchema = z.object({
  zero: ZeroStepSchema.optional(),
  voltage: GainStepSchema.optional(),
  current: GainStepSchema.optional(),
  /** −1 when the current clamp is mounted backwards (active power came out negative at a resistive load). */
  currentSign: z.union([z.literal(1), z.literal(-1)]).optional(),
  phase: PhaseStepSchema.optional(),
  unity: UnityCheckSchema.optional(),
});
export type FitSteps = z.infer<typeof FitStepsSchema>;

export function zeroStep(raw: RawBoardReading): ZeroStep {
  return { voltageOffsetCounts: raw.voltageMeanCounts, currentOffsetCounts: raw.currentMeanCounts, currentNoiseRmsCounts: raw.irmsCounts };
}

/** The reference must show no load at the zero step (a current above `maxCurrentA` means a load is still on). */
export function checkNoLoad(reference: ReferenceReading, maxCurrentA: number): Result<null> {
  const i = reference.currentA;
  if (i !== undefined && Number.isFinite(i) && Math.abs(i) > maxCurrentA) {
    return err('load-present', `The reference shows ${i.toPrecision(3)} A: disconnect the load for the zero step (at most ${maxCurrentA} A).`);
  }
  return ok(null);
}

export interface GainPointInput {
  raw: RawBoardReading;
  reference: ReferenceReading;
}

function gainStep(points: readonly GainPointInput[], quantity: 'voltageV' | 'currentA', weighting: FitWeighting): Result<GainStep> {
  const records: GainPointRecord[] = [];
  for (const [k, p] of points.entries()) {
    const ref = requirePositive(p.reference, quantity);
    if (!ref.ok) return points.length > 1 ? err(ref.code, `Point ${k + 1}: ${ref.message}`) : ref;
    const rawRms = quantity === 'voltageV' ? p.raw.vrmsCounts : p.raw.irmsCounts;
    if (!(rawRms > 0)) return err('bad-board-reading', `The board measured nothing on its ${quantity === 'voltageV' ? 'voltage' : 'current'} channel.`);
    records.push({ boardRawRms: rawRms, reference: ref.value, durationS: p.raw.durationS });
  }
  const fit = fitGainThroughOrigin(
    records.map((r) => ({ boardValue: r.boardRawRms, referenceValue: r.reference })),
    weighting,
  );
  if (!fit.ok) return fit;
  return ok({ points: records, ...fit.value });
}

export function voltageStep(points: readonly GainPointInput[], weighting: FitWeighting = 'relative'): Result<GainStep> {
  return gainStep(points, 'voltageV', weighting);
}

/**
 * Current gain from resistive loads; its sign comes from the raw active power (negative when the clamp
 * is on backwards), so that a reversed clamp still reads positive power once calibrated.
 */
export function currentStep(points: readonly GainPointInput[], weighting: FitWeighting = 'relative'): Result<{ step: GainStep; sign: 1 | -1 }> {
  const fit = gainStep(points, 'currentA', weighting);
  if (!fit.ok) return fit;
  const p = points.reduce((s, x) => s + x.raw.activePowerCounts2, 0);
  return ok({ step: fit.value, sign: p < 0 ? -1 : 1 });
}

/**
 * Phase correction at an inductive load. The reference angle comes from its P and Q when it reports Q,
 * else from its power factor (taken as lagging: the step asks for an inductive load).
 */
export function phaseStep(raw: RawBoardReading, reference: ReferenceReading, currentSign: 1 | -1): Result<PhaseStep> {
  const p = requirePositive(reference, 'activePowerW');
  if (!p.ok) return p;
  let pf: number;
  if (reference.reactivePowerVar !== undefined) {
    pf = Math.cos(Math.atan2(reference.reactivePowerVar, p.value));
  } else {
    const r = requirePowerFactor(reference);
    if (!r.ok) return r;
    pf = r.value;
  }
  if (pf > PHASE_STEP_MAX_POWER_FACTOR) {
    return err('load-not-inductive', `The reference power factor is ${pf.toFixed(3)}: the phase step needs an inductive load near 0.5 (at most ${PHASE_STEP_MAX_POWER_FACTOR}), where a phase error shows.`);
  }
  const fit = fitPhaseCorrection(
    { activePower: currentSign * raw.activePowerCounts2, reactivePower: currentSign * raw.reactivePowerCounts2 },
    { activePowerW: p.value, reactivePowerVar: reference.reactivePowerVar, powerFactor: pf, character: 'inductive' },
    raw.appliedPhaseCorrectionDeg,
  );
  if (!fit.ok) return fit;
  return ok({
    ...fit.value,
    referencePowerFactor: pf,
    powerErrorBeforePercent: powerErrorFromPhaseErrorPercent(fit.value.referenceAngleDeg, fit.value.phaseErrorDeg),
  });
}

/**
 * The active power the board will report at a load, from its raw reading and the fitted coefficients:
 * gains scale P and Q, the phase correction (beyond what the reading already had) turns them.
 */
export function predictedActivePowerW(raw: RawBoardReading, c: CalibrationCoefficients): number {
  const scale = c.voltageGainVPerCount * c.currentGainAPerCount;
  return scale * rotatePowers(raw.activePowerCounts2, raw.reactivePowerCounts2, c.phaseCorrectionDeg - raw.appliedPhaseCorrectionDeg).activePower;
}

/** Check at unity power factor: the fitted coefficients must reproduce the reference's P. */
export function unityCheck(raw: RawBoardReading, reference: ReferenceReading, c: CalibrationCoefficients): Result<UnityCheck> {
  const p = requirePositive(reference, 'activePowerW');
  if (!p.ok) return p;
  const v = requirePositive(reference, 'voltageV');
  const i = requirePositive(reference, 'currentA');
  const pf = reference.powerFactor ?? (v.ok && i.ok ? p.value / (v.value * i.value) : Number.NaN);
  const predicted = predictedActivePowerW(raw, c);
  return ok({ referenceActivePowerW: p.value, predictedActivePowerW: predicted, errorPercent: ((predicted - p.value) / p.value) * 100, referencePowerFactor: pf });
}

/** Which steps are still missing before coefficients can be assembled. */
export function missingSteps(steps: FitSteps): CalibrationStep[] {
  const missing: CalibrationStep[] = [];
  if (!steps.zero) missing.push('zero');
  if (!steps.voltage) missing.push('voltage');
  if (!steps.current) missing.push('current');
  if (!steps.phase) missing.push('phase');
  return missing;
}

/**
 * Coefficients from the completed steps. Steps not done keep the previous value (the phase step may be
 * skipped, for instance, on a board whose phase error is known to be negligible), but voltage and current
 * gains are required.
 */
export function assembleCoefficients(steps: FitSteps, previous: CalibrationCoefficients): Result<CalibrationCoefficients> {
  if (!steps.voltage) return err('step-missing', 'The voltage gain step has not been done.');
  if (!steps.current) return err('step-missing', 'The current gain step has not been done.');
  const c: CalibrationCoefficients = {
    voltageGainVPerCount: steps.voltage.gain,
    voltageOffsetCounts: steps.zero?.voltageOffsetCounts ?? previous.voltageOffsetCounts,
    currentGainAPerCount: (steps.currentSign ?? 1) * steps.current.gain,
    currentOffsetCounts: steps.zero?.currentOffsetCounts ?? previous.currentOffsetCounts,
    phaseCorrectionDeg: steps.phase?.phaseCorrectionDeg ?? previous.phaseCorrectionDeg,
  };
  const problem = calibrationProblem(c);
  if (problem) return err('out-of-range', `The fitted coefficients are out of the board's range: ${problem}.`);
  return ok(c);
}
