// Calibration maths: coefficients of the board's model (calibration.ts) from pairs of board readings and
// reference readings.
//
// The model, per channel:  value = gain × (counts − offset), then the current delayed by the phase
// correction. The fit runs in three independent parts, as a meter is calibrated on a bench:
//   1. offset   = mean of the raw counts over whole mains periods with no load (the ADC's mid-scale bias
//                 plus the front end's DC error; a sine averages to zero over whole periods);
//   2. gain     = through-origin least squares of the reference RMS against the board's raw RMS in counts
//                 (RMS is computed after removing the window's mean, so the offset does not enter it and
//                 the line must pass through the origin: 0 counts RMS ↔ 0 V);
//   3. phase    = reference angle − board angle at an inductive load, where the angle is atan2(Q, P).
// The least squares minimises relative residuals by default, Σ((g·x − y)/y)², because accuracy classes
// are stated in percent: a 1 A point and a 50 A point then count alike.
import type { Result } from '../api/result';
import { err, ok } from '../api/result';

export type FitWeighting = 'relative' | 'absolute';

/** One calibration pair: what the board measured (raw units) and what the reference says (physical). */
export interface GainPoint {
  /** Board reading in raw units (e.g. RMS counts), or in the units of the coefficients in force. */
  boardValue: number;
  referenceValue: number;
}

export interface GainFit {
  gain: number;
  /** (gain·board − reference)/reference × 100, per point, in input order. */
  residualsPercent: number[];
  /** Root mean square of the residuals, percent. */
  rmsResidualPercent: number;
}

/**
 * Gain g minimising Σ w_k (g·x_k − y_k)² with w_k = 1/y_k² (relative) or 1 (absolute):
 *   g = Σ w x y / Σ w x².
 * With a single point both reduce to g = y/x.
 */
export function fitGainThroughOrigin(points: readonly GainPoint[], weighting: FitWeighting = 'relative'): Result<GainFit> {
  if (points.length === 0) return err('no-points', 'A gain needs at least one reading.');
  for (const [k, p] of points.entries()) {
    if (!Number.isFinite(p.referenceValue) || p.referenceValue <= 0) return err('bad-reference', `Reference reading ${k + 1} is ${p.referenceValue}: it must be a positive number.`);
    if (!Number.isFinite(p.boardValue) || p.boardValue === 0) return err('bad-board-reading', `Board reading ${k + 1} is ${p.boardValue}: the board measured nothing on this channel.`);
  }
  let sxy = 0;
  let sxx = 0;
  for (const { boardValue: x, referenceValue: y } of points) {
    const w = weighting === 'relative' ? 1 / (y * y) : 1;
    sxy += w * x * y;
    sxx += w * x * x;
  }
  const gain = sxy / sxx;
  const residualsPercent = points.map((p) => ((gain * p.boardValue - p.referenceValue) / p.referenceValue) * 100);
  const rmsResidualPercent = Math.sqrt(residualsPercent.reduce((s, r) => s + r * r, 0) / residualsPercent.length);
  return ok({ gain, residualsPercent, rmsResidualPercent });
}

/** Pairs of raw counts and the reference's instantaneous (DC) value, for a channel calibrated on DC. */
export interface CountsPoint {
  counts: number;
  referenceValue: number;
}

/**
 * Gain and offset of value = gain × (counts − offset) by ordinary least squares on a straight line
 * y = a·x + b (then gain = a, offset = −b/a). Needs two distinct count values.
 */
export function fitGainAndOffset(points: readonly CountsPoint[]): Result<{ gain: number; offsetCounts: number; rmsResidual: number }> {
  const n = points.length;
  if (n < 2) return err('no-points', 'A gain and an offset need at least two readings.');
  if (points.some((p) => !Number.isFinite(p.counts) || !Number.isFinite(p.referenceValue))) return err('bad-reading', 'Every reading must be a finite number.');
  const mx = points.reduce((s, p) => s + p.counts, 0) / n;
  const my = points.reduce((s, p) => s + p.referenceValue, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.counts - mx) ** 2;
    sxy += (p.counts - mx) * (p.referenceValue - my);
  }
  if (sxx === 0) return err('degenerate', 'All readings have the same count value: the slope is undetermined.');
  const gain = sxy / sxx;
  if (gain === 0) return err('degenerate', 'The reference does not change with the counts: the gain is zero.');
  const intercept = my - gain * mx;
  const rmsResidual = Math.sqrt(points.reduce((s, p) => s + (gain * p.counts + intercept - p.referenceValue) ** 2, 0) / n);
  return ok({ gain, offsetCounts: -intercept / gain, rmsResidual });
}

