// The Calibrate area's pure parts: typed reference fields that refuse what cannot calibrate, the setup and
// accuracy forms, the wizard's page logic, the board's readings in units, and the numbers as shown.
import { describe, expect, it } from 'vitest';
import { ReferenceSourceSchema } from '../../../shared/calibration/reference-reading';
import type { RawBoardReading } from '../../../shared/calibration/raw-readings';
import { benchConfig, benchLoad, currentBenchLoad } from '../../../renderer/src/features/calibration/bench-loads';
import { boardReading, errorPercent } from '../../../renderer/src/features/calibration/board-readings';
import { degrees, fixed, percent, significant } from '../../../renderer/src/features/calibration/format';
import { checkTyped, parseTypedNumber, valuesFrom } from '../../../renderer/src/features/calibration/reference-fields';
import { checkAccuracy, checkSetup, DEFAULT_ACCURACY, DEFAULT_SETUP } from '../../../renderer/src/features/calibration/setup-form';
import { pageReachable, resumePage } from '../../../renderer/src/features/calibration/wizard-pages';
import { sessionState } from './session-fixture';

const NBSP = '\u00a0';

describe('typed reference readings', () => {
  it('reads numbers as people type them, and nothing else', () => {
    expect(parseTypedNumber('230.5')).toBe(230.5);
    expect(parseTypedNumber('230,5')).toBe(230.5);
    expect(parseTypedNumber(' 9 200 ')).toBe(9200);
    expect(parseTypedNumber('9\u00a0200,5')).toBe(9200.5);
    expect(parseTypedNumber('1e3')).toBe(1000);
    expect(parseTypedNumber('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '1.2.3', '230V', '0x10', '--1']) expect(parseTypedNumber(bad), bad).toBeNaN();
  });

  it('refuses a missing, zero, negative or non-numeric required reading, and a power factor above 1', () => {
    expect(checkTyped('voltage', {})).toEqual({ ok: false, problems: { voltageV: 'required' } });
    expect(checkTyped('voltage', { voltageV: '0' })).toEqual({ ok: false, problems: { voltageV: 'notPositive' } });
    expect(checkTyped('voltage', { voltageV: '-230' })).toEqual({ ok: false, problems: { voltageV: 'notPositive' } });
    expect(checkTyped('voltage', { voltageV: 'two hundred' })).toEqual({ ok: false, problems: { voltageV: 'notNumber' } });
    expect(checkTyped('phase', { activePowerW: '2300', powerFactor: '1.2' })).toEqual({ ok: false, problems: { powerFactor: 'pfAboveOne' } });
    // An optional field may stay empty, but what is typed in it is checked too.
    expect(checkTyped('voltage', { voltageV: '230', frequencyHz: '0' })).toEqual({ ok: false, problems: { frequencyHz: 'notPositive' } });
  });

  it('turns the page’s fields into the reading sent with the measurement', () => {
    expect(checkTyped('phase', { activePowerW: '2300,0', powerFactor: '0.5', voltageV: '', currentA: '20' })).toEqual({
      ok: true,
      reading: { samples: 1, durationS: 0, activePowerW: 2300, powerFactor: 0.5, currentA: 20 },
    });
    // The unity check needs V and I as well as P, so that its power factor is known.
    expect(checkTyped('unity', { activePowerW: '2300' })).toMatchObject({ ok: false, problems: { voltageV: 'required', currentA: 'required' } });
  });

  it('fills a page’s fields from known values with a reference display’s digits', () => {
    expect(valuesFrom('voltage', { voltageV: 230, currentA: 10, frequencyHz: 50 })).toEqual({ voltageV: '230.00', frequencyHz: '50.00' });
    expect(valuesFrom('phase', { voltageV: 230, currentA: 20, activePowerW: 2300, powerFactor: 0.5 })).toEqual({ activePowerW: '2300.0', powerFactor: '0.500', voltageV: '230.00', currentA: '20.000' });
    expect(valuesFrom('verify', { voltageV: 230, currentA: 0, activePowerW: 0, powerFactor: null, frequencyHz: 50 })).toEqual({ voltageV: '230.00', currentA: '0.000', activePowerW: '0.0', frequencyHz: '50.00' });
  });
});

describe('setup and accuracy forms', () => {
  it('needs a board and a named instrument for typed readings', () => {
    expect(checkSetup(DEFAULT_SETUP)).toEqual({ ok: false, problems: { boardSerial: 'noBoard', instrument: 'required' } });
    const ok = checkSetup({ ...DEFAULT_SETUP, boardSerial: '4D50564D00000001', instrument: ' Fluke 1736 ' });
    expect(ok).toEqual({ ok: true, board: { boardSerial: '4D50564D00000001' }, reference: { kind: 'typed', instrument: 'Fluke 1736' } });
  });

  it('checks a Modbus link field by field, and builds a reference the API accepts', () => {
    const modbus = { ...DEFAULT_SETUP, boardSerial: 'B', referenceKind: 'modbus' as const };
    expect(checkSetup({ ...modbus, transport: 'rtu', rtuPath: '', baudRate: '9600.5', unitId: '248' })).toEqual({ ok: false, problems: { rtuPath: 'required', baudRate: 'notInteger', unitId: 'outOfRange' } });
    expect(checkSetup({ ...modbus, transport: 'tcp', host: '', tcpPort: '70000', timeoutMs: 'x' })).toEqual({ ok: false, problems: { host: 'required', tcpPort: 'outOfRange', timeoutMs: 'notNumber' } });
    const rtu = checkSetup({ ...modbus, model: 'sdm120', transport: 'rtu', rtuPath: '/dev/ttyUSB0', baudRate: '2400', parity: 'none', stopBits: '1', unitId: '7' });
    expect(rtu.ok && rtu.reference).toEqual({ kind: 'modbus', model: 'sdm120', link: { transport: 'rtu', path: '/dev/ttyUSB0', baudRate: 2400, parity: 'none', stopBits: 1 }, unitId: 7, timeoutMs: 1000, instrument: '' });
    expect(rtu.ok && ReferenceSourceSchema.safeParse(rtu.reference).success).toBe(true);
  });

  it('refuses ratings that are not positive, an Imax below Ib, and a window outside 0.1–60 s', () => {
    expect(checkAccuracy(DEFAULT_ACCURACY)).toEqual({ ok: true, accuracy: { accuracyClass: '1', connection: 'direct', basicCurrentA: 10, maxCurrentA: 100 }, windowS: 1 });
    expect(checkAccuracy({ ...DEFAULT_ACCURACY, basicCurrentA: '0', maxCurrentA: '', windowS: '0.05' })).toEqual({ ok: false, problems: { basicCurrentA: 'notPositive', maxCurrentA: 'required', windowS: 'outOfRange' } });
    expect(checkAccuracy({ ...DEFAULT_ACCURACY, basicCurrentA: '20', maxCurrentA: '10' })).toEqual({ ok: false, problems: { maxCurrentA: 'maxBelowBasic' } });
  });
});

describe('the wizard’s pages', () => {
  it('opens the measuring pages only with a session, Apply once coefficients exist, Verification once applied', () => {
    const none = { session: null, finished: false, saved: false };
    expect(pageReachable('accuracy', none)).toBe(true);
    expect(pageReachable('zero', none)).toBe(false);
    expect(resumePage(none)).toBe('setup');
    const measuring = { session: sessionState(), finished: false, saved: false };
    expect(pageReachable('zero', measuring)).toBe(true);
    expect(pageReachable('apply', measuring)).toBe(false);
    expect(resumePage(measuring)).toBe('zero');
    const fitted = { session: sessionState({ withGains: true }), finished: false, saved: false };
    expect(pageReachable('apply', fitted)).toBe(true);
    expect(pageReachable('verify', fitted)).toBe(false);
    // Zero, voltage and current done: the phase is next.
    expect(resumePage(fitted)).toBe('phase');
    const applied = { session: sessionState({ withGains: true, status: 'applied' }), finished: false, saved: false };
    expect(pageReachable('verify', applied)).toBe(true);
    expect(pageReachable('finish', applied)).toBe(false);
    expect(resumePage({ session: null, finished: true, saved: false })).toBe('finish');
  });
});

describe('board readings at a step', () => {
  const raw: RawBoardReading = {
    samplesPerPeriod: 128,
    sampleRateHz: 6400,
    periods: 50,
    durationS: 1,
    voltageMeanCounts: 512,
    currentMeanCounts: 512,
    vrmsCounts: 287.5,
    irmsCounts: 100,
    activePowerCounts2: 14_375,
    reactivePowerCounts2: 24_898.0,
    frequencyHz: 50,
    appliedPhaseCorrectionDeg: 0,
  };

  it('scales RMS values by the gains and turns power by the phase correction', () => {
    const c = { voltageGainVPerCount: 0.8, voltageOffsetCounts: 512, currentGainAPerCount: 0.3, currentOffsetCounts: 512, phaseCorrectionDeg: 0 };
    const r = boardReading(raw, c);
    expect(r.voltageV).toBeCloseTo(230, 10);
    expect(r.currentA).toBeCloseTo(30, 10);
    // 14 375 counts² × 0.8 × 0.3 = 3450 W; S = 6900 VA, PF 0.5.
    expect(r.activePowerW).toBeCloseTo(3450, 9);
    expect(r.powerFactor).toBeCloseTo(0.5, 9);
    // The same reading with 2° of correction: P' = 0.24 (P cos 2° − Q sin 2°).
    const turned = boardReading(raw, { ...c, phaseCorrectionDeg: 2 });
    const d = (2 * Math.PI) / 180;
    expect(turned.activePowerW).toBeCloseTo(0.24 * (14_375 * Math.cos(d) - 24_898 * Math.sin(d)), 6);
    expect(errorPercent(235.29, 230)).toBeCloseTo(2.3, 9);
    expect(errorPercent(1, 0)).toBeNull();
  });
});

describe('numbers as the pages show them', () => {
  it('uses fixed decimals, a real minus sign, no sign on a zero error, and the degree sign without a space', () => {
    expect(fixed(-2.5, 2, 'en')).toBe('−2.50');
    expect(fixed(-0.001, 2, 'en')).toBe('0.00');
    expect(fixed(2300, 1, 'fr')).toBe(`2${'\u202f'}300,0`);
    expect(percent(1.234, 'en')).toBe(`+1.23${NBSP}%`);
    expect(percent(-3.2, 'en')).toBe(`−3.20${NBSP}%`);
    expect(percent(-0.001, 'en')).toBe(`0.00${NBSP}%`);
    expect(percent(null, 'en')).toBe('—');
    expect(degrees(2.5161, 2, 'en')).toBe('2.52°');
    expect(significant(0.78199427, 'en')).toBe('0.781994');
    expect(significant(-0.3098, 'en')).toBe('−0.3098');
  });
});

describe('bench loads of the virtual meter', () => {
  it('recognises the meter’s load and gives the device API’s arguments', () => {
    expect(currentBenchLoad({ load: 'resistive', powerW: 9200, powerFactor: 0.8 })?.id).toBe('r40');
    expect(currentBenchLoad({ load: 'inductive', powerW: 4600, powerFactor: 0.5 })?.id).toBe('l20');
    expect(currentBenchLoad({ load: 'none', powerW: 123, powerFactor: 0.3 })?.id).toBe('none');
    expect(currentBenchLoad({ load: 'motor', powerW: 1500, powerFactor: 0.8 })).toBeNull();
    expect(benchConfig(benchLoad('l20'))).toEqual({ load: 'inductive', powerW: 4600, powerFactor: 0.5 });
    expect(benchConfig(benchLoad('none'))).toEqual({ load: 'none' });
  });
});
