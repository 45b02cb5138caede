// Snapshots for the plan-render tests, built by hand (shared/ tests stay pure): the thesis office as
// resources/examples/thesis-office.meterplan holds it (electron/services/project/examples/thesis-office.ts),
// and small variations.
import type { DeviceType, Placement, ProjectSnapshot } from '../../../shared/model/building';
import type { ReportRunInput } from '../../../shared/plan-render/report-run';

/** Thesis Table 4.7 (NSGA-II sensors) and 4.5 (NSGA-II routers), as (row, column) cells of 1 m. */
export const SENSORS_ROW_COL: readonly (readonly [number, number])[] = [
  [0, 5], [1, 0], [1, 2], [1, 8], [3, 0], [4, 2], [4, 6], [4, 9], [6, 0], [6, 5], [7, 3], [7, 8],
];
export const ROUTERS_ROW_COL: readonly (readonly [number, number])[] = [
  [3, 9],
  [4, 3],
];

export const THESIS_TYPES: DeviceType[] = [
  { id: 1, kind: 'sensor', name: 'Thesis sensor', spec: { costUnits: 1, detection: { model: 'disk', radiusM: 1.5 }, communicationRadiusM: 3 } },
  { id: 2, kind: 'router', name: 'Thesis router', spec: { costUnits: 1, communicationRadiusM: 5 } },
  { id: 3, kind: 'gateway', name: 'Gateway', spec: { costUnits: 0 } },
];

export function thesisOfficeSnapshot(): ProjectSnapshot {
  const placements: Placement[] = [];
  let id = 1;
  SENSORS_ROW_COL.forEach(([r, c], i) => placements.push({ id: id++, floorId: 1, deviceTypeId: 1, x: c + 0.5, y: r + 0.5, label: `S${i + 1}` }));
  ROUTERS_ROW_COL.forEach(([r, c], i) => placements.push({ id: id++, floorId: 1, deviceTypeId: 2, x: c + 0.5, y: r + 0.5, label: `R${i + 1}` }));
  placements.push({ id: id++, floorId: 1, deviceTypeId: 3, x: 0.5, y: 1.5, label: 'GW' });
  return {
    building: { name: 'Thesis office (10 m × 8 m)', address: '', notes: '' },
    materials: [
      { id: 1, name: 'Brick', attenuationDb: 8, colour: '#c0392b' },
      { id: 2, name: 'Glass', attenuationDb: 2, colour: '#5dade2' },
      { id: 3, name: 'Wooden door', attenuationDb: 3, colour: '#a0522d' },
      { id: 4, name: 'Concrete', attenuationDb: 12, colour: '#7f8c8d' },
    ],
    floors: [
      {
        id: 1,
        name: 'Office',
        level: 0,
        widthM: 10,
        heightM: 8,
        outline: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 8 }, { x: 0, y: 8 }],
        gridPitchM: 1,
        plan: null,
      },
    ],
    walls: [
      { id: 1, floorId: 1, a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, materialId: 1, thicknessM: 0.2 },
      { id: 2, floorId: 1, a: { x: 10, y: 0 }, b: { x: 10, y: 8 }, materialId: 1, thicknessM: 0.2 },
      { id: 3, floorId: 1, a: { x: 10, y: 8 }, b: { x: 6, y: 8 }, materialId: 1, thicknessM: 0.2 },
      { id: 4, floorId: 1, a: { x: 6, y: 8 }, b: { x: 2, y: 8 }, materialId: 2, thicknessM: 0.05 },
      { id: 5, floorId: 1, a: { x: 2, y: 8 }, b: { x: 0, y: 8 }, materialId: 1, thicknessM: 0.2 },
      { id: 6, floorId: 1, a: { x: 0, y: 8 }, b: { x: 0, y: 2 }, materialId: 1, thicknessM: 0.2 },
      { id: 7, floorId: 1, a: { x: 0, y: 2 }, b: { x: 0, y: 1 }, materialId: 3, thicknessM: 0.05 },
      { id: 8, floorId: 1, a: { x: 0, y: 1 }, b: { x: 0, y: 0 }, materialId: 1, thicknessM: 0.2 },
    ],
    zones: [
      { id: 1, floorId: 1, kind: 'installable', name: 'Ceiling', polygon: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 8 }, { x: 0, y: 8 }] },
      { id: 2, floorId: 1, kind: 'gateway', name: 'Gateway', polygon: [{ x: 0.5, y: 1.5 }] },
    ],
    deviceTypes: THESIS_TYPES,
    placements,
  };
}