const DEG = 180 / Math.PI;

/** Phase angle of the current behind the voltage, degrees, from active and reactive power (Q > 0 lagging). */
export function phaseAngleDeg(activePower: number, reactivePower: number): number {
  return Math.atan2(reactivePower, activePower) * DEG;
}

/** What a reference instrument reports at the phase step: P with Q, or P with the power factor. */
export interface ReferencePhaseReading {
  activePowerW: number;
  reactivePowerVar?: number;
  /** |cos φ|; used when Q is absent, with the sign given by `character`. */
  powerFactor?: number;
  /** Assumed when only the power factor is known; an inductive load lags. */
  character?: 'inductive' | 'capacitive';
}

/** The reference's phase angle in degrees (positive = current lagging). */
export function referencePhaseAngleDeg(ref: ReferencePhaseReading): Result<number> {
  if (!Number.isFinite(ref.activePowerW) || ref.activePowerW <= 0) return err('bad-reference', `Reference active power ${ref.activePowerW} W: it must be positive at the phase step.`);
  if (ref.reactivePowerVar !== undefined && Number.isFinite(ref.reactivePowerVar)) return ok(phaseAngleDeg(ref.activePowerW, ref.reactivePowerVar));
  const pf = ref.powerFactor;
  if (pf === undefined || !Number.isFinite(pf) || Math.abs(pf) <= 0 || Math.abs(pf) > 1) return err('bad-reference', `Reference power factor ${pf}: it must be in (0, 1].`);
  const angle = Math.acos(Math.abs(pf)) * DEG;
  return ok((ref.character ?? 'inductive') === 'inductive' ? angle : -angle);
}

export interface PhaseFit {
  /** Board angle − reference angle before correction: > 0 when the board sees too much lag. */
  phaseErrorDeg: number;
  /** New phaseCorrectionDeg: the correction in force plus the reference angle minus the board angle. */
  phaseCorrectionDeg: number;
  boardAngleDeg: number;
  referenceAngleDeg: number;
}

/**
 * Phase correction from the board's P and Q (any consistent units; raw counts² are fine since only their
 * ratio matters) at an inductive load. `appliedCorrectionDeg` is the correction in force while the board
 * measured (0 for raw samples). A positive correction delays the current, adding lag (calibration.ts).
 */
export function fitPhaseCorrection(board: { activePower: number; reactivePower: number }, reference: ReferencePhaseReading, appliedCorrectionDeg = 0): Result<PhaseFit> {
  if (!Number.isFinite(board.activePower) || !Number.isFinite(board.reactivePower) || (board.activePower === 0 && board.reactivePower === 0)) {
    return err('bad-board-reading', 'The board measured no power at the phase step.');
  }
  const ref = referencePhaseAngleDeg(reference);
  if (!ref.ok) return ref;
  const boardAngleDeg = phaseAngleDeg(board.activePower, board.reactivePower);
  const phaseErrorDeg = wrapDeg(boardAngleDeg - ref.value);
  return ok({ phaseErrorDeg, phaseCorrectionDeg: appliedCorrectionDeg - phaseErrorDeg, boardAngleDeg, referenceAngleDeg: ref.value });
}

/**
 * The board's P and Q after its current is delayed by `delayDeg`: the current phasor turns by −δ, so
 * S = V·conj(I) turns by +δ: P' = P cos δ − Q sin δ, Q' = P sin δ + Q cos δ.
 */
export function rotatePowers(activePower: number, reactivePower: number, delayDeg: number): { activePower: number; reactivePower: number } {
  const d = delayDeg / DEG;
  const c = Math.cos(d);
  const s = Math.sin(d);
  return { activePower: activePower * c - reactivePower * s, reactivePower: activePower * s + reactivePower * c };
}

/**
 * Relative error of active power, percent, caused by a phase error at a displacement angle φ:
 * cos(φ + e)/cos φ − 1. At PF 0.5 (φ = 60°) one degree is about −3 %; at unity about −0.015 %.
 */
export function powerErrorFromPhaseErrorPercent(displacementDeg: number, phaseErrorDeg: number): number {
  return (Math.cos((displacementDeg + phaseErrorDeg) / DEG) / Math.cos(displacementDeg / DEG) - 1) * 100;
}

function wrapDeg(a: number): number {
  return ((((a + 180) % 360) + 360) % 360) - 180;
}
