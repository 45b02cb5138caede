// Verification of a calibrated board: reference vs board at several loads, with the relative error of
// each quantity, laid out like the source paper's Tables 2 and 3 (one table per sampling rate, 64 and
// 128 samples per period: "Sentron PAC3200 | Compteur proposé | Erreur relative"), and the verdict of
// each active-power point against the accuracy class (accuracy-class.ts).
import { z } from 'zod';
import { relativeErrorPercent } from '../signal/calibration';
import type { AccuracyClassSpec } from './accuracy-class';
import { classLimitFor } from './accuracy-class';
import type { ReferenceReading } from './reference-reading';

export const VerifiedQuantitySchema = z.enum(['voltage', 'current', 'activePower', 'powerFactor', 'frequency']);
export type VerifiedQuantity = z.infer<typeof VerifiedQuantitySchema>;

export const QUANTITY_UNITS: Record<VerifiedQuantity, string> = { voltage: 'V', current: 'A', activePower: 'W', powerFactor: '', frequency: 'Hz' };
export const QUANTITY_LABELS: Record<VerifiedQuantity, string> = { voltage: 'Vrms', current: 'Irms', activePower: 'P', powerFactor: 'PF', frequency: 'f' };

export const RowVerdictSchema = z.enum(['pass', 'fail', 'not-covered', 'info']);
export type RowVerdict = z.infer<typeof RowVerdictSchema>;

export const VerificationRowSchema = z.object({
  point: z.string(),
  samplesPerPeriod: z.number().int().positive(),
  quantity: VerifiedQuantitySchema,
  referenceValue: z.number(),
  boardValue: z.number(),
  /** (board − reference)/reference × 100, the paper's "erreur relative". */
  errorPercent: z.number(),
  /** ± limit that applies, or null when none does (informative rows, points out of the class's range). */
  limitPercent: z.number().nullable(),
  verdict: RowVerdictSchema,
  /** Where the limit comes from (the standard's row, or the project's RMS tolerance), or why none applies. */
  basis: z.string(),
});
export type VerificationRow = z.infer<typeof VerificationRowSchema>;

export const VerificationTableSchema = z.object({ samplesPerPeriod: z.number().int().positive(), rows: z.array(VerificationRowSchema) });
export type VerificationTable = z.infer<typeof VerificationTableSchema>;

export const OverallVerdictSchema = z.object({
  verdict: z.enum(['pass', 'fail', 'incomplete']),
  /** One line per failed row, or why the verification is incomplete. */
  reasons: z.array(z.string()),
  /** Number of rows judged against a limit. */
  judgedRows: z.number().int(),
});
export type OverallVerdict = z.infer<typeof OverallVerdictSchema>;

/** What the board reported over a verification window (board-computed metrics with the new coefficients). */
export interface BoardMeasurement {
  vrmsV: number;
  irmsA: number;
  activePowerW: number;
  reactivePowerVar: number;
  powerFactor: number;
  frequencyHz: number;
  samplesPerPeriod: number;
  durationS: number;
}

export interface VerificationPointInput {
  label: string;
  board: BoardMeasurement;
  reference: ReferenceReading;
  /** The load's character when the reference gives no Q; default inductive. */
  character?: 'inductive' | 'capacitive';
}

export interface VerificationOptions {
  spec: AccuracyClassSpec;
  /**
   * A tolerance on Vrms and Irms, percent. IEC 62053-21 sets none (it judges energy only), so by default
   * these rows are informative; a project may set its own rule, which the row's basis then names.
   */
  rmsTolerancePercent?: number | null;
}

function referencePowerFactor(ref: ReferenceReading): number | undefined {
  if (ref.powerFactor !== undefined) return Math.abs(ref.powerFactor);
  if (ref.activePowerW !== undefined && ref.voltageV && ref.currentA) return Math.abs(ref.activePowerW / (ref.voltageV * ref.currentA));
  if (ref.activePowerW !== undefined && ref.reactivePowerVar !== undefined) return Math.abs(Math.cos(Math.atan2(ref.reactivePowerVar, ref.activePowerW)));
  return undefined;
}