/** The office with an exclusion, points of interest, a second (empty) floor and hostile names. */
export function decoratedSnapshot(): ProjectSnapshot {
  const s = thesisOfficeSnapshot();
  return {
    ...s,
    building: { name: 'Lab <A&B> "North" \'wing\'', address: '1 rue <de> la Paix & co', notes: '' },
    floors: [...s.floors, { id: 2, name: 'Attic', level: 1, widthM: 10, heightM: 8, outline: [], gridPitchM: 1, plan: null }],
    zones: [
      ...s.zones,
      { id: 3, floorId: 1, kind: 'exclusion', name: 'Server <rack>', polygon: [{ x: 4, y: 2 }, { x: 7, y: 2 }, { x: 7, y: 4 }, { x: 4, y: 4 }] },
      { id: 4, floorId: 1, kind: 'poi', name: 'Door & hall', polygon: [{ x: 1, y: 6 }, { x: 3, y: 6 }, { x: 3, y: 7.5 }, { x: 1, y: 7.5 }] },
      { id: 5, floorId: 1, kind: 'poi', name: 'Safe "A"', polygon: [{ x: 8, y: 6 }] },
    ],
  };
}

/** Parses `<tag …>`, `</tag>` and `<tag …/>` and checks nesting: a minimal well-formedness check. */
export function checkXmlNesting(xml: string): { ok: boolean; elements: Map<string, number>; problem?: string } {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const elements = new Map<string, number>();
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[0] === '<') return { ok: false, elements, problem: `stray < at ${m.index}` };
    if (m[0].startsWith('&')) return { ok: false, elements, problem: `bare & at ${m.index}` };
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return { ok: false, elements, problem: `</${name}> does not close the open element` };
    } else {
      elements.set(name, (elements.get(name) ?? 0) + 1);
      if (!selfClosing) stack.push(name);
    }
  }
  return stack.length === 0 ? { ok: true, elements } : { ok: false, elements, problem: `unclosed ${stack.join(' > ')}` };
}

/** A small front around the thesis's NSGA-II sensors solution (which is its third point). */
export function sampleRun(): ReportRunInput {
  const chosen = SENSORS_ROW_COL.map(([r, c]) => ({ x: c + 0.5, y: r + 0.5, kind: 'sensor' as const }));
  const routers = [
    { x: 9.5, y: 3.5, kind: 'router' as const },
    { x: 3.5, y: 4.5, kind: 'router' as const },
  ];
  return {
    algorithm: 'nsga2',
    seed: 42,
    parameters: { populationSize: 80, generations: 100, crossoverProbability: 0.9, mutationProbability: 0.1 },
    objectives: [
      { name: 'cost', direction: 'minimize', unit: 'units' },
      { name: 'coverage', direction: 'maximize', unit: '%' },
      { name: 'connectivity', direction: 'maximize', unit: '%' },
      { name: 'overCoverage', direction: 'minimize', unit: '%' },
    ],
    front: [
      { objectives: { cost: 16, coverage: 100, connectivity: 100, overCoverage: 30 }, devices: [] },
      { objectives: { cost: 10, coverage: 85, connectivity: 97.5, overCoverage: 5 }, devices: [] },
      { objectives: { cost: 14, coverage: 93.75, connectivity: 100, overCoverage: 13.75 }, devices: [...chosen, ...routers] },
      { objectives: { cost: 14, coverage: 95, connectivity: 100, overCoverage: 17.5 }, devices: [] },
    ],
  };
}

