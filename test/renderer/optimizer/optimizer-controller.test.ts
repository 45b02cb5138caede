// The Optimise area's controller against a fake back end: starting (and refusing), following the ends
// of a job (even ends that beat startOptimization's answer), comparing and choosing, applying, the
// thesis's guided study, and a project change.
import { describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../shared/api/contract';
import type { OptimizationRun, RunSummary } from '../../../shared/api/optimization-api';
import { err, ok } from '../../../shared/api/result';
import { OptimizerController } from '../../../renderer/src/features/optimizer/optimizer-controller';
import { createOptimizerStore } from '../../../renderer/src/features/optimizer/optimizer-store';
import { clearPreview, previewStore } from '../../../renderer/src/features/optimizer/preview-store';
import { createProjectStore } from '../../../renderer/src/state/project-store';
import { createFakeApi, flush, type FakeApi } from '../fake-api';
import { officeSnapshot, projectInfo } from '../snapshots';

const routerObjectives = [
  { name: 'cost', direction: 'minimize' as const, unit: 'units' },
  { name: 'connectivity', direction: 'maximize' as const, unit: '%' },
];

function storedRun(id: number, algorithm: RunSummary['algorithm'], problem = 'thesis-routers'): OptimizationRun {
  return {
    id,
    floorId: 1,
    createdAt: '2026-11-21T10:00:00.000Z',
    problem,
    algorithm,
    encoding: 'grid',
    seed: 1,
    parameters: { populationSize: 80, generations: 100, crossoverProbability: 0.9, mutationProbability: 0.1 },
    objectives: routerObjectives,
    evaluations: 8080,
    elapsedMs: 300,
    stopReason: 'completed',
    frontSize: 2,
    history: [
      { generation: 0, evaluations: 80, hypervolume: 0.4, frontSize: 2 },
      { generation: 1, evaluations: 160, hypervolume: null, frontSize: 2 },
      { generation: 2, evaluations: 240, hypervolume: 0.6, frontSize: 2 },
    ],
    front: [
      { objectives: { cost: 1, connectivity: 77.5 }, devices: [{ x: 5.5, y: 3.5, kind: 'router' }] },
      { objectives: { cost: 2, connectivity: 100 }, devices: [{ x: 2.5, y: 3.5, kind: 'router' }, { x: 7.5, y: 4.5, kind: 'router' }] },
    ],
  };
}

function setup(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  const runs = new Map<number, OptimizationRun>();
  const starts: MethodArgs<'startOptimization'>[] = [];
  let nextJob = 1;
  const fake: FakeApi = createFakeApi({
    startOptimization: (args) => {
      starts.push(args);
      return ok({ jobId: `job${nextJob++}` });
    },
    listRuns: () => ok([...runs.values()].map(({ history: _h, front: _f, ...summary }) => summary)),
    getRun: ({ id }) => (runs.has(id) ? ok(runs.get(id)!) : err('not-found', `There is no optimisation run ${id}.`)),
    deleteRun: ({ id }) => (runs.delete(id) ? ok(null) : err('not-found', 'gone')),
    cancelOptimization: () => ok(null),
    applySolution: ({ runId, index }) => ok({ placed: runs.get(runId)!.front[index]!.devices.length }),
    ...overrides,
  });
  const projects = createProjectStore({ loaded: true, info: projectInfo('/docs/office.meterplan'), snapshot: officeSnapshot(), recent: [], activeFloorId: 1, pendingEdits: 0 });
  const messages: string[] = [];
  const controller = new OptimizerController(fake.api, createOptimizerStore(), projects, { info: (m) => messages.push(`info: ${m}`), error: (m) => messages.push(`error: ${m}`) });
  clearPreview();
  /** The back end storing a run and announcing its end. */
  const finish = (jobId: string, id: number, algorithm: RunSummary['algorithm'], problem?: string) => {
    runs.set(id, storedRun(id, algorithm, problem));
    fake.emit('optimizationFinished', { jobId, algorithm, outcome: { ok: true, value: { runId: id } } });
  };
  return { fake, controller, projects, runs, starts, messages, finish, store: controller.store };
}

describe('optimizer controller', () => {
  it('sends nothing while a field is wrong, and shows the back end refusal as it comes', async () => {
    const refusal = 'Floor "Office" has no installable zone: draw one where devices may be installed, then optimise.';
    const t = setup({ startOptimization: () => err('no-installable-area', refusal) });
    t.controller.setForm({ populationSize: '81' });
    expect(await t.controller.start()).toBe(false);
    expect(t.fake.calls.filter((c) => c.method === 'startOptimization')).toHaveLength(0);
    expect(t.store.getState().formErrors.populationSize?.key).toBe('populationEven');
    // Editing the field clears its error.
    t.controller.setForm({ populationSize: '80' });
    expect(t.store.getState().formErrors.populationSize).toBeUndefined();
    expect(await t.controller.start()).toBe(false);
    expect(t.store.getState()).toMatchObject({ startError: refusal, job: null });
  });

  it('follows a job to its end, including an end that arrives before the answer to start', async () => {
    const t = setup();
    t.controller.setForm({ problem: 'routers', algorithms: ['nsga2', 'spea2'] });
    // The worker is fast: NSGA-II's end beats startOptimization's answer.
    const started = t.controller.start();
    t.finish('job1', 11, 'nsga2');
    expect(await started).toBe(true);
    expect(t.starts[0]).toMatchObject({ floorId: 1, problem: 'routers', model: 'thesis', algorithms: ['nsga2', 'spea2'], populationSize: 80, generations: 100, seed: 1 });
    expect(t.store.getState().job).toMatchObject({ jobId: 'job1', pending: ['spea2'], runIds: [11] });
    t.fake.emit('optimizationProgress', { jobId: 'job1', algorithm: 'spea2', generation: 40, generations: 100, evaluations: 3280, hypervolume: 0.8, elapsedMs: 120, objectives: routerObjectives, front: [[1, 70], [3, 100]] });
    // The chart shows NSGA-II's stored front and SPEA2's live one.
    await flush();
    expect(t.controller.series().map((s) => [s.key, s.points.length])).toEqual([
      ['run:11', 2],
      ['live:job1:spea2', 2],
    ]);
    t.finish('job1', 12, 'spea2');
    await flush();
    await flush();
    expect(t.store.getState().job?.pending).toEqual([]);
    expect(t.store.getState().compared).toEqual([11, 12]);
    expect(t.store.getState().runs.map((r) => r.id)).toEqual([11, 12]);
    expect(t.controller.series().map((s) => s.key)).toEqual(['run:11', 'run:12']);
    // History entries without a hypervolume are left out of the convergence line.
    expect(t.controller.series()[0]!.hypervolumes).toEqual([
      { generation: 0, hypervolume: 0.4 },
      { generation: 2, hypervolume: 0.6 },
    ]);
  });

  it('ignores the ends of other jobs', async () => {
    const t = setup();
    await t.controller.start();
    t.finish('someone-else', 5, 'nsga2');
    expect(t.store.getState().job?.pending).toEqual(['nsga2']);
  });

  it('chooses a solution: its devices go to the preview store; hovering previews another; applying places it', async () => {
    const t = setup();
    t.runs.set(3, storedRun(3, 'nsga3'));
    await t.controller.refreshRuns();
    await t.controller.toggleCompare(3);
    t.controller.select({ runId: 3, index: 1 });
    expect(previewStore.getState().preview).toEqual({ runId: 3, index: 1, devices: [{ x: 2.5, y: 3.5, kind: 'router' }, { x: 7.5, y: 4.5, kind: 'router' }] });
    t.controller.hover({ runId: 3, index: 0 });
    expect(previewStore.getState().preview?.index).toBe(0);
    t.controller.hover(null);
    expect(previewStore.getState().preview?.index).toBe(1);

    expect(await t.controller.applySelection()).toBe(true);
    expect(t.fake.calls.find((c) => c.method === 'applySolution')?.args).toEqual({ runId: 3, index: 1 });
    expect(t.messages).toEqual(['info: 2 devices placed.']);
    // The placement is the solution now: no ghosts over it, even after hovering elsewhere and back.
    expect(previewStore.getState().preview).toBeNull();
    t.controller.hover({ runId: 3, index: 0 });
    t.controller.hover(null);
    expect(previewStore.getState().preview).toBeNull();
    expect(t.store.getState().applied).toEqual({ runId: 3, index: 1 });
  });

  it('takes a deleted run off the charts and out of the preview', async () => {
    const t = setup();
    t.runs.set(3, storedRun(3, 'nsga2'));
    await t.controller.refreshRuns();
    await t.controller.toggleCompare(3);
    t.controller.select({ runId: 3, index: 0 });
    await t.controller.deleteRun(3);
    expect(t.store.getState()).toMatchObject({ compared: [], selection: null, runs: [] });
    expect(previewStore.getState().preview).toBeNull();
  });

  it('reproduces the thesis study: routers then sensors with the three algorithms and the thesis preset', async () => {
    const t = setup();
    t.controller.setForm({ populationSize: '20', generations: '5' });
    expect(await t.controller.reproduceThesis()).toBe(true);
    expect(t.starts[0]).toMatchObject({ problem: 'routers', model: 'thesis', encoding: 'grid', algorithms: ['nsga2', 'spea2', 'nsga3'], populationSize: 80, generations: 100, crossoverProbability: 0.9, mutationProbability: 0.1 });
    expect(t.store.getState().guided?.step).toBe('routers');
    t.finish('job1', 1, 'nsga2');
    t.finish('job1', 2, 'spea2');
    t.finish('job1', 3, 'nsga3');
    for (let i = 0; i < 5; i++) await flush();
    expect(t.starts[1]).toMatchObject({ problem: 'sensors', algorithms: ['nsga2', 'spea2', 'nsga3'], populationSize: 80 });
    expect(t.store.getState().guided).toMatchObject({ step: 'sensors', routerRunIds: [1, 2, 3] });
    t.finish('job2', 4, 'nsga3', 'thesis-sensors');
    t.finish('job2', 5, 'nsga2', 'thesis-sensors');
    t.finish('job2', 6, 'spea2', 'thesis-sensors');
    for (let i = 0; i < 5; i++) await flush();
    expect(t.store.getState().guided).toMatchObject({ step: 'done', sensorRunIds: [4, 5, 6] });
    // The three sensors runs on one chart, in the algorithms' order.
    expect(t.controller.series().map((s) => s.algorithm)).toEqual(['nsga2', 'spea2', 'nsga3']);
    await t.controller.compareOnly([1, 2, 3]);
    expect(t.controller.series().map((s) => s.runId)).toEqual([1, 2, 3]);
  });

  it('stops the guided study when a step fails, with the reason', async () => {
    const t = setup();
    await t.controller.reproduceThesis();
    t.fake.emit('optimizationFinished', { jobId: 'job1', algorithm: 'nsga2', outcome: { ok: false, code: 'worker', message: 'The worker stopped.' } });
    t.finish('job1', 2, 'spea2');
    t.finish('job1', 3, 'nsga3');
    for (let i = 0; i < 5; i++) await flush();
    expect(t.store.getState().guided).toMatchObject({ step: 'failed', message: 'The worker stopped.' });
    expect(t.starts).toHaveLength(1);
  });

  it('asks the back end to stop, and recovers when the end was missed', async () => {
    const t = setup({ cancelOptimization: () => err('not-found', 'That optimisation has already ended.') });
    await t.controller.start();
    await t.controller.stop();
    expect(t.fake.calls.find((c) => c.method === 'cancelOptimization')?.args).toEqual({ jobId: 'job1' });
    expect(t.store.getState().job?.pending).toEqual([]);
  });

  it('forgets the job, the charts and the preview when another project opens, and lists its runs', async () => {
    const t = setup();
    t.runs.set(3, storedRun(3, 'nsga2'));
    await t.controller.refreshRuns();
    await t.controller.toggleCompare(3);
    t.controller.select({ runId: 3, index: 0 });
    t.runs.clear();
    t.runs.set(9, storedRun(9, 'spea2'));
    t.projects.setState({ info: projectInfo('/docs/other.meterplan') });
    await flush();
    expect(t.store.getState()).toMatchObject({ compared: [], selection: null, job: null });
    expect(t.store.getState().runs.map((r) => r.id)).toEqual([9]);
    expect(previewStore.getState().preview).toBeNull();
  });
});
