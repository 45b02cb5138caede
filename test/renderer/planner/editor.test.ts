import { describe, expect, it } from 'vitest';
import { finishDraft, wallClick, zoneClick } from '../../../renderer/src/features/planner/editor/drawing';
import { parseDistanceM, fromImagePx, toImagePx } from '../../../renderer/src/features/planner/editor/plan-image-actions';
import { bandSelect, clickSelect, EMPTY_SELECTION, pruneSelection, rectOf } from '../../../renderer/src/features/planner/editor/selection';
import { snapPoint } from '../../../renderer/src/features/planner/editor/snapping';

const TOL = 0.1;

describe('wall and zone drawing', () => {
  it('persists a wall per clicked segment and closes the outline on its first corner', () => {
    let step = wallClick(null, { x: 0, y: 0 }, TOL);
    expect(step.segment).toBeNull();
    step = wallClick(step.draft, { x: 4, y: 0 }, TOL);
    expect(step.segment).toEqual([{ x: 0, y: 0 }, { x: 4, y: 0 }]);
    // A double click repeats the last point: nothing new.
    expect(wallClick(step.draft, { x: 4.05, y: 0 }, TOL).segment).toBeNull();
    step = wallClick(step.draft, { x: 4, y: 3 }, TOL);
    step = wallClick(step.draft, { x: 0.02, y: -0.03 }, TOL);
    expect(step.segment).toEqual([{ x: 4, y: 3 }, { x: 0, y: 0 }]); // closed exactly on the first corner
    expect(step.draft).toBeNull();
  });

  it('closes a zone on its first corner, and keeps a single point only for a point of interest', () => {
    let step = zoneClick(null, { x: 0, y: 0 }, TOL);
    step = zoneClick(step.draft, { x: 2, y: 0 }, TOL);
    expect(zoneClick(step.draft, { x: 0, y: 0 }, TOL).polygon).toBeNull(); // two corners do not close
    step = zoneClick(step.draft, { x: 2, y: 2 }, TOL);
    const closed = zoneClick(step.draft, { x: 0.05, y: 0 }, TOL);
    expect(closed.polygon).toEqual([{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 2 }]);
    expect(closed.draft).toBeNull();
    const point = zoneClick(null, { x: 3, y: 3 }, TOL).draft;
    expect(finishDraft(point, 'poi').polygon).toEqual([{ x: 3, y: 3 }]);
    expect(finishDraft(point, 'installable').polygon).toBeNull();
    expect(finishDraft(step.draft, 'exclusion').polygon).toHaveLength(3);
  });
});

describe('snapping', () => {
  const base = { toGrid: true, toEnds: true, pitchM: 0.5, scalePxPerM: 100, gridTarget: 'crossing' as const };

  it('prefers a wall end within 10 px, then the grid', () => {
    const ends = [{ x: 1.23, y: 4.56 }];
    expect(snapPoint({ x: 1.3, y: 4.6 }, ends, base)).toEqual({ point: { x: 1.23, y: 4.56 }, snappedTo: 'end' });
    // 0.2 m = 20 px away: the grid (0.5 m crossings) instead.
    expect(snapPoint({ x: 1.43, y: 4.56 }, ends, base)).toEqual({ point: { x: 1.5, y: 4.5 }, snappedTo: 'grid' });
  });

  it('puts devices on cell centres, and lets everything go when snapping is off', () => {
    expect(snapPoint({ x: 1.1, y: 0.2 }, [], { ...base, pitchM: 1, gridTarget: 'centre' }).point).toEqual({ x: 1.5, y: 0.5 });
    expect(snapPoint({ x: 1.1, y: 0.2 }, [{ x: 1.1, y: 0.2 }], { ...base, toGrid: false, toEnds: false })).toEqual({ point: { x: 1.1, y: 0.2 }, snappedTo: null });
  });
});

describe('selection', () => {
  const items = {
    walls: [{ id: 1, a: { x: 0, y: 0 }, b: { x: 2, y: 0 } }, { id: 2, a: { x: 0, y: 0 }, b: { x: 9, y: 0 } }],
    zones: [{ id: 5, polygon: [{ x: 1, y: 1 }, { x: 2, y: 1 }, { x: 2, y: 2 }] }],
    devices: [{ id: 7, x: 1.5, y: 0.5 }, { id: 8, x: 8, y: 8 }],
  };

  it('selects one item on a click, and toggles with Shift', () => {
    let s = clickSelect(EMPTY_SELECTION, 'devices', 7, false);
    s = clickSelect(s, 'walls', 1, true);
    expect(s).toEqual({ walls: [1], zones: [], devices: [7] });
    s = clickSelect(s, 'devices', 7, true);
    expect(s).toEqual({ walls: [1], zones: [], devices: [] });
    expect(clickSelect(s, 'zones', 5, false)).toEqual({ walls: [], zones: [5], devices: [] });
  });

  it('takes what lies wholly inside the rubber band, and forgets what no longer exists', () => {
    const band = bandSelect(items, rectOf({ x: 3, y: 3 }, { x: -1, y: -1 }));
    expect(band).toEqual({ walls: [1], zones: [5], devices: [7] });
    const pruned = pruneSelection(band, { ...items, walls: [], devices: [{ id: 7, x: 0, y: 0 }] });
    expect(pruned).toEqual({ walls: [], zones: [5], devices: [7] });
    expect(pruneSelection(pruned, items)).toBe(pruned); // nothing gone: the same object, no re-render
  });
});

describe('calibration input', () => {
  it('reads metres in either decimal convention, and says why it refuses', () => {
    expect(parseDistanceM('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDistanceM(' 12,5 m ')).toEqual({ ok: true, value: 12.5 });
    expect(parseDistanceM('0')).toEqual({ ok: false, reason: 'not-positive' });
    expect(parseDistanceM('-3')).toEqual({ ok: false, reason: 'not-positive' });
    expect(parseDistanceM('three')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseDistanceM('1e400')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseDistanceM('12.5.3')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseDistanceM('  ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('maps floor metres to image pixels and back through the plan scale and origin', () => {
    const plan = { mime: 'image/png' as const, widthPx: 500, heightPx: 400, metresPerPx: 0.02, originX: 1, originY: -2 };
    expect(toImagePx(plan, { x: 6, y: 3 })).toEqual({ x: 250, y: 250 });
    expect(fromImagePx(plan, { x: 250, y: 250 })).toEqual({ x: 6, y: 3 });
  });
});