/** Rows of one verification point: every quantity the reference reported, compared with the board. */
export function verificationRows(point: VerificationPointInput, options: VerificationOptions): VerificationRow[] {
  const { board, reference: ref } = point;
  const spp = board.samplesPerPeriod;
  const rows: VerificationRow[] = [];
  const add = (quantity: VerifiedQuantity, referenceValue: number | undefined, boardValue: number, judge: (error: number) => Pick<VerificationRow, 'limitPercent' | 'verdict' | 'basis'>) => {
    if (referenceValue === undefined || !Number.isFinite(referenceValue) || referenceValue === 0) return;
    const errorPercent = relativeErrorPercent(boardValue, referenceValue);
    rows.push({ point: point.label, samplesPerPeriod: spp, quantity, referenceValue, boardValue, errorPercent, ...judge(errorPercent) });
  };
  const info = () => ({ limitPercent: null, verdict: 'info' as const, basis: 'informative (no limit in IEC 62053-21)' });
  const rms = (error: number) => {
    const tol = options.rmsTolerancePercent;
    if (tol === undefined || tol === null) return info();
    return { limitPercent: tol, verdict: Math.abs(error) <= tol ? ('pass' as const) : ('fail' as const), basis: `project tolerance ±${tol} % on RMS values (not from IEC 62053-21)` };
  };
  add('voltage', ref.voltageV, board.vrmsV, rms);
  add('current', ref.currentA, board.irmsA, rms);
  add('activePower', ref.activePowerW, board.activePowerW, (error) => {
    const pf = referencePowerFactor(ref);
    const currentA = ref.currentA ?? board.irmsA;
    if (pf === undefined) return { limitPercent: null, verdict: 'not-covered', basis: 'the reference gives no power factor, so no class limit can be chosen' };
    const character = ref.reactivePowerVar !== undefined ? (ref.reactivePowerVar >= 0 ? 'inductive' : 'capacitive') : (point.character ?? 'inductive');
    const limit = classLimitFor(options.spec, { currentA, powerFactor: pf, character });
    if (!limit.covered) return { limitPercent: null, verdict: 'not-covered', basis: limit.reason };
    return {
      limitPercent: limit.limitPercent,
      verdict: Math.abs(error) <= limit.limitPercent ? 'pass' : 'fail',
      basis: `class ${options.spec.accuracyClass}, ${limit.row.label} — ${limit.edition}`,
    };
  });
  add('powerFactor', referencePowerFactor(ref), Math.abs(board.powerFactor), info);
  add('frequency', ref.frequencyHz, board.frequencyHz, info);
  return rows;
}

/** Rows grouped by sampling rate, in increasing order (64 then 128), each table in point order. */
export function tablesBySamplesPerPeriod(rows: readonly VerificationRow[]): VerificationTable[] {
  const rates = [...new Set(rows.map((r) => r.samplesPerPeriod))].sort((a, b) => a - b);
  return rates.map((samplesPerPeriod) => ({ samplesPerPeriod, rows: rows.filter((r) => r.samplesPerPeriod === samplesPerPeriod) }));
}

/**
 * Pass when every judged row passes and at least one active-power row was judged; fail when any judged
 * row fails; incomplete when nothing could be judged (no point inside the class's current range).
 */
export function overallVerdict(tables: readonly VerificationTable[]): OverallVerdict {
  const rows = tables.flatMap((t) => t.rows);
  const judged = rows.filter((r) => r.verdict === 'pass' || r.verdict === 'fail');
  const failures = judged.filter((r) => r.verdict === 'fail');
  if (failures.length > 0) {
    return {
      verdict: 'fail',
      judgedRows: judged.length,
      reasons: failures.map((r) => `${r.point} at ${r.samplesPerPeriod} samples/period: ${QUANTITY_LABELS[r.quantity]} error ${r.errorPercent.toFixed(2)} % exceeds ±${r.limitPercent} %`),
    };
  }
  if (!judged.some((r) => r.quantity === 'activePower')) {
    return { verdict: 'incomplete', judgedRows: judged.length, reasons: ['No active-power point falls inside a range of the accuracy class: add a verification point between 0.1 Ib and Imax.'] };
  }
  return { verdict: 'pass', judgedRows: judged.length, reasons: [] };
}
