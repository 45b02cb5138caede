// exportPlan through the API contract, as the window calls it: the open project's placement written
// where the user said, a stored run in the PDF, and each refusal a clear result with nothing written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../shared/api/dispatch';
import type { NewOptimizationRun } from '../../../shared/api/optimization-api';
import { parseCsv } from '../../../shared/plan-render/coordinates-csv';
import { createAppServices, type AppServices } from '../../../electron/services/app/app-services';
import { addRun } from '../../../electron/services/project/run-store';
import { useTempDir } from '../project/helpers';
import { pdfText, repoRoot } from './helpers';

function services(dir: string, openExample = true): AppServices {
  const s = createAppServices({ shell: 'web', version: 'test', dataDir: path.join(dir, 'data'), documentsDir: dir, resourcesDir: path.join(repoRoot, 'resources') });
  if (openExample) {
    const opened = s.projects.openExample('thesis-office');
    if (!opened.ok) throw new Error(opened.message);
  }
  return s;
}

/** A routers run with a two-solution front whose numbers are easy to find in the report. */
function routersRun(floorId: number): NewOptimizationRun {
  return {
    floorId,
    problem: 'thesis-routers',
    algorithm: 'spea2',
    encoding: 'grid',
    seed: 424242,
    parameters: { populationSize: 80, generations: 100, crossoverProbability: 0.9, mutationProbability: 0.1 },
    objectives: [
      { name: 'cost', direction: 'minimize', unit: 'units' },
      { name: 'connectivity', direction: 'maximize', unit: '%' },
    ],
    evaluations: 8080,
    elapsedMs: 321,
    stopReason: 'completed',
    history: [{ generation: 0, evaluations: 80, hypervolume: 0.5, frontSize: 2 }],
    front: [
      { objectives: { cost: 1, connectivity: 77.5 }, devices: [{ x: 5.5, y: 3.5, kind: 'router' }] },
      { objectives: { cost: 2, connectivity: 100 }, devices: [{ x: 2.5, y: 3.5, kind: 'router' }, { x: 7.5, y: 4.5, kind: 'router' }] },
    ],
  };
}

describe('exportPlan (API)', () => {
  const tmp = useTempDir();

  it('writes the CSV and JSON of the open project: one CSV row per placed device, the JSON parses', async () => {
    const dir = tmp();
    const s = services(dir);
    const snapshot = s.projects.store.ok ? s.projects.store.value.snapshot() : null;
    const placed = snapshot!.placements.length;
    // The example: the thesis's 12 sensors, 2 routers and the gateway.
    expect(placed).toBe(15);

    const csvPath = path.join(dir, 'plan.csv');
    const csv = await s.handlers.exportPlan({ format: 'csv', path: csvPath });
    expect(csv).toMatchObject({ ok: true, value: { format: 'csv', path: csvPath, deviceCount: placed } });
    const rows = parseCsv(readFileSync(csvPath, 'utf8'));
    if (!rows.ok) throw new Error(rows.message);
    expect(rows.rows[0]).toEqual(['device', 'type', 'x_m', 'y_m', 'floor']);
    expect(rows.rows).toHaveLength(1 + placed);

    const jsonPath = path.join(dir, 'plan.json');
    const json = await s.handlers.exportPlan({ format: 'json', path: jsonPath });
    expect(json.ok).toBe(true);
    if (json.ok) expect(json.value.bytes).toBe(readFileSync(jsonPath).byteLength);
    expect(() => JSON.parse(readFileSync(jsonPath, 'utf8')) as unknown).not.toThrow();
    s.dispose();
  });

  it('prints a stored run (algorithm, seed, its front) in the PDF when runId is given', async () => {
    const dir = tmp();
    const s = services(dir);
    const store = s.projects.store;
    if (!store.ok) throw new Error(store.message);
    const floorId = store.value.snapshot().floors[0]!.id;
    const added = addRun(store.value, routersRun(floorId));
    if (!added.ok) throw new Error(added.message);

    const pdfPath = path.join(dir, 'report.pdf');
    const r = await s.handlers.exportPlan({ format: 'pdf', path: pdfPath, runId: added.value.id });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdfPath).replace(/\s+/g, ' ');
    expect(text).toContain('SPEA2');
    expect(text).toContain('424242');
    expect(text).toContain('77.5');

    // Without a run, the report has no optimisation section to show that seed.
    const plain = path.join(dir, 'plain.pdf');
    const p = await s.handlers.exportPlan({ format: 'pdf', path: plain });
    expect(p.ok).toBe(true);
    expect(pdfText(plain)).not.toContain('424242');
    s.dispose();
  });

  it('refuses clearly and writes nothing: no project, a relative path, an unknown run, a run of another floor, a missing folder', async () => {
    const dir = tmp();
    const none = services(dir, false);
    expect(await none.handlers.exportPlan({ format: 'csv', path: path.join(dir, 'a.csv') })).toMatchObject({ ok: false, code: 'no-project' });
    none.dispose();

    const s = services(dir);
    expect(await s.handlers.exportPlan({ format: 'csv', path: 'relative.csv' })).toMatchObject({ ok: false, code: 'bad-output', message: expect.stringContaining('full path') });
    expect(await s.handlers.exportPlan({ format: 'pdf', path: path.join(dir, 'b.pdf'), runId: 999 })).toMatchObject({ ok: false, code: 'not-found' });
    const store = s.projects.store;
    if (!store.ok) throw new Error(store.message);
    const floorId = store.value.snapshot().floors[0]!.id;
    const added = addRun(store.value, routersRun(floorId));
    if (!added.ok) throw new Error(added.message);
    expect(await s.handlers.exportPlan({ format: 'pdf', path: path.join(dir, 'c.pdf'), runId: added.value.id, floorId: floorId + 1 })).toMatchObject({ ok: false, code: 'run-floor-mismatch' });
    expect(await s.handlers.exportPlan({ format: 'csv', path: path.join(dir, 'missing', 'd.csv') })).toMatchObject({ ok: false, code: 'bad-output-folder' });
    expect(readdirSync(dir).filter((f) => /\.(csv|pdf)$/.test(f) || f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    s.dispose();
  });

  it('rejects a malformed request at the contract before any handler runs', async () => {
    const dir = tmp();
    const s = services(dir);
    const dispatch = createDispatcher(s.handlers);
    await expect(dispatch('exportPlan', { format: 'docx', path: path.join(dir, 'x.docx') })).rejects.toThrow(/format/);
    await expect(dispatch('exportPlan', { format: 'csv', path: '' })).rejects.toThrow(/path/);
    await expect(dispatch('exportPlan', { format: 'csv', path: path.join(dir, 'x.csv'), runId: -1 })).rejects.toThrow(/runId/);
    expect(existsSync(path.join(dir, 'x.csv'))).toBe(false);
    s.dispose();
  });
});
