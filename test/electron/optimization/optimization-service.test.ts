import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/api/contract';
import type { StartOptimization } from '../../../shared/api/optimization-api';
import { createAppServices, type AppServices } from '../../../electron/services/app/app-services';
import { useTempDir } from '../project/helpers';

const root = path.join(__dirname, '../../..');
const workerPath = path.join(root, 'out/workers/optimizer.cjs');

// out/ is built once by the global setup (test/global-build.ts).

function servicesOnExample(dir: string): AppServices {
  const services = createAppServices({
    shell: 'web',
    version: 'test',
    dataDir: path.join(dir, 'data'),
    documentsDir: dir,
    resourcesDir: path.join(root, 'resources'),
    optimizerWorkerPath: workerPath,
  });
  const opened = services.projects.openExample('thesis-office');
  if (!opened.ok) throw new Error(opened.message);
  return services;
}

function collect(services: AppServices) {
  const seen: { event: EventName; payload: unknown }[] = [];
  services.events.subscribe((event, payload) => seen.push({ event, payload }));
  const finished = (n: number) =>
    new Promise<EventPayload<'optimizationFinished'>[]>((resolve) => {
      const timer = setInterval(() => {
        const done = seen.filter((e) => e.event === 'optimizationFinished').map((e) => e.payload as EventPayload<'optimizationFinished'>);
        if (done.length >= n) {
          clearInterval(timer);
          resolve(done);
        }
      }, 10);
    });
  return { seen, finished };
}

const thesisRouters: StartOptimization = {
  floorId: 1,
  problem: 'routers',
  model: 'thesis',
  algorithms: ['nsga2', 'spea2', 'nsga3'],
  encoding: 'grid',
  populationSize: 80,
  generations: 100,
  crossoverProbability: 0.9,
  mutationProbability: 0.1,
  seed: 1,
};

