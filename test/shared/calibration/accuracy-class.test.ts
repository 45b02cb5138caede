import { describe, expect, it } from 'vitest';
import type { AccuracyClassSpec, LoadPoint } from '../../../shared/calibration/accuracy-class';
import { classLimitFor, IEC_62053_21_2003_TABLE_4, IEC_62053_21_EDITION } from '../../../shared/calibration/accuracy-class';

// A direct-connected meter with Ib = 10 A, Imax = 60 A (a common 10(60) A rating).
const class1: AccuracyClassSpec = { accuracyClass: '1', connection: 'direct', basicCurrentA: 10, maxCurrentA: 60 };
const class2: AccuracyClassSpec = { ...class1, accuracyClass: '2' };
const unity = (currentA: number): LoadPoint => ({ currentA, powerFactor: 1, character: 'inductive' });
const lagging = (currentA: number, powerFactor: number): LoadPoint => ({ currentA, powerFactor, character: 'inductive' });
const leading = (currentA: number, powerFactor: number): LoadPoint => ({ currentA, powerFactor, character: 'capacitive' });

function limit(spec: AccuracyClassSpec, load: LoadPoint): number | null {
  const l = classLimitFor(spec, load);
  return l.covered ? l.limitPercent : null;
}

describe('IEC 62053-21:2003 Table 4 limits', () => {
  it('names the edition and clause it encodes', () => {
    expect(IEC_62053_21_EDITION).toMatch(/62053-21:2003.*8\.1.*Table 4/);
    expect(IEC_62053_21_2003_TABLE_4).toHaveLength(6);
  });

  it('at unity power factor: ±1.5 / ±2.5 % from 0.05 Ib, ±1 / ±2 % from 0.1 Ib to Imax', () => {
    expect(limit(class1, unity(0.4))).toBeNull(); // 0.04 Ib: below the table
    expect(limit(class1, unity(0.5))).toBe(1.5); // 0.05 Ib
    expect(limit(class2, unity(0.7))).toBe(2.5);
    expect(limit(class1, unity(1))).toBe(1.0); // 0.1 Ib belongs to the upper row
    expect(limit(class1, unity(60))).toBe(1.0); // Imax included
    expect(limit(class2, unity(30))).toBe(2.0);
    expect(limit(class1, unity(61))).toBeNull(); // above Imax
  });

  it('at 0.5 inductive or 0.8 capacitive: ±1.5 % from 0.1 Ib, ±1 % from 0.2 Ib', () => {
    expect(limit(class1, lagging(0.8, 0.5))).toBeNull(); // 0.08 Ib: no row at PF 0.5
    expect(limit(class1, lagging(1.5, 0.5))).toBe(1.5);
    expect(limit(class2, lagging(1.5, 0.5))).toBe(2.5);
    expect(limit(class1, lagging(2, 0.5))).toBe(1.0);
    expect(limit(class1, leading(5, 0.8))).toBe(1.0);
    expect(limit(class2, leading(5, 0.8))).toBe(2.0);
  });

  it('a power factor between the test values takes the row whose range contains it', () => {
    expect(limit(class1, lagging(1.5, 0.8))).toBe(1.5); // between 0.5i and 1: the 0.5i row
    expect(limit(class1, lagging(1.5, 0.995))).toBe(1.0); // counts as unity
    expect(limit(class1, leading(5, 0.7))).toBeNull(); // below 0.8 capacitive
    expect(limit(class1, lagging(5, 0.3))).toBeNull(); // below 0.5 inductive
  });

  it('the rows "specially requested by the user" apply only when asked, and only to class 1', () => {
    const special = { ...class1, includeSpecialRequest: true };
    expect(limit(special, lagging(5, 0.25))).toBe(3.5);
    expect(limit(special, leading(5, 0.5))).toBe(2.5);
    expect(limit(special, lagging(11, 0.25))).toBeNull(); // those rows stop at Ib
    expect(limit({ ...class2, includeSpecialRequest: true }, lagging(5, 0.25))).toBeNull();
    // At PF 0.6 inductive both the 0.5i row and the 0.25i row contain the point: the narrower wins.
    expect(limit(special, lagging(5, 0.6))).toBe(1.0);
  });

  it('uses In and the transformer-operated current ranges', () => {
    const ct: AccuracyClassSpec = { accuracyClass: '1', connection: 'transformer', basicCurrentA: 5, maxCurrentA: 6 };
    expect(limit(ct, unity(0.1))).toBe(1.5); // 0.02 In
    expect(limit(ct, unity(0.05))).toBeNull();
    expect(limit(ct, unity(0.25))).toBe(1.0); // 0.05 In
    expect(limit(ct, lagging(0.3, 0.5))).toBe(1.5); // 0.06 In
    expect(limit(ct, lagging(0.5, 0.5))).toBe(1.0); // 0.1 In
  });

  it('explains why no limit applies, and refuses inconsistent ratings', () => {
    const l = classLimitFor(class1, lagging(0.8, 0.5));
    expect(l.covered).toBe(false);
    if (!l.covered) expect(l.reason).toMatch(/0\.0800 Ib/);
    const bad = classLimitFor({ ...class1, maxCurrentA: 5 }, unity(3));
    expect(bad.covered).toBe(false);
    if (!bad.covered) expect(bad.reason).toMatch(/inconsistent/);
  });
});
