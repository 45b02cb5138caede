// Progress events land in plain objects (never React state), in any order against startOptimization's
// answer; the time left follows the pace so far.
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract';
import { etaMs, fractionDone, LiveProgress } from '../../../renderer/src/features/optimizer/live-progress';
import { frameThrottle } from '../../../renderer/src/features/optimizer/frame-throttle';
import { createFakeApi } from '../fake-api';

const objectives = [
  { name: 'cost', direction: 'minimize' as const, unit: 'units' },
  { name: 'connectivity', direction: 'maximize' as const, unit: '%' },
];

function progress(generation: number, patch: Partial<EventPayload<'optimizationProgress'>> = {}): EventPayload<'optimizationProgress'> {
  return { jobId: 'j1', algorithm: 'nsga2', generation, generations: 100, evaluations: 80 * (generation + 1), hypervolume: 0.5 + generation / 1000, elapsedMs: generation * 20, objectives, front: [[1, 77.5], [2, 100]], ...patch };
}

describe('live progress', () => {
  it('keeps the latest front and counters per algorithm, and the hypervolume at each event', () => {
    const fake = createFakeApi({});
    const live = new LiveProgress(fake.api);
    let notified = 0;
    live.subscribe(() => notified++);
    // Before the job is known: kept anyway.
    fake.emit('optimizationProgress', progress(10));
    fake.emit('optimizationProgress', progress(20, { front: [[1, 80], [2, 100], [3, 100]] }));
    // An older event arriving late changes nothing.
    fake.emit('optimizationProgress', progress(15, { front: [] }));
    fake.emit('optimizationProgress', progress(5, { algorithm: 'spea2' }));
    const [nsga2, spea2] = live.runsOf('j1');
    expect(nsga2).toMatchObject({ algorithm: 'nsga2', generation: 20, evaluations: 1680, elapsedMs: 400, status: 'running', paceFrom: { generation: 10, elapsedMs: 200 } });
    expect(nsga2!.front).toHaveLength(3);
    expect(nsga2!.hypervolumes).toEqual([
      { generation: 10, hypervolume: 0.51 },
      { generation: 20, hypervolume: 0.52 },
    ]);
    expect(spea2!.generation).toBe(5);
    expect(notified).toBe(3);

    fake.emit('optimizationFinished', { jobId: 'j1', algorithm: 'nsga2', outcome: { ok: true, value: { runId: 7 } } });
    fake.emit('optimizationFinished', { jobId: 'j1', algorithm: 'spea2', outcome: { ok: false, code: 'x', message: 'worker died' } });
    expect(live.runsOf('j1').map((r) => [r.status, r.runId, r.error])).toEqual([
      ['stored', 7, null],
      ['failed', null, 'worker died'],
    ]);
    // A progress event after the end does not bring a run back to life.
    fake.emit('optimizationProgress', progress(30));
    expect(live.runsOf('j1')[0]!.generation).toBe(20);

    live.forgetExcept(null);
    expect(live.runsOf('j1')).toEqual([]);
    live.dispose();
    expect(fake.listenerCount('optimizationProgress')).toBe(0);
  });

  it('shows registered runs from generation 0 before their first event', () => {
    const live = new LiveProgress(createFakeApi({}).api);
    live.expect('j2', ['nsga2', 'nsga3'], 250);
    expect(live.runsOf('j2').map((r) => [r.algorithm, r.generation, r.generations])).toEqual([
      ['nsga2', 0, 250],
      ['nsga3', 0, 250],
    ]);
  });

  it('estimates the time left from the pace since the first event, start-up left out', () => {
    // First event at generation 10 after 900 ms (mostly the worker starting); generation 20 at 1100 ms:
    // 20 ms per generation, 80 to go → 1600 ms.
    const paceFrom = { generation: 10, elapsedMs: 900 };
    expect(etaMs({ generation: 20, generations: 100, elapsedMs: 1100, paceFrom })).toBe(1600);
    expect(etaMs({ generation: 10, generations: 100, elapsedMs: 900, paceFrom })).toBeNull();
    expect(etaMs({ generation: 20, generations: 100, elapsedMs: 1100, paceFrom: null })).toBeNull();
    expect(etaMs({ generation: 100, generations: 100, elapsedMs: 2700, paceFrom })).toBe(0);
    expect(fractionDone({ generation: 25, generations: 100, status: 'running' })).toBe(0.25);
    expect(fractionDone({ generation: 25, generations: 100, status: 'stored' })).toBe(1);
  });
});

describe('frame throttle', () => {
  it('makes one call per frame however many asks, and none after cancel', () => {
    const frames: (() => void)[] = [];
    let calls = 0;
    const th = frameThrottle(() => calls++, (cb) => frames.push(cb));
    th.schedule();
    th.schedule();
    th.schedule();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(calls).toBe(1);
    th.schedule();
    th.cancel();
    frames.shift()!();
    expect(calls).toBe(1);
  });
});
