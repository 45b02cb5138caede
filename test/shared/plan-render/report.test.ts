import { describe, expect, it } from 'vitest';
import { coordinatesCsv, parseCsv } from '../../../shared/plan-render/coordinates-csv';
import { frontScatterSvg } from '../../../shared/plan-render/front-scatter-svg';
import { PlanJsonSchema, planJsonText } from '../../../shared/plan-render/plan-json';
import { buildReport, type DeploymentReport } from '../../../shared/plan-render/report-model';
import { ReportRunSchema, type ReportRunInput } from '../../../shared/plan-render/report-run';
import { checkXmlNesting, decoratedSnapshot, sampleRun, thesisOfficeSnapshot } from './fixtures';

function report(snapshot = thesisOfficeSnapshot(), run?: ReportRunInput, floorId?: number): DeploymentReport {
  const r = buildReport(snapshot, floorId, { run: run ? ReportRunSchema.parse(run) : null });
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('deployment report', () => {
  it('lists the devices gateway, routers, sensors in natural label order', () => {
    const r = report();
    expect(r.devices.map((d) => d.label)).toEqual(['GW', 'R1', 'R2', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12']);
    expect(r.devices[3]).toEqual({ id: 1, label: 'S1', kind: 'sensor', type: 'Thesis sensor', xM: 5.5, yM: 0.5, floor: 'Office' });
  });

  it('totals the bill of materials per type', () => {
    const { bom } = report();
    expect(bom.rows.map((r) => [r.type, r.unitCost, r.quantity, r.total])).toEqual([
      ['Thesis sensor', 1, 12, 12],
      ['Thesis router', 1, 2, 2],
      ['Gateway', 0, 1, 0],
    ]);
    expect(bom.grandTotal).toBe(14);
    const priced = thesisOfficeSnapshot();
    priced.deviceTypes = priced.deviceTypes.map((t) => ({ ...t, spec: { ...t.spec, costUnits: undefined, cost: t.kind === 'sensor' ? 35.5 : t.kind === 'router' ? 45 : 120 } }));
    const p = report(priced).bom;
    expect(p.grandTotal).toBeCloseTo(12 * 35.5 + 2 * 45 + 120, 9);
  });

  it('carries the thesis metrics under the optimiser’s objective names', () => {
    const set = report().metricSets[0];
    const byKey = Object.fromEntries(set.metrics.map((m) => [m.key, m.value]));
    expect(byKey).toMatchObject({ cost: 14, coverage: 93.75, overCoverage: 13.75, connectivity: 100, routerConnectivity: 100, sensorsLinked: 75 });
  });

  it('refuses an empty placement and an unknown floor with clear messages', () => {
    const s = decoratedSnapshot();
    const empty = buildReport(s, 2);
    expect(empty.ok).toBe(false);
    if (!empty.ok) {
      expect(empty.code).toBe('empty-placement');
      expect(empty.message).toContain('Attic');
      expect(empty.message).toContain('other floors');
    }
    const unknown = buildReport(s, 99);
    expect(!unknown.ok && unknown.code).toBe('unknown-floor');
  });

  it('sorts the front best first and recognises the exported placement in it', () => {
    const r = report(thesisOfficeSnapshot(), sampleRun());
    expect(r.front.map((f) => f.values[0])).toEqual([10, 14, 14, 16]);
    // Same cost: higher coverage first (maximised).
    expect(r.front[1].values[1]).toBe(95);
    expect(r.front.filter((f) => f.current).map((f) => f.index)).toEqual([2]);
    // Move one sensor by 5 cm: no longer the same solution.
    const moved = thesisOfficeSnapshot();
    moved.placements[0] = { ...moved.placements[0], x: moved.placements[0].x + 0.05 };
    expect(report(moved, sampleRun()).front.some((f) => f.current)).toBe(false);
  });
});

describe('CSV of coordinates', () => {
  it('writes the header, millimetre coordinates and CRLF records', () => {
    const csv = coordinatesCsv(report().devices);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('device,type,x_m,y_m,floor');
    expect(lines[1]).toBe('GW,Gateway,0.500,1.500,Office');
    expect(lines.length).toBe(17); // header + 15 + the empty string after the final CRLF
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and parses back to the same fields', () => {
    const devices = [
      { id: 1, label: 'S,1', kind: 'sensor' as const, type: 'Sensor "PIR"', xM: 1.23456, yM: -0.0001, floor: 'Floor\n2' },
      { id: 2, label: '=cmd()', kind: 'router' as const, type: 'R', xM: 10, yM: 20.5, floor: 'F' },
    ];
    const csv = coordinatesCsv(devices);
    expect(csv).toContain('"S,1","Sensor ""PIR""",1.235,0.000,"Floor\n2"');
    const parsed = parseCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual([
      ['device', 'type', 'x_m', 'y_m', 'floor'],
      ['S,1', 'Sensor "PIR"', '1.235', '0.000', 'Floor\n2'],
      // A cell starting with = is prefixed with ' so spreadsheets show it as text.
      ["'=cmd()", 'R', '10.000', '20.500', 'F'],
    ]);
  });

  it('rejects malformed CSV with the line number', () => {
    const bad = parseCsv('a,b\r\n"open,c\r\n');
    expect(bad.ok).toBe(false);
    const stray = parseCsv('a,b"c\n');
    expect(!stray.ok && stray.message).toContain('Line 1');
  });
});

describe('JSON export', () => {
  it('round-trips through its schema with the run', () => {
    const text = planJsonText(report(thesisOfficeSnapshot(), sampleRun()), '2024-05-01T10:00:00.000Z', '9.9.9');
    const parsed = PlanJsonSchema.parse(JSON.parse(text));
    expect(parsed.placement.length).toBe(15);
    expect(parsed.billOfMaterials.grandTotal).toBe(14);
    expect(parsed.run?.algorithm).toBe('nsga2');
    expect(parsed.run?.front.length).toBe(4);
    expect(JSON.stringify(parsed, null, 2) + '\n').toBe(text);
  });

  it('is refused by the schema when damaged', () => {
    const doc = JSON.parse(planJsonText(report(), 'x', '1')) as { placement: { xM: unknown }[] };
    doc.placement[0].xM = 'one';
    expect(PlanJsonSchema.safeParse(doc).success).toBe(false);
  });
});

describe('front scatter', () => {
  it('draws one point per solution, the current one ringed, escaped and well-formed', () => {
    const r = report(thesisOfficeSnapshot(), sampleRun());
    const svg = frontScatterSvg(r.run!, r.front)!;
    expect(checkXmlNesting(svg).ok).toBe(true);
    expect(svg.match(/<circle [^>]*fill="#3949ab"/g)?.length).toBe(3);
    expect(svg.match(/<circle [^>]*#d84315/g)?.length).toBe(2); // dot + ring of the current solution
    expect(svg).toContain('cost (units) — lower is better');
    expect(svg).toContain('coverage (%) — higher is better');
  });

  it('returns null when no solution has the chosen objectives', () => {
    const run = ReportRunSchema.parse({ ...sampleRun(), front: [{ objectives: {} }] });
    expect(frontScatterSvg(run, [{ index: 0, values: [NaN, NaN, NaN, NaN], deviceCount: 0, current: false }])).toBeNull();
  });
});
