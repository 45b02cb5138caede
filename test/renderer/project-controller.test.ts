import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../shared/model/building';
import type { Result } from '../../shared/api/result';
import { createProjectController } from '../../renderer/src/state/project-controller';
import { createProjectStore } from '../../renderer/src/state/project-store';
import { createFakeApi, deferred, flush } from './fake-api';
import { officeSnapshot, projectInfo } from './snapshots';

const office = projectInfo('/docs/Thesis office.meterplan');

describe('project controller', () => {
  it('loads the open project, its snapshot and the recent files on start, and listens for changes', async () => {
    const fake = createFakeApi({
      getCurrentProject: () => office,
      getProjectSnapshot: () => ({ ok: true, value: officeSnapshot() }),
      listRecentProjects: () => [{ path: office.path, displayName: office.displayName, openedAt: '2026-01-01T00:00:00Z' }],
    });
    const store = createProjectStore();
    const c = createProjectController(fake.api, store);
    expect(store.getState().loaded).toBe(false);
    await c.start();
    const s = store.getState();
    expect(s.loaded).toBe(true);
    expect(s.info?.path).toBe(office.path);
    expect(s.snapshot?.placements).toHaveLength(6);
    expect(s.activeFloorId).toBe(1);
    expect(s.recent).toHaveLength(1);
    expect(fake.listenerCount('projectChanged')).toBe(1);
    expect(fake.listenerCount('projectEdited')).toBe(1);
    c.dispose();
    expect(fake.listenerCount('projectChanged')).toBe(0);
  });

  it('follows projectChanged (another window closed the project) and projectEdited events', async () => {
    let snapshot = officeSnapshot();
    const fake = createFakeApi({
      getCurrentProject: () => office,
      getProjectSnapshot: () => ({ ok: true, value: snapshot }),
      listRecentProjects: () => [],
    });
    const store = createProjectStore();
    const c = createProjectController(fake.api, store);
    await c.start();
    snapshot = { ...snapshot, building: { ...snapshot.building, name: 'Renamed elsewhere' } };
    fake.emit('projectEdited', { revision: 2 });
    await flush();
    expect(store.getState().snapshot?.building.name).toBe('Renamed elsewhere');
    fake.emit('projectChanged', null);
    await flush();
    expect(store.getState().info).toBeNull();
    expect(store.getState().snapshot).toBeNull();
    expect(store.getState().activeFloorId).toBeNull();
  });

  it('drops a snapshot answer that arrives after a newer one', async () => {
    const answers = [deferred<Result<ProjectSnapshot>>(), deferred<Result<ProjectSnapshot>>()];
    let n = 0;
    const fake = createFakeApi({
      getCurrentProject: () => office,
      getProjectSnapshot: () => answers[n++]!.promise,
      listRecentProjects: () => [],
    });
    const store = createProjectStore();
    const c = createProjectController(fake.api, store);
    const started = c.start();
    await flush();
    fake.emit('projectEdited', { revision: 5 });
    await flush();
    const newer = officeSnapshot();
    newer.building.name = 'newer';
    const older = officeSnapshot();
    older.building.name = 'older';
    answers[1]!.resolve({ ok: true, value: newer });
    await flush();
    answers[0]!.resolve({ ok: true, value: older });
    await started;
    expect(store.getState().snapshot?.building.name).toBe('newer');
  });

  it('reports a refused open as a result and keeps the project that was open', async () => {
    const fake = createFakeApi({
      getCurrentProject: () => office,
      getProjectSnapshot: () => ({ ok: true, value: officeSnapshot() }),
      listRecentProjects: () => [],
      openProject: ({ path }) => ({ ok: false, code: 'not-a-project', message: `${path} is not a Meterplan project` }),
    });
    const store = createProjectStore();
    const c = createProjectController(fake.api, store);
    await c.start();
    const r = await c.open('/docs/x.meterplan');
    expect(r).toEqual({ ok: false, code: 'not-a-project', message: '/docs/x.meterplan is not a Meterplan project' });
    expect(store.getState().info?.path).toBe(office.path);
    expect(store.getState().snapshot).not.toBeNull();
  });

  it('turns a lost connection into a result instead of an exception', async () => {
    const fake = createFakeApi({
      saveProjectAs: () => {
        throw new Error('The connection to the back end was lost before it answered.');
      },
    });
    const c = createProjectController(fake.api, createProjectStore());
    expect(await c.saveAs('/docs/a.meterplan')).toEqual({ ok: false, code: 'transport', message: 'The connection to the back end was lost before it answered.' });
  });

  it('opens another file: new info, new snapshot, recent list refreshed', async () => {
    const other = projectInfo('/docs/lilas.meterplan');
    const otherSnapshot = officeSnapshot();
    otherSnapshot.building.name = 'Lilas';
    let current = office;
    const fake = createFakeApi({
      getCurrentProject: () => current,
      getProjectSnapshot: () => ({ ok: true, value: current === office ? officeSnapshot() : otherSnapshot }),
      listRecentProjects: () => (current === office ? [] : [{ path: other.path, displayName: 'lilas', openedAt: '2026-01-01T00:00:00Z' }]),
      openProject: () => {
        current = other;
        return { ok: true, value: other };
      },
    });
    const store = createProjectStore();
    const c = createProjectController(fake.api, store);
    await c.start();
    expect((await c.open(other.path)).ok).toBe(true);
    expect(store.getState().info?.path).toBe(other.path);
    expect(store.getState().snapshot?.building.name).toBe('Lilas');
    expect(store.getState().recent.map((r) => r.displayName)).toEqual(['lilas']);
  });

  it('counts an edit as pending until it is answered, then shows its result', async () => {
    const answer = deferred<Result<{ name: string; address: string; notes: string }>>();
    const fake = createFakeApi({
      getCurrentProject: () => office,
      getProjectSnapshot: () => ({ ok: true, value: officeSnapshot() }),
      listRecentProjects: () => [],
      updateBuilding: () => answer.promise,
    });
    const store = createProjectStore();
    const c = createProjectController(fake.api, store);
    await c.start();
    const edit = c.updateBuilding({ name: 'Lilas' });
    expect(store.getState().pendingEdits).toBe(1);
    answer.resolve({ ok: true, value: { name: 'Lilas', address: '', notes: '' } });
    expect((await edit).ok).toBe(true);
    expect(store.getState().pendingEdits).toBe(0);
    expect(store.getState().snapshot?.building.name).toBe('Lilas');
    expect(fake.calls.find((x) => x.method === 'updateBuilding')?.args).toEqual({ name: 'Lilas' });
  });
});
