import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewOptimizationRun } from '../../../shared/api/optimization-api';
import { OptimizationRunSchema } from '../../../shared/api/optimization-api';
import { createProjectFile, openProjectFile } from '../../../electron/services/project/project-file';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { addRun, deleteRun, getRun, listRuns } from '../../../electron/services/project/run-store';
import { seedNewProject } from '../../../electron/services/project/seed';
import { useTempDir } from './helpers';

const run: NewOptimizationRun = {
  floorId: 1,
  problem: 'thesis-sensors',
  algorithm: 'nsga2',
  encoding: 'grid',
  seed: 42,
  parameters: { populationSize: 80, generations: 100, crossoverProbability: 0.9, mutationProbability: 0.1 },
  objectives: [
    { name: 'cost', direction: 'minimize', unit: 'units' },
    { name: 'coverage', direction: 'maximize', unit: '%' },
  ],
  evaluations: 8080,
  elapsedMs: 312.5,
  stopReason: 'completed',
  history: [{ generation: 0, evaluations: 80, hypervolume: 0.41, frontSize: 7 }],
  front: [{ objectives: { cost: 12, coverage: 96.25 }, devices: [{ x: 0.5, y: 1.5, kind: 'sensor' }] }],
};

describe('optimisation runs in the project', () => {
  const tmp = useTempDir();

  it('are stored, listed without their bulk, read back whole, survive reopening, and deleted', () => {
    const file = path.join(tmp(), 'runs.meterplan');
    createProjectFile(file, (db) => seedNewProject(db, 'Runs'));
    let opened = openProjectFile(file);
    if (!opened.ok) throw new Error(opened.message);
    let store = new ProjectStore(opened.value.db);
    const added = addRun(store, run);
    if (!added.ok) throw new Error(added.message);
    expect(addRun(store, { ...run, floorId: 99 })).toMatchObject({ ok: false, code: 'not-found' });
    opened.value.db.close();

    opened = openProjectFile(file);
    if (!opened.ok) throw new Error(opened.message);
    store = new ProjectStore(opened.value.db);
    const [summary] = listRuns(store);
    expect(summary).toMatchObject({ id: added.value.id, algorithm: 'nsga2', seed: 42, frontSize: 1, evaluations: 8080 });
    expect(summary).not.toHaveProperty('front');
    const full = getRun(store, added.value.id);
    if (!full.ok) throw new Error(full.message);
    expect(OptimizationRunSchema.parse(full.value)).toEqual({ ...run, id: added.value.id, createdAt: summary!.createdAt, frontSize: 1 });
    expect(deleteRun(store, added.value.id)).toEqual({ ok: true, value: null });
    expect(getRun(store, added.value.id)).toMatchObject({ ok: false, code: 'not-found' });
    opened.value.db.close();
  });
});
