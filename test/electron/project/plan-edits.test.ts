import { describe, expect, it } from 'vitest';
import { deleteItems, joinWalls, movePlacements, placeDevice, setGateway, splitWall, updatePlacement, updateWall, updateZone } from '../../../electron/services/project/plan-edits';
import type { ProjectStore } from '../../../electron/services/project/project-store';
import { useTempDir } from './helpers';
import { openSeededStore, unwrap } from './store-fixture';

function withWall(store: ProjectStore, a = { x: 0, y: 0 }, b = { x: 10, y: 0 }, material = 'Brick') {
  const floorId = store.listFloors()[0]!.id;
  const materialId = store.listMaterials().find((m) => m.name === material)!.id;
  return { floorId, materialId, id: unwrap(store.addWall({ floorId, a, b, materialId, thicknessM: 0.2 })).id };
}

describe('plan edits', () => {
  const tmp = useTempDir();

  it('splits a wall at the nearest point and joins the halves back; both undo', () => {
    const store = openSeededStore(tmp());
    const { id, materialId } = withWall(store);
    const { ids } = unwrap(splitWall(store, id, { x: 3, y: 0.4 }));
    expect(ids[0]).toBe(id);
    expect(store.listWalls().map((w) => [w.a, w.b, w.materialId, w.thicknessM])).toEqual([
      [{ x: 0, y: 0 }, { x: 3, y: 0 }, materialId, 0.2],
      [{ x: 3, y: 0 }, { x: 10, y: 0 }, materialId, 0.2],
    ]);
    expect(splitWall(store, id, { x: -2, y: 0 })).toMatchObject({ ok: false, code: 'invalid-split' });
    expect(unwrap(joinWalls(store, ids[1], ids[0]))).toEqual({ id: ids[1] });
    expect(store.listWalls()).toHaveLength(1);
    expect(store.listWalls()[0]).toMatchObject({ a: { x: 10, y: 0 }, b: { x: 0, y: 0 } });
    unwrap(store.undo());
    expect(store.listWalls()).toHaveLength(2);
    unwrap(store.undo());
    expect(store.listWalls()).toHaveLength(1);
    expect(store.listWalls()[0]).toMatchObject({ id, a: { x: 0, y: 0 }, b: { x: 10, y: 0 } });
    store.db.close();
  });

  it('refuses to join walls that are not in line, apart, folded back or different', () => {
    const store = openSeededStore(tmp());
    const w = withWall(store).id;
    const corner = withWall(store, { x: 10, y: 0 }, { x: 10, y: 5 }).id;
    const apart = withWall(store, { x: 12, y: 0 }, { x: 15, y: 0 }).id;
    const folded = withWall(store, { x: 0, y: 0 }, { x: 4, y: 0 }).id;
    const glass = withWall(store, { x: 10, y: 0 }, { x: 14, y: 0 }, 'Glass').id;
    expect(joinWalls(store, w, corner)).toMatchObject({ ok: false, code: 'invalid-join', message: expect.stringMatching(/meet at 90°/) });
    expect(joinWalls(store, w, apart)).toMatchObject({ ok: false, message: expect.stringMatching(/do not share an end/) });
    expect(joinWalls(store, w, folded)).toMatchObject({ ok: false, message: expect.stringMatching(/overlap/) });
    expect(joinWalls(store, w, glass)).toMatchObject({ ok: false, message: expect.stringMatching(/material or thickness/) });
    expect(store.listWalls()).toHaveLength(5);
    store.db.close();
  });

  it('updates a wall, refusing a zero length or a missing material', () => {
    const store = openSeededStore(tmp());
    const { id } = withWall(store);
    expect(unwrap(updateWall(store, { id, b: { x: 4, y: 3 }, thicknessM: 0.1 }))).toMatchObject({ a: { x: 0, y: 0 }, b: { x: 4, y: 3 }, thicknessM: 0.1 });
    expect(updateWall(store, { id, b: { x: 0, y: 0 } })).toMatchObject({ ok: false, code: 'invalid-wall', message: expect.stringMatching(/at least 1 mm/) });
    expect(updateWall(store, { id, materialId: 999 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(updateWall(store, { id, thicknessM: 0 })).toMatchObject({ ok: false, code: 'invalid-wall' });
    expect(store.listWalls()[0]).toMatchObject({ b: { x: 4, y: 3 }, thicknessM: 0.1 });
    store.db.close();
  });

  it('places devices with the thesis types and the next free labels, updates and moves them together', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const s1 = unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 1, y: 1 }));
    const s2 = unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 2, y: 1 }));
    const r1 = unwrap(placeDevice(store, { floorId, kind: 'router', x: 3, y: 3 }));
    expect([s1.label, s2.label, r1.label]).toEqual(['S1', 'S2', 'R1']);
    const types = store.listDeviceTypes();
    expect(types.map((t) => [t.kind, t.name])).toEqual([
      ['sensor', 'Thesis sensor (binary disk)'],
      ['router', 'Thesis router (binary disk)'],
    ]);
    expect(types[0]!.spec).toMatchObject({ detection: { kind: 'disk', radiusM: 1.5 }, radio: { technology: 'ideal-disk', rangeM: 3 } });
    expect(placeDevice(store, { floorId, kind: 'sensor', x: 0, y: 0, deviceTypeId: r1.deviceTypeId })).toMatchObject({ ok: false, code: 'wrong-device-kind' });
    unwrap(store.deletePlacement(s1.id));
    expect(unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 5, y: 5 })).label).toBe('S3');

    expect(unwrap(updatePlacement(store, { id: s2.id, label: 'Hall', x: 2.25 }))).toMatchObject({ label: 'Hall', x: 2.25, y: 1 });
    unwrap(movePlacements(store, [
      { id: s2.id, x: 7, y: 7 },
      { id: r1.id, x: 8, y: 8 },
    ]));
    expect(movePlacements(store, [{ id: s2.id, x: 0, y: 0 }, { id: 4242, x: 0, y: 0 }])).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.listPlacements().filter((p) => p.id === s2.id || p.id === r1.id).map((p) => [p.x, p.y])).toEqual([
      [7, 7],
      [8, 8],
    ]);
    unwrap(store.undo());
    expect(store.listPlacements().find((p) => p.id === r1.id)).toMatchObject({ x: 3, y: 3 });
    store.db.close();
  });

  it('sets the one gateway: zone and device move together, created when missing', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    unwrap(setGateway(store, floorId, { x: 2, y: 3 }));
    unwrap(setGateway(store, floorId, { x: 4, y: 5 }));
    expect(store.listZones()).toEqual([{ id: expect.any(Number), floorId, kind: 'gateway', name: 'Gateway', polygon: [{ x: 4, y: 5 }] }]);
    const gw = store.listPlacements();
    expect(gw).toHaveLength(1);
    expect(gw[0]).toMatchObject({ x: 4, y: 5, label: 'GW' });
    expect(store.listDeviceTypes().find((t) => t.id === gw[0]!.deviceTypeId)?.kind).toBe('gateway');
    store.db.close();
  });

  it('updates zones and deletes a mixed selection in one undoable step', () => {
    const store = openSeededStore(tmp());
    const { floorId, id: wallId } = withWall(store);
    const square = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 4 },
    ];
    const zoneId = unwrap(store.addZone({ floorId, kind: 'installable', name: 'Room', polygon: square })).id;
    expect(unwrap(updateZone(store, { id: zoneId, kind: 'exclusion', name: 'Shaft' }))).toMatchObject({ kind: 'exclusion', name: 'Shaft' });
    expect(updateZone(store, { id: zoneId, polygon: [{ x: 0, y: 0 }, { x: 1, y: 1 }] })).toMatchObject({ ok: false, code: 'invalid-zone' });
    const s = unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 1, y: 1 }));
    const before = store.snapshot();
    expect(unwrap(deleteItems(store, { walls: [wallId], zones: [zoneId], placements: [s.id, 777] }))).toEqual({ deleted: 3 });
    expect(store.snapshot()).toMatchObject({ walls: [], zones: [] });
    expect(deleteItems(store, { walls: [wallId], zones: [], placements: [] })).toMatchObject({ ok: false, code: 'not-found' });
    unwrap(store.undo());
    expect(store.snapshot()).toEqual(before);
    store.db.close();
  });
});
