// The certificate PDF, read back as text with pdftotext (poppler-utils) as a person would read it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateNumber, toWinAnsi, writeCalibrationCertificate } from '../../../electron/services/calibration/certificate-pdf';
import { parseCalibrationRecord } from '../../../shared/calibration/record';
import { fixtureRecord } from './record-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'meterplan-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(record = fixtureRecord(), options = {}): Promise<string> {
  const file = path.join(dir, `cert-${Math.random().toString(36).slice(2)}.pdf`);
  const written = await writeCalibrationCertificate(record, file, options);
  expect(written.ok).toBe(true);
  // -layout keeps the table's columns on one line each.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('calibration certificate', () => {
  it('states the board, the reference, the date, the coefficients and the verdict', async () => {
    const record = fixtureRecord();
    expect(record.verification.verdict.verdict).toBe('pass');
    const text = await pdfText(record);
    expect(text).toContain('Calibration certificate');
    expect(text).toContain(certificateNumber(record));
    expect(certificateNumber(record)).toBe('MP-28FF4A1B2C3D4E5F-202503140926');
    expect(text).toContain('28FF4A1B2C3D4E5F');
    expect(text).toContain('1.2.0 (protocol v1)');
    expect(text).toMatch(/Siemens SENTRON PAC3200, s\/n LBN123456 \(Modbus TCP 192\.0\.2\.10:502,\s+unit 1\)/);
    expect(text).toContain('2025-03-14T09:26:53.000Z');
    expect(text).toContain('A. Technician');
    expect(text).toContain('IEC 62053-21:2003');
    expect(text).toMatch(/Voltage gain\s+1\s+0\.900213\s+V\/count/);
    expect(text).toMatch(/Phase correction\s+0\s+2\.503\s+°/);
    expect(text).toMatch(/Phase error -2\.50° found at PF 0\.500/);
    expect(text).toContain('stored in the board (EEPROM)');
    expect(text).toMatch(/PASS - within the limits of class 1/);
    expect(text).toMatch(/Result: PASS \(class 1, IEC 62053-21:2003 \(edition 1\.0\)\)/);
    // Footer on each page, and no page left empty by it.
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((p, k) => expect(p).toContain(`page ${k + 1} of ${pages.length}`));
    expect(pages.every((p) => p.replace(/Meterplan - MP-\S+ - page \d+ of \d+/, '').trim().length > 0)).toBe(true);
  });

  it('prints one verification table per sampling rate, with reference, board and error per row', async () => {
    const text = await pdfText();
    const at64 = text.indexOf('64 samples per period');
    const at128 = text.indexOf('128 samples per period');
    expect(at64).toBeGreaterThan(0);
    expect(at128).toBeGreaterThan(at64);
    // Inductive point, active power: 575 W reference, 579.6 W board, +0.80 %, limit ±1 %.
    expect(text).toMatch(/Inductive 5 A, PF 0\.5\s+P\s+575 W\s+579\.6 W\s+\+0\.80 %\s+±1 %\s+pass/);
    // Resistive point, current: informative row with no limit.
    expect(text).toMatch(/Resistive 10 A\s+Irms\s+10 A\s+10\.02 A\s+\+0\.20 %\s+-\s+-/);
    const rows = text.split('\n').filter((l) => /\sP\s+\d/.test(l));
    expect(rows).toHaveLength(4); // two points × two sampling rates
  });

  it('says FAIL and that the board keeps its previous calibration when verification fails', async () => {
    const record = fixtureRecord(2); // errors doubled: +1.6 % at PF 0.5 exceeds ±1 %
    expect(record.verification.verdict.verdict).toBe('fail');
    const text = await pdfText(record);
    expect(text).toMatch(/FAIL - outside the limits of class 1/);
    expect(text).toMatch(/Result: FAIL/);
    expect(text).toMatch(/Inductive 5 A, PF 0\.5 at 64 samples\/period: P error 1\.60 % exceeds ±1 %/);
    expect(text).toContain('NOT stored');
    expect(text).toMatch(/\+1\.60 %\s+±1 %\s+FAIL/);
  });

  it('uses a Unicode font when given one, and ASCII stand-ins with the standard font', async () => {
    expect(toWinAnsi('0.2 Ib ≤ I ≤ Imax, cos φ = 0.5 — ±1 %')).toBe('0.2 Ib <= I <= Imax, cos phi = 0.5 - ±1 %');
    const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    if (!existsSync(font)) return; // the font is optional; the standard-font path is tested above
    const text = await pdfText(fixtureRecord(), { fontPath: font });
    expect(text).toContain('Calibration certificate');
    expect(text).toMatch(/Phase error −?-?2\.50° found/);
  });

  it('reports a path that cannot be written as a result', async () => {
    const r = await writeCalibrationCertificate(fixtureRecord(), path.join(dir, 'no-such-dir', 'c.pdf'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Could not write the certificate to .*no-such-dir/);
  });
});

describe('CalibrationRecord schema', () => {
  it('round-trips through JSON', () => {
    const record = fixtureRecord();
    const back = parseCalibrationRecord(JSON.parse(JSON.stringify(record)));
    expect(back).toEqual({ ok: true, value: record });
  });

  it('refuses a corrupted record with the path of the fault', () => {
    const json = JSON.parse(JSON.stringify(fixtureRecord()));
    json.coefficients.currentGainAPerCount = 'fast';
    const r = parseCalibrationRecord(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Stored calibration is malformed at coefficients\.currentGainAPerCount/);
    expect(parseCalibrationRecord({ ...fixtureRecord(), version: 2 }).ok).toBe(false);
    expect(parseCalibrationRecord(null).ok).toBe(false);
  });
});
