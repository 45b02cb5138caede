import { describe, expect, it } from 'vitest';
import { calibratePlan, getPlanImage, removePlanImage, setPlanImage, updateFloor } from '../../../electron/services/project/floor-edits';
import { placeDevice } from '../../../electron/services/project/plan-edits';
import { useTempDir } from './helpers';
import { makePng } from './png-fixture';
import { openSeededStore, unwrap } from './store-fixture';

describe('floor edits: plan image, scale calibration, size and pitch', () => {
  const tmp = useTempDir();

  it('stores a PNG as the floor plan, spanning the floor width until calibrated, and gives the same bytes back', () => {
    const store = openSeededStore(tmp());
    const floor = store.listFloors()[0]!; // 20 m × 15 m
    const png = makePng(200, 100);
    const plan = unwrap(setPlanImage(store, floor.id, png, 'office.png'));
    expect(plan).toEqual({ mime: 'image/png', widthPx: 200, heightPx: 100, metresPerPx: 0.1, originX: 0, originY: 0 });
    expect(store.listFloors()[0]!.plan).toEqual(plan);
    const back = unwrap(getPlanImage(store, floor.id))!;
    expect(back.mime).toBe('image/png');
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
    unwrap(removePlanImage(store, floor.id));
    expect(unwrap(getPlanImage(store, floor.id))).toBeNull();
    unwrap(store.undo());
    expect(Buffer.from(unwrap(getPlanImage(store, floor.id))!.dataBase64, 'base64').equals(png)).toBe(true);
    store.db.close();
  });

  it('refuses a file that is not an image and leaves the project exactly as it was', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    unwrap(setPlanImage(store, floorId, makePng(50, 50)));
    const before = store.snapshot();
    const blobBefore = unwrap(getPlanImage(store, floorId));
    let edits = 0;
    store.onDidEdit(() => edits++);
    const r = setPlanImage(store, floorId, Buffer.from('%PDF-1.7\n...'), 'plan.pdf');
    expect(r).toEqual({ ok: false, code: 'not-an-image', message: '"plan.pdf" is not a PNG or JPEG image (its first bytes are 25 50 44 46).' });
    expect(store.snapshot()).toEqual(before);
    expect(unwrap(getPlanImage(store, floorId))).toEqual(blobBefore);
    expect(edits).toBe(0);
    expect(store.undoState.undoLabel).toBe('setPlanImage');
    store.db.close();
  });

  it('calibrates the scale from two points and a distance; the floor and its contents follow the image', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const brick = store.listMaterials().find((m) => m.name === 'Brick')!.id;
    unwrap(setPlanImage(store, floorId, makePng(200, 100))); // 0.1 m/px: the image is 20 m × 10 m
    unwrap(store.addWall({ floorId, a: { x: 2, y: 2 }, b: { x: 4, y: 2 }, materialId: brick }));
    unwrap(placeDevice(store, { floorId, kind: 'sensor', x: 10, y: 5 }));
    unwrap(store.addZone({ floorId, kind: 'poi', name: 'Door', polygon: [{ x: 6, y: 8 }] }));
    // 100 px between the points are 5 m: 0.05 m/px, the image is 10 m × 5 m and everything halves.
    const floor = unwrap(calibratePlan(store, { floorId, aPx: { x: 10, y: 10 }, bPx: { x: 110, y: 10 }, distanceM: 5 }));
    expect(floor).toMatchObject({ widthM: 10, heightM: 5, plan: { metresPerPx: 0.05, widthPx: 200, heightPx: 100 } });
    expect(store.listWalls()[0]).toMatchObject({ a: { x: 1, y: 1 }, b: { x: 2, y: 1 } });
    expect(store.listPlacements()[0]).toMatchObject({ x: 5, y: 2.5 });
    expect(store.listZones()[0]!.polygon).toEqual([{ x: 3, y: 4 }]);
    // A diagonal: 3-4-5 triangle of 50 px is 2.5 m → 0.05 m/px, unchanged.
    unwrap(calibratePlan(store, { floorId, aPx: { x: 0, y: 0 }, bPx: { x: 30, y: 40 }, distanceM: 2.5 }));
    expect(store.listWalls()[0]).toMatchObject({ a: { x: 1, y: 1 }, b: { x: 2, y: 1 } });
    unwrap(store.undo());
    unwrap(store.undo());
    expect(store.listFloors()[0]).toMatchObject({ widthM: 20, heightM: 15, plan: { metresPerPx: 0.1 } });
    expect(store.listWalls()[0]).toMatchObject({ a: { x: 2, y: 2 }, b: { x: 4, y: 2 } });
    store.db.close();
  });

  it('refuses a zero, negative or non-numeric distance, coincident points, and a floor without a plan', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    expect(calibratePlan(store, { floorId, aPx: a, bPx: b, distanceM: 5 })).toMatchObject({ ok: false, code: 'no-plan-image' });
    unwrap(setPlanImage(store, floorId, makePng(200, 100)));
    const before = store.snapshot();
    for (const distanceM of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(calibratePlan(store, { floorId, aPx: a, bPx: b, distanceM })).toEqual({
        ok: false,
        code: 'invalid-scale',
        message: `The distance between the two points must be a positive number of metres (got ${String(distanceM)}).`,
      });
    }
    expect(calibratePlan(store, { floorId, aPx: a, bPx: { x: 1, y: 1 }, distanceM: 3 })).toMatchObject({ ok: false, code: 'invalid-scale', message: expect.stringMatching(/1\.414 px apart/) });
    // 100 px = 1 km: a 2 km plan is beyond any floor.
    expect(calibratePlan(store, { floorId, aPx: a, bPx: b, distanceM: 30_000 })).toMatchObject({ ok: false, code: 'invalid-scale', message: expect.stringMatching(/check the distance/) });
    expect(store.snapshot()).toEqual(before);
    store.db.close();
  });

  it('updates the floor size and grid pitch within sensible bounds', () => {
    const store = openSeededStore(tmp());
    const floorId = store.listFloors()[0]!.id;
    expect(unwrap(updateFloor(store, { id: floorId, widthM: 60, heightM: 40, gridPitchM: 0.5 }))).toMatchObject({ widthM: 60, heightM: 40, gridPitchM: 0.5 });
    expect(updateFloor(store, { id: floorId, gridPitchM: 0 })).toMatchObject({ ok: false, code: 'invalid-pitch' });
    expect(updateFloor(store, { id: floorId, widthM: -1 })).toMatchObject({ ok: false, code: 'invalid-floor', message: expect.stringMatching(/width/) });
    expect(updateFloor(store, { id: 99, widthM: 10 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.listFloors()[0]).toMatchObject({ widthM: 60, heightM: 40, gridPitchM: 0.5 });
    store.db.close();
  });
});