describe('OptimizationService on the example office', () => {
  const tmp = useTempDir();

  it('runs the three algorithms on the routers problem, stores each run, and applies a 2-router solution', async () => {
    const services = servicesOnExample(tmp());
    const { seen, finished } = collect(services);
    const started = await services.handlers.startOptimization(thesisRouters);
    expect(started).toMatchObject({ ok: true });
    const done = await finished(3);
    expect(done.map((d) => d.algorithm).sort()).toEqual(['nsga2', 'nsga3', 'spea2']);
    const progress = seen.filter((e) => e.event === 'optimizationProgress');
    expect(progress.length).toBeGreaterThanOrEqual(3);

    for (const d of done) {
      if (!d.outcome.ok) throw new Error(d.outcome.message);
      const run = await services.handlers.getRun({ id: d.outcome.value.runId });
      if (!run.ok) throw new Error(run.message);
      expect(run.value).toMatchObject({ algorithm: d.algorithm, seed: 1, stopReason: 'completed', problem: 'thesis-routers' });
      expect(run.value.history).toHaveLength(101);
      // Thesis Table 4.4: two routers give 100 % connectivity of the office.
      const two = run.value.front.findIndex((s) => s.objectives.cost === 2 && s.objectives.connectivity === 100);
      expect(two).toBeGreaterThanOrEqual(0);
      // Devices are at cell centres inside the 10 m × 8 m office.
      for (const s of run.value.front) for (const dev of s.devices) expect(dev.x % 1).toBeCloseTo(0.5, 9);
    }

    const first = done[0]!.outcome;
    if (!first.ok) throw new Error('unreachable');
    const run = await services.handlers.getRun({ id: first.value.runId });
    if (!run.ok) throw new Error(run.message);
    const index = run.value.front.findIndex((s) => s.objectives.cost === 2 && s.objectives.connectivity === 100);
    expect(await services.handlers.applySolution({ runId: first.value.runId, index })).toEqual({ ok: true, value: { placed: 2 } });
    const snapshot = await services.handlers.getProjectSnapshot({});
    if (!snapshot.ok) throw new Error(snapshot.message);
    const kindOf = new Map(snapshot.value.deviceTypes.map((t) => [t.id, t.kind]));
    const routers = snapshot.value.placements.filter((p) => kindOf.get(p.deviceTypeId) === 'router');
    expect(routers.map((r) => ({ x: r.x, y: r.y }))).toEqual(run.value.front[index]!.devices.map((d) => ({ x: d.x, y: d.y })));
    // The sensors were left as they were.
    expect(snapshot.value.placements.filter((p) => kindOf.get(p.deviceTypeId) === 'sensor')).toHaveLength(12);
    services.dispose();
  });

  it('runs the joint multi-wall problem in the worker and stores solutions that place both kinds', async () => {
    const services = servicesOnExample(tmp());
    const { seen, finished } = collect(services);
    const started = await services.handlers.startOptimization({ ...thesisRouters, model: 'multi-wall', problem: 'joint', algorithms: ['nsga2'], encoding: 'sites', populationSize: 40, generations: 20 });
    if (!started.ok) throw new Error(started.message);
    const [done] = await finished(1);
    if (!done?.outcome.ok) throw new Error(done?.outcome.ok === false ? done.outcome.message : 'no outcome');
    const progress = seen.find((e) => e.event === 'optimizationProgress')?.payload as EventPayload<'optimizationProgress'>;
    expect(progress.objectives.map((o) => o.name)).toContain('cost');
    const run = await services.handlers.getRun({ id: done.outcome.value.runId });
    if (!run.ok) throw new Error(run.message);
    expect(run.value.problem).toBe('multi-wall-joint-mw');
    const kinds = new Set(run.value.front.flatMap((s) => s.devices.map((d) => d.kind)));
    expect([...kinds].sort()).toEqual(['router', 'sensor']);
    services.dispose();
  });

  it('refuses the thesis model for a joint placement, and the sensors problem without routers, with a reason', async () => {
    const services = servicesOnExample(tmp());
    expect(await services.handlers.startOptimization({ ...thesisRouters, problem: 'joint' })).toMatchObject({ ok: false, code: 'unsupported' });
    const snap = await services.handlers.getProjectSnapshot({});
    if (!snap.ok) throw new Error(snap.message);
    const routerType = snap.value.deviceTypes.find((t) => t.kind === 'router')!.id;
    for (const p of snap.value.placements.filter((p) => p.deviceTypeId === routerType)) await services.handlers.deletePlacement({ id: p.id });
    expect(await services.handlers.startOptimization({ ...thesisRouters, model: 'multi-wall', problem: 'sensors' })).toMatchObject({
      ok: false,
      code: 'no-routers',
    });
    services.dispose();
  });

  it('refuses impossible parameters before starting anything', async () => {
    const services = servicesOnExample(tmp());
    expect(await services.handlers.startOptimization({ ...thesisRouters, populationSize: 0 })).toMatchObject({
      ok: false,
      code: 'invalid-parameters',
      message: expect.stringMatching(/population size/),
    });
    expect(await services.handlers.startOptimization({ ...thesisRouters, populationSize: 81 })).toMatchObject({ ok: false, message: expect.stringMatching(/even/) });
    expect(await services.handlers.startOptimization({ ...thesisRouters, crossoverProbability: 1.5 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/crossover probability/),
    });
    expect(services.optimization.running).toBe(0);
    services.dispose();
  });

  it('refuses a floor with no installable zone with a message saying what to do', async () => {
    const services = servicesOnExample(tmp());
    const snap = await services.handlers.getProjectSnapshot({});
    if (!snap.ok) throw new Error(snap.message);
    for (const z of snap.value.zones.filter((z) => z.kind === 'installable')) services.handlers.deleteZone({ id: z.id });
    expect(await services.handlers.startOptimization(thesisRouters)).toMatchObject({
      ok: false,
      code: 'no-installable-area',
      message: expect.stringMatching(/installable zone/),
    });
    services.dispose();
  });

  it('stops a long run within a generation and stores what it found so far', async () => {
    const services = servicesOnExample(tmp());
    const { finished } = collect(services);
    const started = await services.handlers.startOptimization({ ...thesisRouters, algorithms: ['nsga2'], generations: 1_000_000 });
    if (!started.ok) throw new Error(started.message);
    await new Promise((r) => setTimeout(r, 300));
    expect(await services.handlers.cancelOptimization({ jobId: started.value.jobId })).toEqual({ ok: true, value: null });
    const [done] = await finished(1);
    if (!done?.outcome.ok) throw new Error('the cancelled run was not stored');
    const run = await services.handlers.getRun({ id: done.outcome.value.runId });
    expect(run.ok && run.value.stopReason).toBe('cancelled');
    services.dispose();
  });
});
