// The first two pages as forms: which board and which reference, then the accuracy class and the
// measurement window. Kept as the texts the engineer typed; checked into the arguments of
// startCalibration, with a reason per field that is wrong.
import type { StartCalibrationArgs } from '../../../../shared/calibration/calibration-api';
import type { ReferenceMeterModel, ReferenceSourceInput } from '../../../../shared/calibration/reference-reading';
import { parseTypedNumber } from './reference-fields';

export interface SetupForm {
  /** The chosen board's serial; null: none chosen yet. */
  readonly boardSerial: string | null;
  readonly referenceKind: 'typed' | 'modbus';
  /** The reference instrument (typed: required; Modbus: its serial or tag, optional). */
  readonly instrument: string;
  readonly model: ReferenceMeterModel;
  readonly transport: 'rtu' | 'tcp';
  readonly rtuPath: string;
  readonly baudRate: string;
  readonly parity: 'none' | 'even' | 'odd';
  readonly stopBits: '1' | '2';
  readonly host: string;
  readonly tcpPort: string;
  readonly unitId: string;
  readonly timeoutMs: string;
}

export interface AccuracyForm {
  readonly accuracyClass: '1' | '2';
  readonly connection: 'direct' | 'transformer';
  /** Ib (direct) or In (transformer), A. */
  readonly basicCurrentA: string;
  readonly maxCurrentA: string;
  /** Each step's measurement window, s. */
  readonly windowS: string;
}

/** Serial settings per meter as they leave the factory (SDM120/SDM630 manuals: 2400 baud, no parity; PAC3200: 19200 8E1). */
export const MODBUS_SERIAL_DEFAULTS: Readonly<Record<ReferenceMeterModel, { baudRate: string; parity: SetupForm['parity']; stopBits: SetupForm['stopBits'] }>> = {
  pac3200: { baudRate: '19200', parity: 'even', stopBits: '1' },
  sdm120: { baudRate: '2400', parity: 'none', stopBits: '1' },
  sdm630: { baudRate: '9600', parity: 'none', stopBits: '1' },
};

export const BAUD_RATES = ['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200'] as const;

export const DEFAULT_SETUP: SetupForm = {
  boardSerial: null,
  referenceKind: 'typed',
  instrument: '',
  model: 'pac3200',
  transport: 'tcp',
  rtuPath: '',
  ...MODBUS_SERIAL_DEFAULTS.pac3200,
  host: '',
  tcpPort: '502',
  unitId: '1',
  timeoutMs: '1000',
};

/** The reference board's SCT-013-000 clamp is rated 100 A; 10 A is a usual Ib for a direct-connected meter. */
export const DEFAULT_ACCURACY: AccuracyForm = { accuracyClass: '1', connection: 'direct', basicCurrentA: '10', maxCurrentA: '100', windowS: '1' };

export type SetupProblem = 'required' | 'notNumber' | 'notPositive' | 'notInteger' | 'outOfRange' | 'maxBelowBasic' | 'noBoard';
export type SetupProblems = Partial<Record<keyof SetupForm | keyof AccuracyForm, SetupProblem>>;

function integer(text: string, min: number, max: number): number | SetupProblem {
  const x = parseTypedNumber(text);
  if (!Number.isFinite(x)) return text.trim() === '' ? 'required' : 'notNumber';
  if (!Number.isInteger(x)) return 'notInteger';
  return x < min || x > max ? 'outOfRange' : x;
}

function positive(text: string): number | SetupProblem {
  const x = parseTypedNumber(text);
  if (!Number.isFinite(x)) return text.trim() === '' ? 'required' : 'notNumber';
  return x > 0 ? x : 'notPositive';
}

export function checkSetup(form: SetupForm): { ok: true; board: { boardSerial: string }; reference: ReferenceSourceInput } | { ok: false; problems: SetupProblems } {
  const problems: SetupProblems = {};
  if (!form.boardSerial) problems.boardSerial = 'noBoard';
  let reference: ReferenceSourceInput | null = null;
  if (form.referenceKind === 'typed') {
    if (!form.instrument.trim()) problems.instrument = 'required';
    else reference = { kind: 'typed', instrument: form.instrument.trim() };
  } else {
    const unitId = integer(form.unitId, 0, 247);
    const timeoutMs = integer(form.timeoutMs, 50, 10_000);
    if (typeof unitId === 'string') problems.unitId = unitId;
    if (typeof timeoutMs === 'string') problems.timeoutMs = timeoutMs;
    let link: Extract<ReferenceSourceInput, { kind: 'modbus' }>['link'] | null = null;
    if (form.transport === 'rtu') {
      const baud = integer(form.baudRate, 300, 921_600);
      if (!form.rtuPath.trim()) problems.rtuPath = 'required';
      if (typeof baud === 'string') problems.baudRate = baud;
      if (form.rtuPath.trim() && typeof baud === 'number') link = { transport: 'rtu', path: form.rtuPath.trim(), baudRate: baud, parity: form.parity, stopBits: form.stopBits === '2' ? 2 : 1 };
    } else {
      const port = integer(form.tcpPort, 1, 65_535);
      if (!form.host.trim()) problems.host = 'required';
      if (typeof port === 'string') problems.tcpPort = port;
      if (form.host.trim() && typeof port === 'number') link = { transport: 'tcp', host: form.host.trim(), port };
    }
    if (link && typeof unitId === 'number' && typeof timeoutMs === 'number') {
      reference = { kind: 'modbus', model: form.model, link, unitId, timeoutMs, instrument: form.instrument.trim() };
    }
  }
  if (Object.keys(problems).length > 0 || !reference || !form.boardSerial) return { ok: false, problems };
  return { ok: true, board: { boardSerial: form.boardSerial }, reference };
}

export function checkAccuracy(form: AccuracyForm): { ok: true; accuracy: StartCalibrationArgs['accuracy']; windowS: number } | { ok: false; problems: SetupProblems } {
  const problems: SetupProblems = {};
  const ib = positive(form.basicCurrentA);
  const imax = positive(form.maxCurrentA);
  const window = positive(form.windowS);
  if (typeof ib === 'string') problems.basicCurrentA = ib;
  if (typeof imax === 'string') problems.maxCurrentA = imax;
  if (typeof window === 'string') problems.windowS = window;
  else if (window < 0.1 || window > 60) problems.windowS = 'outOfRange';
  if (typeof ib === 'number' && typeof imax === 'number' && imax < ib) problems.maxCurrentA = 'maxBelowBasic';
  if (Object.keys(problems).length > 0 || typeof ib !== 'number' || typeof imax !== 'number' || typeof window !== 'number') return { ok: false, problems };
  return { ok: true, accuracy: { accuracyClass: form.accuracyClass, connection: form.connection, basicCurrentA: ib, maxCurrentA: imax }, windowS: window };
}
