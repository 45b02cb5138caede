// Percentage error limits of static active-energy meters, IEC 62053-21 edition 1.0 (2003-01), clause 8.1
// "Limits of error due to variation of the current", Table 4 (single-phase meters, and polyphase meters
// with balanced loads). Kept as data so that another edition (IEC 62053-21:2020 restates the current
// ranges with Imin/Itr/Iref) can be added beside it without touching the lookup.
//
// The standard speaks of active energy; a meter's error on energy is its error on average active power
// over the test, so the verdict applies to active power (the board's P against the reference's P).
// It sets no limit on Vrms or Irms: those are tabulated for the engineer, not judged by this table.

export const IEC_62053_21_EDITION = 'IEC 62053-21:2003 (edition 1.0), clause 8.1, Table 4';

export type AccuracyClassIndex = '1' | '2';
/** Direct connected meters specify a basic current Ib; transformer operated meters a rated current In. */
export type MeterConnection = 'direct' | 'transformer';

/** Which power factors a row covers: inductive (lagging) PF from 1 down to `inductiveDownTo`, capacitive likewise. */
export interface PowerFactorRange {
  /** null: no inductive power factor below unity is covered. */
  inductiveDownTo: number | null;
  capacitiveDownTo: number | null;
}

export interface ClassLimitRow {
  id: string;
  /** As printed in the table, for the certificate and the UI. */
  label: string;
  /** Current range as multiples of Ib (direct) or In (transformer); `Imax` means up to the meter's maximum current. */
  direct: { fromTimesIb: number; toTimesIb: number | 'Imax'; includesUpper: boolean };
  transformer: { fromTimesIn: number; toTimesIn: number | 'Imax'; includesUpper: boolean };
  powerFactor: PowerFactorRange;
  /** ± limit in percent per class; absent when the class has no limit for this row. */
  limitPercent: Partial<Record<AccuracyClassIndex, number>>;
  /** Rows the standard applies only "when specially requested by the user". */
  specialRequest: boolean;
}

/** A power factor at or above this is treated as the table's "1" (a real resistive load is rarely exactly 1). */
export const UNITY_POWER_FACTOR_MIN = 0.99;

const UNITY: PowerFactorRange = { inductiveDownTo: 1, capacitiveDownTo: 1 };
const HALF_INDUCTIVE: PowerFactorRange = { inductiveDownTo: 0.5, capacitiveDownTo: 0.8 };

/** IEC 62053-21:2003 Table 4, row by row, in the table's order. */
export const IEC_62053_21_2003_TABLE_4: readonly ClassLimitRow[] = [
  {
    id: 'pf1-low',
    label: '0.05 Ib ≤ I < 0.1 Ib (0.02 In ≤ I < 0.05 In), cos φ = 1',
    direct: { fromTimesIb: 0.05, toTimesIb: 0.1, includesUpper: false },
    transformer: { fromTimesIn: 0.02, toTimesIn: 0.05, includesUpper: false },
    powerFactor: UNITY,
    limitPercent: { '1': 1.5, '2': 2.5 },
    specialRequest: false,
  },
  {
    id: 'pf1',
    label: '0.1 Ib ≤ I ≤ Imax (0.05 In ≤ I ≤ Imax), cos φ = 1',
    direct: { fromTimesIb: 0.1, toTimesIb: 'Imax', includesUpper: true },
    transformer: { fromTimesIn: 0.05, toTimesIn: 'Imax', includesUpper: true },
    powerFactor: UNITY,
    limitPercent: { '1': 1.0, '2': 2.0 },
    specialRequest: false,
  },
  {
    id: 'pf05-low',
    label: '0.1 Ib ≤ I < 0.2 Ib (0.05 In ≤ I < 0.1 In), cos φ = 0.5 inductive, 0.8 capacitive',
    direct: { fromTimesIb: 0.1, toTimesIb: 0.2, includesUpper: false },
    transformer: { fromTimesIn: 0.05, toTimesIn: 0.1, includesUpper: false },
    powerFactor: HALF_INDUCTIVE,
    limitPercent: { '1': 1.5, '2': 2.5 },
    specialRequest: false,
  },
  {
    id: 'pf05',
    label: '0.2 Ib ≤ I ≤ Imax (0.1 In ≤ I ≤ Imax), cos φ = 0.5 inductive, 0.8 capacitive',
    direct: { fromTimesIb: 0.2, toTimesIb: 'Imax', includesUpper: true },
    transformer: { fromTimesIn: 0.1, toTimesIn: 'Imax', includesUpper: true },
    powerFactor: HALF_INDUCTIVE,
    limitPercent: { '1': 1.0, '2': 2.0 },
    specialRequest: false,
  },
  {
    id: 'pf025-special',
    label: 'When specially requested: 0.2 Ib ≤ I ≤ Ib (0.1 In ≤ I ≤ In), cos φ = 0.25 inductive',
    direct: { fromTimesIb: 0.2, toTimesIb: 1, includesUpper: true },
    transformer: { fromTimesIn: 0.1, toTimesIn: 1, includesUpper: true },
    powerFactor: { inductiveDownTo: 0.25, capacitiveDownTo: null },
    limitPercent: { '1': 3.5 },
    specialRequest: true,
  },
  {
    id: 'pf05c-special',
    label: 'When specially requested: 0.2 Ib ≤ I ≤ Ib (0.1 In ≤ I ≤ In), cos φ = 0.5 capacitive',
    direct: { fromTimesIb: 0.2, toTimesIb: 1, includesUpper: true },
    transformer: { fromTimesIn: 0.1, toTimesIn: 1, includesUpper: true },
    powerFactor: { inductiveDownTo: null, capacitiveDownTo: 0.5 },
    limitPercent: { '1': 2.5 },
    specialRequest: true,
  },
];

