import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/services/app/settings-store';
import { ProjectService } from '../../../electron/services/project/project-service';
import { useTempDir } from './helpers';

const examplesDir = path.join(__dirname, '../../../resources/examples');

function makeService(root: string) {
  const settings = new SettingsStore(path.join(root, 'data'));
  const service = new ProjectService({ documentsDir: root, examplesDir, settings });
  return { service, settings };
}

describe('ProjectService', () => {
  const tmp = useTempDir();

  it('opens a copy of the example on first start, and the last project on later starts', () => {
    const root = tmp();
    const first = makeService(root);
    const opened = first.service.openOnStartup();
    expect(opened?.ok).toBe(true);
    const info = first.service.info!;
    expect(info.displayName).toBe('Thesis office');
    expect(path.dirname(info.path)).toBe(root);
    first.service.close();

    const second = makeService(root);
    const reopened = second.service.openOnStartup();
    expect(reopened?.ok && reopened.value.path).toBe(info.path);
    second.service.close();
  });

  it('creates an untitled project, saves it as a named file, and removes the scratch file', async () => {
    const root = tmp();
    const { service, settings } = makeService(root);
    const created = service.newProject();
    if (!created.ok) throw new Error(created.message);
    expect(created.value.untitled).toBe(true);
    const store = service.store;
    if (!store.ok) throw new Error(store.message);
    store.value.updateBuilding({ name: 'Warehouse B' });

    const saved = await service.saveAs(path.join(root, 'warehouse'));
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.value.path).toBe(path.join(root, 'warehouse.meterplan'));
    expect(saved.value.untitled).toBe(false);
    expect(existsSync(created.value.path)).toBe(false);
    expect(settings.recent[0]?.path).toBe(saved.value.path);
    service.close();
    expect(readdirSync(root).filter((f) => f.endsWith('.meterplan'))).toEqual(['warehouse.meterplan']);

    const again = service.openProject(saved.value.path);
    if (!again.ok) throw new Error(again.message);
    const s2 = service.store;
    expect(s2.ok && s2.value.getBuilding().name).toBe('Warehouse B');
    service.close();
  });

  it('keeps the current project open when asked to open a bad file', () => {
    const root = tmp();
    const { service } = makeService(root);
    const created = service.newProject();
    if (!created.ok) throw new Error(created.message);
    const bad = path.join(root, 'bad.meterplan');
    writeFileSync(bad, 'not a database');
    const r = service.openProject(bad);
    expect(r.ok).toBe(false);
    expect(service.info?.path).toBe(created.value.path);
    service.close();
  });

  it('drops a vanished file from the recent list when it cannot be found', () => {
    const root = tmp();
    const { service, settings } = makeService(root);
    settings.addRecent(path.join(root, 'gone.meterplan'), 'gone');
    const r = service.openProject(path.join(root, 'gone.meterplan'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('not-found');
    expect(settings.recent).toEqual([]);
  });

  it('refuses to save into a folder that does not exist', async () => {
    const root = tmp();
    const { service } = makeService(root);
    service.newProject();
    const r = await service.saveAs(path.join(root, 'no', 'such', 'folder', 'x.meterplan'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not exist/);
    service.close();
  });
});
