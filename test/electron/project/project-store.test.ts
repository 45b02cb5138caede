import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { seedNewProject } from '../../../electron/services/project/seed';
import { useTempDir } from './helpers';

function openStore(dir: string): ProjectStore {
  const file = path.join(dir, 'p.meterplan');
  createProjectFile(file, (db) => seedNewProject(db, 'Store test'));
  const r = openProjectFile(file);
  if (!r.ok) throw new Error(r.message);
  return new ProjectStore(r.value.db);
}

describe('ProjectStore edits', () => {
  const tmp = useTempDir();

  it('refuses a zero-length wall with a clear message and writes nothing', () => {
    const store = openStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const materialId = store.listMaterials()[0]!.id;
    let edits = 0;
    store.onDidEdit(() => (edits += 1));
    const r = store.addWall({ floorId, a: { x: 2, y: 3 }, b: { x: 2, y: 3 }, materialId });
    expect(r).toEqual({ ok: false, code: 'invalid-wall', message: expect.stringMatching(/at least 1 mm long/) });
    expect(store.listWalls()).toEqual([]);
    expect(edits).toBe(0);
    store.db.close();
  });

  it('refuses references to a floor or material that does not exist', () => {
    const store = openStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    expect(store.addWall({ floorId: 999, a: { x: 0, y: 0 }, b: { x: 1, y: 0 }, materialId: 1 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.addWall({ floorId, a: { x: 0, y: 0 }, b: { x: 1, y: 0 }, materialId: 999 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.addZone({ floorId, kind: 'installable', name: 'bad', polygon: [{ x: 0, y: 0 }, { x: 1, y: 1 }] })).toMatchObject({
      ok: false,
      code: 'invalid-zone',
    });
    store.db.close();
  });

  it('round-trips walls, zones, device types and placements, and notifies each committed edit', () => {
    const store = openStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const materialId = store.listMaterials().find((m) => m.name === 'Glass')!.id;
    const revisions: number[] = [];
    store.onDidEdit((r) => revisions.push(r));
    const wall = store.addWall({ floorId, a: { x: 0, y: 0 }, b: { x: 4.25, y: 0 }, materialId, thicknessM: 0.05 });
    const zone = store.addZone({ floorId, kind: 'poi', name: 'Door', polygon: [{ x: 1, y: 1 }] });
    const type = store.addDeviceType({ kind: 'sensor', name: 'PIR', spec: { costUnits: 3 } });
    if (!wall.ok || !zone.ok || !type.ok) throw new Error('edit failed');
    const placement = store.addPlacement({ floorId, deviceTypeId: type.value.id, x: 1.5, y: 2.5, label: 'S1' });
    if (!placement.ok) throw new Error(placement.message);
    expect(store.movePlacement(placement.value.id, 3, 4)).toEqual({ ok: true, value: null });
    const snap = store.snapshot();
    expect(snap.walls).toEqual([{ id: wall.value.id, floorId, a: { x: 0, y: 0 }, b: { x: 4.25, y: 0 }, materialId, thicknessM: 0.05 }]);
    expect(snap.zones[0]).toMatchObject({ kind: 'poi', name: 'Door', polygon: [{ x: 1, y: 1 }] });
    expect(snap.deviceTypes[0]).toMatchObject({ kind: 'sensor', name: 'PIR', spec: { costUnits: 3 } });
    expect(snap.placements[0]).toMatchObject({ x: 3, y: 4, label: 'S1' });
    expect(revisions).toEqual([1, 2, 3, 4, 5]);
    expect(store.deletePlacement(12345)).toMatchObject({ ok: false, code: 'not-found' });
    store.db.close();
  });
});
