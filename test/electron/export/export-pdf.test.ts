import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { exportPlan } from '../../../electron/services/export/export-plan';
import { sampleRun } from '../../shared/plan-render/fixtures';
import { exampleSnapshot, inkShare, pdfPages, pdfText, savePagePngs } from './helpers';

let dir: string;
let snapshot: ProjectSnapshot;
const date = new Date('2024-05-01T10:00:00Z');

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-pdf-'));
  snapshot = exampleSnapshot();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fmt = (v: number) => v.toFixed(2);

describe('PDF report of the thesis office', () => {
  it('has the building, every device with its coordinates, the costs and the metrics, on 2 pages', async () => {
    const out = path.join(dir, 'plan.pdf');
    const r = await exportPlan(snapshot, { format: 'pdf', date, appVersion: '1.2.3' }, out);
    expect(r).toMatchObject({ ok: true, format: 'pdf', pages: 2, deviceCount: 15 });
    expect(pdfPages(out)).toBe(2);
    const text = pdfText(out);
    expect(text).toContain('Thesis office (10 m × 8 m)');
    expect(text).toContain('Meterplan 1.2.3');
    expect(text).toContain('2024-05-01 10:00 UTC');
    const types = new Map(snapshot.deviceTypes.map((t) => [t.id, t]));
    for (const p of snapshot.placements) {
      const t = types.get(p.deviceTypeId)!;
      const kind = t.kind[0].toUpperCase() + t.kind.slice(1);
      const row = new RegExp(`^\\s*${p.label}\\s+${t.name.replace(/[()]/g, '\\$&')}\\s+${kind}\\s+${fmt(p.x).replace('.', '\\.')}\\s+${fmt(p.y).replace('.', '\\.')}\\s+Office\\s*$`, 'm');
      expect(text, `row of ${p.label}`).toMatch(row);
    }
    // Bill of materials: unit cost, quantity, total per type, then the grand total (15 devices, 14 units).
    expect(text).toMatch(/^\s*Thesis sensor \(binary disk\)\s+Sensor\s+detection 1\.5 m, link 3 m\s+1\.00\s+12\s+12\.00\s*$/m);
    expect(text).toMatch(/^\s*Thesis router \(binary disk\)\s+Router\s+link 5 m\s+1\.00\s+2\s+2\.00\s*$/m);
    expect(text).toMatch(/^\s*Gateway \(binary disk\)\s+Gateway\s+link 5 m\s+0\.00\s+1\s+0\.00\s*$/m);
    expect(text).toMatch(/^\s*Total\s+15\s+14\.00\s*$/m);
    expect(text).toMatch(/Coverage\s+93\.75 %\s+75 of 80 cells/);
    expect(text).toMatch(/Over-coverage \(2 sensors or more\)\s+13\.75 %/);

    const pngs = savePagePngs(out, 'thesis-office-report', 50);
    expect(pngs.length).toBe(2);
    // Page 1 carries the plan: a good part of it is ink (coloured cells, walls), not a blank page.
    expect(inkShare(out, 1, 50)).toBeGreaterThan(0.15);
  });

  it('adds a page with the algorithm, its parameters, seed and front when given a run', async () => {
    const out = path.join(dir, 'plan-run.pdf');
    const r = await exportPlan(snapshot, { format: 'pdf', date, run: sampleRun() }, out);
    expect(r).toMatchObject({ ok: true, pages: 3 });
    expect(pdfPages(out)).toBe(3);
    const page3 = pdfText(out, 3);
    expect(page3).toContain('Optimisation run: NSGA-II');
    expect(page3).toMatch(/Seed\s+42/);
    expect(page3).toMatch(/Population size\s+80/);
    expect(page3).toMatch(/Crossover probability\s+0\.9/);
    expect(page3).toContain('Pareto front (4 solutions)');
    // The front table, best cost first; the exported placement is marked.
    expect(page3).toMatch(/^\s*1\s+10\.00\s+85\.00\s+97\.50\s+5\.00\s+0\s*$/m);
    expect(page3).toMatch(/^\s*3\s+14\.00\s+93\.75\s+100\.00\s+13\.75\s+14\s+current\s*$/m);
    savePagePngs(out, 'thesis-office-report-with-run', 50);
  });

  it('runs a long coordinates table onto more pages, repeating its header on each', async () => {
    const many: ProjectSnapshot = structuredClone(snapshot);
    const sensorType = many.deviceTypes.find((t) => t.kind === 'sensor')!.id;
    for (let i = 0; i < 120; i++) {
      many.placements.push({ id: 1000 + i, floorId: 1, deviceTypeId: sensorType, x: 0.25 + (i % 40) * 0.25, y: 0.25 + Math.floor(i / 40) * 2.5, label: `X${i + 1}` });
    }
    const out = path.join(dir, 'long.pdf');
    const r = await exportPlan(many, { format: 'pdf', date }, out);
    expect(r.ok).toBe(true);
    const pages = pdfPages(out);
    expect(pages).toBeGreaterThanOrEqual(4);
    let rowsSeen = 0;
    for (let p = 2; p <= pages; p++) {
      const text = pdfText(out, p);
      const rows = text.match(/^\s*(GW|R\d+|S\d+|X\d+)\s+(Thesis sensor \(binary disk\)|Thesis router \(binary disk\)|Gateway \(binary disk\))\s+\w+\s+\d+\.\d\d\s+\d+\.\d\d\s+Office\s*$/gm) ?? [];
      if (rows.length > 0) expect(text, `header on page ${p}`).toMatch(/Device\s+Type\s+Kind\s+x \(m\)\s+y \(m\)\s+Floor/);
      rowsSeen += rows.length;
    }
    expect(rowsSeen).toBe(135);
    expect(pdfText(out)).toMatch(/^\s*Total\s+135\s+134\.00\s*$/m);
  });
});
