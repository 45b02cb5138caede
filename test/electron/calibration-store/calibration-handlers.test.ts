// The Calibrate area's calls end to end in the back end: the built-in virtual meter behind the device
// manager, calibrated with typed readings (the simulated truth, as an engineer would read a reference),
// the record saved in the open project, listed, its certificate written and read back with pdftotext.
// Session changes reach the event hub; bad output paths and a missing project are clear results.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/api/result';
import { CalibrationSessionStateSchema } from '../../../shared/calibration/calibration-api';
import type { CalibrationSessionState } from '../../../shared/calibration/calibration-api';
import { scenarioTruth } from '../../../shared/signal/waveform';
import type { LoadSpec } from '../../../shared/signal/waveform';
import { createCalibrationHandlers } from '../../../electron/services/app/calibration-handlers';
import type { CalibrationWiring } from '../../../electron/services/app/calibration-handlers';
import { EventHub } from '../../../electron/services/app/event-hub';
import { SettingsStore } from '../../../electron/services/app/settings-store';
import { DeviceManager } from '../../../electron/services/device/device-manager';
import { ProjectService } from '../../../electron/services/project/project-service';
import { VirtualMeter } from '../../../electron/services/virtual-meter/virtual-meter';
import { virtualMeterPort, VIRTUAL_METER_PATH } from '../../../electron/services/virtual-meter/virtual-meter-ports';
import { useTempDir } from '../project/helpers';

const SPEC = { accuracyClass: '1' as const, connection: 'direct' as const, basicCurrentA: 10, maxCurrentA: 100 };
const NO_LOAD: LoadSpec = { kind: 'none' };
const R10: LoadSpec = { kind: 'resistive', powerW: 2300 };
const R40: LoadSpec = { kind: 'resistive', powerW: 9200 };
const L20: LoadSpec = { kind: 'inductive', apparentPowerVA: 4600, powerFactor: 0.5 };

const cleanup: (() => Promise<void>)[] = [];

function bench(root: string, connectVirtual = true) {
  const meter = new VirtualMeter({ load: NO_LOAD, samplesPerPeriod: 128 });
  // A generous silence limit: on a loaded 2-core CI machine the link watchdog is not what is tested here.
  const devices = new DeviceManager({ silenceTimeoutMs: 3000 });
  devices.registerInProcessPort(virtualMeterPort(meter));
  const projects = new ProjectService({ documentsDir: root, examplesDir: path.join(__dirname, '../../../resources/examples'), settings: new SettingsStore(path.join(root, 'data')) });
  const events = new EventHub();
  const seen: (CalibrationSessionState | null)[] = [];
  events.subscribe((name, payload) => {
    if (name === 'calibrationSessionChanged') seen.push(payload as CalibrationSessionState | null);
  });
  let running = connectVirtual;
  const wiring: CalibrationWiring = createCalibrationHandlers({
    projects,
    events,
    bench: {
      devices,
      virtualMeter: { path: VIRTUAL_METER_PATH, boardSerial: meter.boardSerial, firmwareVersion: meter.firmwareVersion, isRunning: () => running, start: async () => ((running = true), ok(null)) },
    },
  });
  cleanup.push(async () => {
    await wiring.dispose();
    await devices.dispose();
    projects.close();
  });
  return { meter, devices, projects, wiring, h: wiring.handlers, seen };
}

/** What a perfect reference reads on the virtual meter's line at this load. */
function typed(meter: VirtualMeter, load: LoadSpec) {
  const t = scenarioTruth({ mains: meter.scenario.mains, load });
  const pf = Number.isFinite(t.powerFactor) ? { powerFactor: t.powerFactor } : {};
  return { voltageV: t.vrmsV, currentA: t.irmsA, activePowerW: t.activePowerW, ...pf, frequencyHz: t.frequencyHz, samples: 1, durationS: 0 };
}

