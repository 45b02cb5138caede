// The Calibrate area's controller against a fake API: typed readings checked before anything is sent, the
// session adopted from answers and events, failures kept on their page, the finished record saved in the
// project (and saved again once a project is open), certificates written to the path given.
import { describe, expect, it } from 'vitest';
import { ok, err } from '../../../shared/api/result';
import type { ProjectInfo } from '../../../shared/api/project-api';
import { CalibrationController } from '../../../renderer/src/features/calibration/calibration-controller';
import { createCalibrationStore, initialCalibrationState } from '../../../renderer/src/features/calibration/calibration-store';
import { createProjectStore, initialProjectState } from '../../../renderer/src/state/project-store';
import { createFakeApi } from '../fake-api';
import { fixtureRecord } from '../../electron/calibration/record-fixture';
import { sessionState } from './session-fixture';

const INFO: ProjectInfo = { path: '/p/Office.meterplan', displayName: 'Office', untitled: false, formatVersion: 3, migratedFrom: null };

function setup(impl: Parameters<typeof createFakeApi>[0], project: ProjectInfo | null = INFO) {
  const fake = createFakeApi(impl);
  const store = createCalibrationStore({ ...initialCalibrationState, session: sessionState({ withGains: true }), view: 'voltage' });
  const projects = createProjectStore({ ...initialProjectState, loaded: true, info: project });
  return { fake, store, projects, controller: new CalibrationController(fake.api, store, projects) };
}

describe('calibration controller', () => {
  it('checks typed readings before measuring, and sends the checked reading', async () => {
    const answered = { ...sessionState({ withGains: true }), busy: true };
    const { fake, store, controller } = setup({ measureCalibrationStep: () => ok(answered) });
    controller.setTyped('voltage', 'voltageV', '0');
    const refused = await controller.measure('voltage');
    expect(refused.ok).toBe(false);
    expect(fake.calls).toEqual([]);
    expect(store.getState().typedProblems.voltage).toEqual({ voltageV: 'notPositive' });
    // Editing the field clears its problem.
    controller.setTyped('voltage', 'voltageV', '230,1');
    expect(store.getState().typedProblems.voltage).toEqual({});
    const measured = await controller.measure('voltage', 0);
    expect(measured.ok).toBe(true);
    expect(fake.calls).toEqual([{ method: 'measureCalibrationStep', args: { step: 'voltage', pointIndex: 0, typed: { samples: 1, durationS: 0, voltageV: 230.1 } } }]);
    // The answer was taken inside the back end's operation (busy); once answered, the session is idle.
    expect(store.getState().session?.busy).toBe(false);
    expect(store.getState().pending).toBeNull();
  });

  it('keeps a failure on its page until the page is tried again, and follows session events', async () => {
    let answer: ReturnType<typeof err> | ReturnType<typeof ok> = err('modbus-timeout', 'PAC3200 did not answer.');
    const { fake, store, controller } = setup({ measureCalibrationStep: () => answer as never });
    await controller.start().catch(() => undefined);
    await controller.measure('zero');
    expect(store.getState().failures.zero).toEqual({ code: 'modbus-timeout', message: 'PAC3200 did not answer.' });
    answer = ok(sessionState({ withGains: true }));
    await controller.measure('zero');
    expect(store.getState().failures.zero).toBeUndefined();
    fake.emit('calibrationSessionChanged', { ...sessionState(), busy: true });
    expect(store.getState().session?.busy).toBe(true);
    expect(store.getState().session?.proposed).toBeNull();
    fake.emit('calibrationSessionChanged', null);
    expect(store.getState().session).toBeNull();
  });

  it('saves the finished record in the project, and again after a project is opened', async () => {
    const record = fixtureRecord();
    let project = false;
    const { fake, store, projects, controller } = setup(
      {
        finishCalibration: () => ok(record),
        saveCalibration: () => (project ? ok({ id: 4 }) : err('no-project', 'No project is open: open or create one to keep calibrations.')),
        listCalibrations: () => ok([]),
      },
      null,
    );
    controller.setFinishFields({ operator: '  A. Technician ', notes: '' });
    await controller.finish();
    expect(fake.calls[0]).toEqual({ method: 'finishCalibration', args: { operator: 'A. Technician', notes: '' } });
    expect(store.getState().record).toEqual(record);
    expect(store.getState().savedId).toBeNull();
    expect(store.getState().failures.finish?.code).toBe('no-project');
    project = true;
    projects.setState({ info: INFO });
    await controller.save();
    expect(store.getState().savedId).toBe(4);
    expect(store.getState().failures.finish).toBeUndefined();
    expect(fake.calls.filter((c) => c.method === 'saveCalibration')).toHaveLength(2);
    // Saved once: saving again does nothing.
    await controller.save();
    expect(fake.calls.filter((c) => c.method === 'saveCalibration')).toHaveLength(2);
  });

  it('writes the certificate of the record, or of a stored calibration, to the path given', async () => {
    const record = fixtureRecord();
    const { fake, controller } = setup({
      exportCalibrationCertificate: ({ path }) => ok({ path, bytes: 1000 }),
      exportStoredCertificate: ({ path }) => ok({ path, bytes: 2000 }),
    });
    expect(await controller.exportCertificate('/x.pdf')).toMatchObject({ ok: false, code: 'no-certificate' });
    controller.openCertificate({ kind: 'record', record });
    expect(await controller.exportCertificate('/d/a.pdf')).toEqual({ ok: true, value: { path: '/d/a.pdf', bytes: 1000 } });
    controller.openCertificate({ kind: 'stored', id: 3, boardSerial: 'B', createdAt: '2025-01-01T00:00:00Z' });
    expect(await controller.exportCertificate('/d/b.pdf')).toEqual({ ok: true, value: { path: '/d/b.pdf', bytes: 2000 } });
    expect(fake.calls.map((c) => [c.method, c.args])).toEqual([
      ['exportCalibrationCertificate', { record, path: '/d/a.pdf' }],
      ['exportStoredCertificate', { id: 3, path: '/d/b.pdf' }],
    ]);
  });
});
