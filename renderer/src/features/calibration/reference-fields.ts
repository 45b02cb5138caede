// The reference readings typed by the engineer: which quantities each page asks for, and their check.
// A field refuses what cannot calibrate anything — empty when required, not a number, zero or negative,
// a power factor above 1 — with a reason shown under it (the back end refuses them too, with its own
// message, so a reading never reaches the fit unchecked).
import type { ReferenceReading } from '../../../../shared/calibration/reference-reading';

export const REFERENCE_FIELDS = ['voltageV', 'currentA', 'activePowerW', 'powerFactor', 'frequencyHz'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];
export const FIELD_UNITS: Readonly<Record<ReferenceField, string>> = { voltageV: 'V', currentA: 'A', activePowerW: 'W', powerFactor: '', frequencyHz: 'Hz' };

/** Pages with typed fields (the zero step needs nothing from the reference). */
export type TypedPage = 'voltage' | 'current' | 'phase' | 'unity' | 'verify';

/**
 * What each page needs. Voltage and current gains need only their own quantity; the phase step needs P
 * and the power factor (calibration-steps.ts phaseStep); the unity check P, with V and I so that its
 * power factor is known; a verification point P for the class verdict, V and I for the table, and the
 * power factor to choose the class limit (IEC 62053-21 Table 4 differs at PF 1 and 0.5).
 */
export const TYPED_FIELDS: Readonly<Record<TypedPage, { readonly required: readonly ReferenceField[]; readonly optional: readonly ReferenceField[] }>> = {
  voltage: { required: ['voltageV'], optional: ['frequencyHz'] },
  current: { required: ['currentA'], optional: ['voltageV', 'activePowerW'] },
  phase: { required: ['activePowerW', 'powerFactor'], optional: ['voltageV', 'currentA'] },
  unity: { required: ['voltageV', 'currentA', 'activePowerW'], optional: ['powerFactor'] },
  verify: { required: ['voltageV', 'currentA', 'activePowerW', 'powerFactor'], optional: ['frequencyHz'] },
};

export const fieldsOf = (page: TypedPage): readonly ReferenceField[] => [...TYPED_FIELDS[page].required, ...TYPED_FIELDS[page].optional];

export type FieldProblem = 'required' | 'notNumber' | 'notPositive' | 'pfAboveOne';
export type TypedValues = Partial<Record<ReferenceField, string>>;
export type TypedProblems = Partial<Record<ReferenceField, FieldProblem>>;

/** A number as people type it: "230.5", "230,5", " 9 200 " (spaces and no-break spaces as thousands separators). */
export function parseTypedNumber(text: string): number {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

export function checkField(field: ReferenceField, text: string | undefined, required: boolean): FieldProblem | null {
  const raw = (text ?? '').trim();
  if (raw === '') return required ? 'required' : null;
  const x = parseTypedNumber(raw);
  if (!Number.isFinite(x)) return 'notNumber';
  if (x <= 0) return 'notPositive';
  if (field === 'powerFactor' && x > 1) return 'pfAboveOne';
  return null;
}

export type TypedCheck = { ok: true; reading: ReferenceReading } | { ok: false; problems: TypedProblems };

/** The page's fields checked and turned into the reading sent with the measurement. */
export function checkTyped(page: TypedPage, values: TypedValues): TypedCheck {
  const { required, optional } = TYPED_FIELDS[page];
  const problems: TypedProblems = {};
  const reading: ReferenceReading = { samples: 1, durationS: 0 };
  for (const field of [...required, ...optional]) {
    const problem = checkField(field, values[field], required.includes(field));
    if (problem) problems[field] = problem;
    else if ((values[field] ?? '').trim() !== '') reading[field] = parseTypedNumber(values[field]!);
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, reading };
}

/** Digits worth typing for each quantity (a reference meter's display: 0.01 V, 1 mA, 0.1 W, 0.001). */
const DECIMALS: Readonly<Record<ReferenceField, number>> = { voltageV: 2, currentA: 3, activePowerW: 1, powerFactor: 3, frequencyHz: 2 };

/** Field texts from known values (the simulated truth), for the page's fields only. */
export function valuesFrom(page: TypedPage, truth: Partial<Record<ReferenceField, number | null>>): TypedValues {
  const out: TypedValues = {};
  for (const field of fieldsOf(page)) {
    const x = truth[field];
    if (x !== undefined && x !== null && Number.isFinite(x)) out[field] = x.toFixed(DECIMALS[field]);
  }
  return out;
}