describe('calibration handlers', () => {
  const tmp = useTempDir();
  // Registered after the temporary folders: hooks run in reverse, so the project closes before its folder goes.
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()?.();
  });

  it('calibrate the virtual meter with typed readings, save it in the project, list it and print its certificate', async () => {
    const root = tmp();
    const b = bench(root);
    const created = b.projects.newProject();
    expect(created.ok).toBe(true);
    const h = b.h;

    const boards = await h.getCalibrationBench({});
    expect(boards).toEqual({ ok: true, value: { boards: [{ kind: 'virtual', boardSerial: '4D50564D00000001', firmwareVersion: '1.0.0', where: VIRTUAL_METER_PATH, unavailable: null }] } });

    const started = await h.startCalibration({ board: { boardSerial: '4D50564D00000001' }, reference: { kind: 'typed', instrument: 'Simulated reference' }, accuracy: SPEC, windowS: 0.2 });
    if (!started.ok) throw new Error(started.message);
    expect(b.devices.getStatus().path).toBe(VIRTUAL_METER_PATH);

    for (const [load, step] of [
      [NO_LOAD, 'zero'],
      [R10, 'voltage'],
      [R40, 'current'],
      [L20, 'phase'],
      [R10, 'unity'],
    ] as const) {
      b.meter.setLoad(load);
      const r = await h.measureCalibrationStep({ step, typed: step === 'zero' ? undefined : typed(b.meter, load) });
      if (!r.ok) throw new Error(`${step}: ${r.message}`);
    }
    const applied = await h.applyCalibration({});
    if (!applied.ok) throw new Error(applied.message);
    for (const spp of [64, 128] as const) {
      b.meter.setLoad(R10);
      const r = await h.measureVerificationPoint({ label: 'Resistive 10 A', samplesPerPeriod: spp, typed: typed(b.meter, R10) });
      if (!r.ok) throw new Error(r.message);
    }
    const finished = await h.finishCalibration({ operator: 'CI', notes: '' });
    if (!finished.ok) throw new Error(finished.message);
    expect(finished.value.verification.verdict.verdict).toBe('pass');
    expect(finished.value.storedOnBoard).toBe(true);
    // Every session change was sent, and each passes the schema the renderer checks it with.
    expect(b.seen.length).toBeGreaterThan(10);
    for (const s of b.seen) if (s) CalibrationSessionStateSchema.parse(JSON.parse(JSON.stringify(s)));
    expect(b.seen.some((s) => s?.busy)).toBe(true);
    expect(b.seen.at(-1)?.status).toBe('finished');

    const saved = await h.saveCalibration({ record: finished.value });
    if (!saved.ok) throw new Error(saved.message);
    const list = await h.listCalibrations({});
    expect(list.ok && list.value.map((c) => [c.id, c.boardSerial, c.verdict, c.reference])).toEqual([[saved.value.id, '4D50564D00000001', 'pass', 'Simulated reference (typed readings)']]);
    const latest = await h.latestCalibration({ boardSerial: '4D50564D00000001' });
    expect(latest.ok && latest.value?.record).toEqual(finished.value);

    const pdf = path.join(root, 'certificate.pdf');
    const written = await h.exportStoredCertificate({ id: saved.value.id, path: pdf });
    expect(written).toEqual({ ok: true, value: { path: pdf, bytes: readFileSync(pdf).length } });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('4D50564D00000001');
    expect(text).toContain('Simulated reference (readings typed by the operator)');
    expect(text).toMatch(/Result: PASS/);
    expect(text).toContain(finished.value.coefficients.voltageGainVPerCount.toPrecision(6).replace(/0+$/, ''));
  });

  it('refuse a relative or impossible certificate path, and saving with no project, with clear messages', async () => {
    const root = tmp();
    const b = bench(root);
    const { fixtureRecord } = await import('../calibration/record-fixture');
    const record = fixtureRecord();
    expect(await b.h.saveCalibration({ record })).toEqual({ ok: false, code: 'no-project', message: 'No project is open: open or create one to keep calibrations.' });
    expect(await b.h.listCalibrations({})).toMatchObject({ ok: false, code: 'no-project' });
    expect(await b.h.exportCalibrationCertificate({ record, path: 'cert.pdf' })).toEqual({ ok: false, code: 'bad-output', message: 'Give the full path of the certificate to write (got "cert.pdf").' });
    const missing = path.join(root, 'no such folder', 'cert.pdf');
    expect(await b.h.exportCalibrationCertificate({ record, path: missing })).toEqual({ ok: false, code: 'not-found', message: `The folder ${path.dirname(missing)} does not exist.` });
    expect(existsSync(missing)).toBe(false);
    b.projects.newProject();
    expect(await b.h.exportStoredCertificate({ id: 5, path: path.join(root, 'c.pdf') })).toEqual({ ok: false, code: 'not-found', message: 'There is no calibration 5 in this project.' });
  });

  it('start the virtual meter when it is not plugged in, and name the board that holds the connection otherwise', async () => {
    const b = bench(tmp(), false);
    const started = await b.h.startCalibration({ board: {}, reference: { kind: 'typed', instrument: 'x' }, accuracy: SPEC, windowS: 0.2 });
    expect(started.ok).toBe(true);
    expect(b.devices.getStatus().state).toBe('streaming');
    await b.h.cancelCalibration({});
    // Another board on the link: the virtual meter is offered but unavailable, and refused with the reason.
    const other = new VirtualMeter({ boardSerial: '28FF4A1B2C3D4E5F' });
    b.devices.registerInProcessPort(virtualMeterPort(other, 'virtual:other'));
    const connected = await b.devices.connect({ path: 'virtual:other' });
    expect(connected.ok).toBe(true);
    const boards = await b.h.getCalibrationBench({});
    expect(boards.ok && boards.value.boards.map((x) => [x.kind, x.boardSerial, x.unavailable])).toEqual([
      ['connected', '28FF4A1B2C3D4E5F', null],
      ['virtual', '4D50564D00000001', 'Board 28FF4A1B2C3D4E5F holds the connection: disconnect it in the Scope area to calibrate the virtual meter.'],
    ]);
    const refused = await b.h.startCalibration({ board: { boardSerial: '4D50564D00000001' }, reference: { kind: 'typed', instrument: 'x' }, accuracy: SPEC, windowS: 0.2 });
    expect(refused).toMatchObject({ ok: false, code: 'board-busy' });
    const wrong = await b.h.startCalibration({ board: { boardSerial: '0000000000000000' }, reference: { kind: 'typed', instrument: 'x' }, accuracy: SPEC, windowS: 0.2 });
    expect(wrong).toEqual({ ok: false, code: 'not-connected', message: 'Board 0000000000000000 is not connected (the connected board is 28FF4A1B2C3D4E5F).' });
  });
});
