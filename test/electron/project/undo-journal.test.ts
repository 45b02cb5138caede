import { describe, expect, it } from 'vitest';
import { setPlanImage } from '../../../electron/services/project/floor-edits';
import { movePlacements, placeDevice } from '../../../electron/services/project/plan-edits';
import { UndoJournal } from '../../../electron/services/project/undo-journal';
import { useTempDir } from './helpers';
import { makePng } from './png-fixture';
import { openSeededStore, unwrap } from './store-fixture';

describe('undo and redo of whole edits', () => {
  const tmp = useTempDir();

  it('undoes and redoes each edit exactly, the newest first, and notifies each step', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const brick = store.listMaterials().find((m) => m.name === 'Brick')!.id;
    const initial = store.snapshot();
    unwrap(store.addWall({ floorId, a: { x: 0, y: 0 }, b: { x: 5, y: 0 }, materialId: brick }));
    const afterWall = store.snapshot();
    unwrap(store.updateBuilding({ name: 'Renamed' }));
    const s1 = unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 1, y: 1 }));
    unwrap(store.movePlacement(s1.id, 2.5, 3));
    const final = store.snapshot();
    expect(store.undoState).toEqual({ canUndo: true, canRedo: false, undoLabel: 'moveDevices', redoLabel: null });

    const revisions: number[] = [];
    store.onDidEdit((r) => revisions.push(r));
    expect(unwrap(store.undo())).toMatchObject({ label: 'moveDevices', canRedo: true, redoLabel: 'moveDevices' });
    expect(store.listPlacements()[0]).toMatchObject({ x: 1, y: 1 });
    expect(unwrap(store.undo()).label).toBe('placeDevice');
    // Placing the first sensor also added the thesis's sensor type: both go in one step.
    expect(store.listPlacements()).toEqual([]);
    expect(store.listDeviceTypes()).toEqual([]);
    unwrap(store.undo());
    expect(store.snapshot()).toEqual(afterWall);
    unwrap(store.undo());
    expect(store.snapshot()).toEqual(initial);
    expect(store.undo()).toEqual({ ok: false, code: 'nothing-to-undo', message: 'There is nothing to undo.' });

    for (let i = 0; i < 4; i++) unwrap(store.redo());
    expect(store.snapshot()).toEqual(final);
    expect(store.redo()).toMatchObject({ ok: false, code: 'nothing-to-redo' });
    expect(revisions).toHaveLength(8);
    store.db.close();
  });

  it('forgets the redo history when a new edit is made, and records nothing for a refused edit', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    unwrap(placeDevice(store, { floorId, kind: 'router', x: 1, y: 1 }));
    unwrap(store.undo());
    expect(store.undoState.canRedo).toBe(true);
    unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 2, y: 2 }));
    expect(store.undoState).toMatchObject({ canRedo: false, undoLabel: 'placeDevice' });
    expect(store.addWall({ floorId, a: { x: 1, y: 1 }, b: { x: 1, y: 1 }, materialId: 1 })).toMatchObject({ ok: false });
    expect(movePlacements(store, [{ id: 999, x: 0, y: 0 }])).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.undoState.undoLabel).toBe('placeDevice');
    // An edit that changes nothing is not an undo step either.
    const name = store.getBuilding().name;
    unwrap(store.updateBuilding({ name }));
    expect(store.undoState.undoLabel).toBe('placeDevice');
    store.db.close();
  });

  it('undoes a replaced placement (applying a solution) back to the same devices and ids', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 1, y: 1 }));
    unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 4, y: 1 }));
    unwrap(placeDevice(store, { floorId, kind: 'router', x: 2, y: 2 }));
    const before = store.listPlacements();
    unwrap(store.replacePlacements(floorId, ['sensor'], [{ x: 9, y: 9, kind: 'sensor' }]));
    expect(store.listPlacements().filter((p) => p.x === 9)).toHaveLength(1);
    expect(unwrap(store.undo()).label).toBe('replacePlacements');
    expect(store.listPlacements()).toEqual(before);
    store.db.close();
  });

  it('keeps at most the configured number of steps and bytes, dropping the oldest', () => {
    const store = openSeededStore(tmp(), new UndoJournal({ maxEntries: 5, maxBytes: 1 << 30 }));
    const floorId = store.listFloors()[0]!.id;
    const s = unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 0.5, y: 0.5 }));
    for (let i = 1; i <= 7; i++) unwrap(store.movePlacement(s.id, i + 0.5, 0.5));
    expect(store.journal.size.entries).toBe(5);
    let undone = 0;
    while (store.undo().ok) undone++;
    expect(undone).toBe(5);
    expect(store.listPlacements()[0]).toMatchObject({ x: 2.5 });

    // Bytes: three 60 kB plan images do not fit 150 kB; the newest stays.
    const small = openSeededStore(tmp(), new UndoJournal({ maxEntries: 100, maxBytes: 150_000 }));
    const fid = small.listFloors()[0]!.id;
    const noisy = (seed: number) => makePng(140, 140, (x, y) => [(x * 7 + y * 13 + seed) & 255, (x * y + seed) & 255, (x ^ y ^ seed) & 255]);
    for (let i = 0; i < 3; i++) unwrap(setPlanImage(small, fid, noisy(i)));
    expect(small.journal.size.bytes).toBeLessThanOrEqual(150_000);
    expect(small.journal.size.entries).toBeLessThan(3);
    expect(small.journal.size.entries).toBeGreaterThanOrEqual(1);
    store.db.close();
    small.db.close();
  });

  it('clears a history that no longer matches the file, changing nothing', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const metal = store.listMaterials().find((m) => m.name === 'Metal')!.id;
    unwrap(store.addWall({ floorId, a: { x: 0, y: 0 }, b: { x: 3, y: 0 }, materialId: metal }));
    unwrap(store.undo());
    // Something that does not record removes the material the wall needs.
    store.db.prepare('DELETE FROM materials WHERE id = ?').run(metal);
    const before = store.snapshot();
    expect(store.redo()).toMatchObject({ ok: false, code: 'cannot-redo', message: expect.stringMatching(/has been cleared and nothing was changed/) });
    expect(store.snapshot()).toEqual(before);
    expect(store.undoState).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    store.db.close();
  });
});
