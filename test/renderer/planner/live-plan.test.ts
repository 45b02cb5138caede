import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { liveDevicesOf } from '../../../renderer/src/features/planner/live/live-devices';
import { LivePlan } from '../../../renderer/src/features/planner/live/live-plan';
import { NO_OVERLAYS } from '../../../renderer/src/features/planner/overlays/overlay-engine';
import { overlayStaticsFor } from '../../../renderer/src/features/planner/overlays/overlay-statics';
import { floor, plan } from './plan-fixture';

function office(): ProjectSnapshot {
  return {
    ...plan(floor(10, 8)),
    placements: [
      { id: 1, floorId: 1, deviceTypeId: 1, x: 1.5, y: 1.5, label: 'S1' },
      { id: 2, floorId: 1, deviceTypeId: 2, x: 5.5, y: 3.5, label: 'R1' },
      { id: 3, floorId: 1, deviceTypeId: 3, x: 0.5, y: 0.5, label: 'GW' },
    ],
  };
}

describe('live plan', () => {
  it('recomputes once per frame however many moves arrive, and notifies with the dragged positions', () => {
    const frames: (() => void)[] = [];
    const live = new LivePlan((run) => frames.push(run));
    const snapshot = office();
    live.setPlan(overlayStaticsFor(snapshot, 1), liveDevicesOf(snapshot, 1, null));
    const seen: (number | null)[] = [];
    live.subscribe((r) => seen.push(r?.metrics.coveragePct ?? null));
    frames.splice(0).forEach((f) => f());
    expect(seen).toEqual([(100 * 5) / 80]);
    const before = live.computations;
    // A drag to the floor's corner: (9.5, 7.5) keeps only 3 of the disk's 5 cells.
    for (const x of [2.5, 4.5, 6.5, 8.5, 9.5]) live.moveDevices([{ id: 1, x, y: 7.5 }]);
    expect(frames).toHaveLength(1);
    frames.splice(0).forEach((f) => f());
    expect(live.computations - before).toBe(1);
    expect(seen.at(-1)).toBeCloseTo((100 * 3) / 80, 9);
    expect(live.devices.find((d) => d.id === 1)).toMatchObject({ x: 9.5, y: 7.5 });
    // A new snapshot drops the dragged positions.
    live.setPlan(overlayStaticsFor(snapshot, 1), liveDevicesOf(snapshot, 1, null));
    expect(live.current!.metrics.coveragePct).toBeCloseTo((100 * 5) / 80, 9);
  });

  it('shows a previewed solution as ghosts in place of the kinds it places', () => {
    const snapshot = office();
    const devices = liveDevicesOf(snapshot, 1, {
      runId: 4,
      index: 0,
      devices: [
        { x: 2.5, y: 2.5, kind: 'sensor' },
        { x: 7.5, y: 2.5, kind: 'sensor' },
      ],
    });
    expect(devices.map((d) => [d.label, d.kind, d.ghost, d.typeId, d.id < 0])).toEqual([
      ['R1', 'router', false, 2, false],
      ['GW', 'gateway', false, 3, false],
      ['S1', 'sensor', true, 1, true],
      ['S2', 'sensor', true, 1, true],
    ]);
    const live = new LivePlan(() => {});
    live.setPlan(overlayStaticsFor(snapshot, 1), devices);
    live.setFlags(NO_OVERLAYS);
    expect(live.current!.metrics.sensorCount).toBe(2);
    expect(live.current!.metrics.coveragePct).toBeCloseTo((100 * 10) / 80, 9);
  });
});