/** The meter being judged: its class and its current ratings. */
export interface AccuracyClassSpec {
  accuracyClass: AccuracyClassIndex;
  connection: MeterConnection;
  /** Ib for a direct connected meter, In for a transformer operated one. */
  basicCurrentA: number;
  maxCurrentA: number;
  /** Also judge against the rows "specially requested by the user" (low power factors). */
  includeSpecialRequest?: boolean;
}

/** Load of one test point: current and power factor, with the sign of the reactive part. */
export interface LoadPoint {
  currentA: number;
  /** |cos φ|, 0..1. */
  powerFactor: number;
  /** Inductive = current lagging (Q > 0); ignored when the power factor counts as unity. */
  character: 'inductive' | 'capacitive';
}

export type ClassLimit =
  | { covered: true; limitPercent: number; row: ClassLimitRow; edition: string }
  | { covered: false; reason: string; edition: string };

function inCurrentRange(row: ClassLimitRow, spec: AccuracyClassSpec, currentA: number): boolean {
  const r = spec.connection === 'direct' ? { from: row.direct.fromTimesIb, to: row.direct.toTimesIb, inc: row.direct.includesUpper } : { from: row.transformer.fromTimesIn, to: row.transformer.toTimesIn, inc: row.transformer.includesUpper };
  const lower = r.from * spec.basicCurrentA;
  const upper = r.to === 'Imax' ? spec.maxCurrentA : r.to * spec.basicCurrentA;
  // A relative tolerance keeps a point set exactly at 0.1 Ib from falling out through rounding.
  const eps = 1e-9 * Math.max(1, upper);
  if (currentA < lower - eps) return false;
  return r.inc ? currentA <= upper + eps : currentA < upper - eps;
}

function inPowerFactorRange(range: PowerFactorRange, load: LoadPoint): boolean {
  const pf = Math.min(1, Math.abs(load.powerFactor));
  if (pf >= UNITY_POWER_FACTOR_MIN) return range.inductiveDownTo !== null || range.capacitiveDownTo !== null;
  const downTo = load.character === 'inductive' ? range.inductiveDownTo : range.capacitiveDownTo;
  // Unity rows (downTo = 1) take only power factors counted as unity, handled above.
  return downTo !== null && downTo < 1 && pf >= downTo - 1e-9;
}

/** How narrow a row's power-factor range is: the narrowest row containing a point is the one that applies. */
function breadth(range: PowerFactorRange): number {
  return (1 - (range.inductiveDownTo ?? 1)) + (1 - (range.capacitiveDownTo ?? 1));
}

/**
 * The limit that applies to a test point. Power factors between the table's test values take the row
 * whose range contains them (a PF of 0.8 inductive is judged like 0.5 inductive, whose limits are the
 * wider ones at low current); among several such rows the narrowest range wins, so that unity is judged
 * as unity.
 */
export function classLimitFor(spec: AccuracyClassSpec, load: LoadPoint, table: readonly ClassLimitRow[] = IEC_62053_21_2003_TABLE_4, edition = IEC_62053_21_EDITION): ClassLimit {
  if (!(spec.basicCurrentA > 0) || !(spec.maxCurrentA >= spec.basicCurrentA)) {
    return { covered: false, reason: `the meter's ratings are inconsistent (Ib = ${spec.basicCurrentA} A, Imax = ${spec.maxCurrentA} A)`, edition };
  }
  if (!Number.isFinite(load.currentA) || !Number.isFinite(load.powerFactor)) return { covered: false, reason: 'the point has no finite current or power factor', edition };
  const candidates = table.filter((row) => (spec.includeSpecialRequest || !row.specialRequest) && row.limitPercent[spec.accuracyClass] !== undefined && inCurrentRange(row, spec, load.currentA) && inPowerFactorRange(row.powerFactor, load));
  if (candidates.length === 0) {
    const base = spec.connection === 'direct' ? 'Ib' : 'In';
    return {
      covered: false,
      reason: `no limit of class ${spec.accuracyClass} applies at ${load.currentA.toPrecision(4)} A (${(load.currentA / spec.basicCurrentA).toPrecision(3)} ${base}) and PF ${load.powerFactor.toFixed(3)} ${load.powerFactor >= UNITY_POWER_FACTOR_MIN ? '' : load.character}`.trim(),
      edition,
    };
  }
  candidates.sort((a, b) => breadth(a.powerFactor) - breadth(b.powerFactor));
  const row = candidates[0];
  return { covered: true, limitPercent: row.limitPercent[spec.accuracyClass] as number, row, edition };
}
