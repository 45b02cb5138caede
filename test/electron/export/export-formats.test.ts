import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/building';
import { parseCsv } from '../../../shared/plan-render/coordinates-csv';
import { PlanJsonSchema } from '../../../shared/plan-render/plan-json';
import { exportPlan } from '../../../electron/services/export/export-plan';
import { writeOutput } from '../../../electron/services/export/export-writer';
import { pngSize } from '../../../electron/services/export/png-render';
import { checkXmlNesting, sampleRun, thesisOfficeSnapshot } from '../../shared/plan-render/fixtures';
import { exampleSnapshot, pngHeader } from './helpers';

let dir: string;
let snapshot: ProjectSnapshot;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meterplan-formats-'));
  snapshot = exampleSnapshot();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.includes('.tmp'));

describe('the example project', () => {
  it('holds the placement the plan-render fixtures reproduce', () => {
    // Sensors and routers are the thesis's NSGA-II plan in both; the fixture keeps its own gateway
    // position (its hand-computed link lists depend on it), the example's gateway sits in the free corner cell.
    const key = (s: ProjectSnapshot) => s.placements.filter((p) => p.label !== 'GW').map((p) => `${p.label}@${p.x},${p.y}`).sort();
    expect(key(snapshot)).toEqual(key(thesisOfficeSnapshot()));
    expect(snapshot.placements.find((p) => p.label === 'GW')).toMatchObject({ x: 0.5, y: 0.5 });
  });
});

describe('CSV export', () => {
  it('parses back to the same devices and coordinates', async () => {
    const out = path.join(dir, 'plan.csv');
    const r = await exportPlan(snapshot, { format: 'csv' }, out);
    expect(r).toMatchObject({ ok: true, deviceCount: 15 });
    const parsed = parseCsv(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.rows;
    expect(header).toEqual(['device', 'type', 'x_m', 'y_m', 'floor']);
    expect(rows.length).toBe(snapshot.placements.length);
    const byLabel = new Map(rows.map((r) => [r[0], r]));
    for (const p of snapshot.placements) {
      const row = byLabel.get(p.label)!;
      expect(Number(row[2])).toBeCloseTo(p.x, 6);
      expect(Number(row[3])).toBeCloseTo(p.y, 6);
      expect(row[4]).toBe('Office');
    }
  });
});

describe('JSON export', () => {
  it('round-trips through its schema with the placement, the metrics and the run', async () => {
    const out = path.join(dir, 'plan.json');
    const r = await exportPlan(snapshot, { format: 'json', run: sampleRun(), date: new Date('2024-05-01T10:00:00Z'), appVersion: '1.2.3' }, out);
    expect(r.ok).toBe(true);
    const doc = PlanJsonSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(doc.generatedAt).toBe('2024-05-01T10:00:00.000Z');
    expect(doc.appVersion).toBe('1.2.3');
    expect(doc.placement.map((d) => [d.label, d.xM, d.yM]).sort()).toEqual(snapshot.placements.map((p) => [p.label, p.x, p.y]).sort());
    expect(doc.metrics[0].metrics.find((m) => m.key === 'coverage')?.value).toBe(93.75);
    expect(doc.billOfMaterials.grandTotal).toBe(14);
    expect(doc.run?.seed).toBe(42);
  });
});

describe('SVG and PNG export', () => {
  it('writes a well-formed SVG with one device element per placement, the same bytes each time', async () => {
    const a = path.join(dir, 'a.svg');
    const b = path.join(dir, 'b.svg');
    const ra = await exportPlan(snapshot, { format: 'svg' }, a);
    await exportPlan(snapshot, { format: 'svg' }, b);
    expect(ra.ok).toBe(true);
    const svg = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(svg);
    expect(checkXmlNesting(svg).ok).toBe(true);
    expect(svg.match(/<g class="device /g)?.length).toBe(snapshot.placements.length);
  });

  it('writes a PNG of the expected pixel size at the chosen resolution', async () => {
    const svgRun = await exportPlan(snapshot, { format: 'svg' }, path.join(dir, 'size.svg'));
    if (!svgRun.ok) throw new Error(svgRun.message);
    for (const dpi of [96, 72]) {
      const out = path.join(dir, `plan-${dpi}.png`);
      const r = await exportPlan(snapshot, { format: 'png', dpi }, out);
      expect(r.ok).toBe(true);
      const png = pngHeader(out);
      expect(png.signature).toBe(true);
      expect({ width: png.width, height: png.height }).toEqual(pngSize(svgRun.widthPx!, svgRun.heightPx!, dpi));
      if (dpi === 96) expect([png.width, png.height]).toEqual([svgRun.widthPx, svgRun.heightPx]);
    }
  });
});

describe('bad requests get clear messages and write nothing', () => {
  it('refuses a missing output folder, a folder as output, an unknown floor, an empty floor, a bad run, a bad dpi', async () => {
    const cases: [Parameters<typeof exportPlan>[1], string, string, RegExp][] = [
      [{ format: 'csv' }, path.join(dir, 'missing', 'x.csv'), 'bad-output-folder', /does not exist/],
      [{ format: 'csv' }, dir, 'output-is-folder', /is a folder/],
      [{ format: 'pdf', floorId: 42 }, path.join(dir, 'x.pdf'), 'unknown-floor', /no floor 42.*1 \(Office\)/],
      [{ format: 'png', dpi: 5 }, path.join(dir, 'x.png'), 'invalid-dpi', /between 24 and 1200/],
      [{ format: 'json', run: { algorithm: 'nsga2' } }, path.join(dir, 'x.json'), 'invalid-run', /seed/],
      [{ format: 'gif' as 'png' }, path.join(dir, 'x.gif'), 'unknown-format', /pdf, png, svg, csv, json/],
    ];
    for (const [options, out, code, message] of cases) {
      const r = await exportPlan(snapshot, options, out);
      expect(r.ok, code).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe(code);
        expect(r.message).toMatch(message);
      }
    }
    const withEmptyFloor: ProjectSnapshot = { ...snapshot, floors: [...snapshot.floors, { ...snapshot.floors[0], id: 9, name: 'Roof', level: 3 }] };
    const empty = await exportPlan(withEmptyFloor, { format: 'pdf', floorId: 9 }, path.join(dir, 'x.pdf'));
    expect(empty).toMatchObject({ ok: false, code: 'empty-placement' });
    expect(existsSync(path.join(dir, 'x.pdf')) || existsSync(path.join(dir, 'x.png')) || existsSync(path.join(dir, 'x.json'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('leaves no temporary file and the target intact when the final rename fails', () => {
    // A non-empty folder where the file should go: the temp file is written, the rename over it fails.
    const target = path.join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'keep');
    const r = writeOutput(target, 'new content');
    expect(r).toMatchObject({ ok: false, code: 'write-failed' });
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('replaces an existing export whole', async () => {
    const out = path.join(dir, 'replace.csv');
    writeFileSync(out, 'old');
    expect((await exportPlan(snapshot, { format: 'csv' }, out)).ok).toBe(true);
    expect(readFileSync(out, 'utf8').startsWith('device,type,x_m,y_m,floor\r\n')).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});
