// Project snapshots for renderer tests, shaped like the thesis example (resources/examples).
import type { ProjectInfo } from '../../shared/api/project-api';
import type { ProjectSnapshot } from '../../shared/model/building';

export function officeSnapshot(): ProjectSnapshot {
  const rect = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 8 },
    { x: 0, y: 8 },
  ];
  return {
    building: { name: 'Thesis office (10 m × 8 m)', address: '', notes: '' },
    materials: [
      { id: 1, name: 'Concrete', attenuationDb: 12, colour: '#7f8c8d' },
      { id: 2, name: 'Brick', attenuationDb: 8, colour: '#c0392b' },
      { id: 4, name: 'Glass', attenuationDb: 2, colour: '#5dade2' },
    ],
    floors: [{ id: 1, name: 'Office', level: 0, widthM: 10, heightM: 8, outline: rect, gridPitchM: 1, plan: null }],
    walls: [
      { id: 1, floorId: 1, a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, materialId: 2, thicknessM: 0.2 },
      { id: 2, floorId: 1, a: { x: 10, y: 0 }, b: { x: 10, y: 8 }, materialId: 2, thicknessM: 0.2 },
      { id: 3, floorId: 1, a: { x: 2, y: 8 }, b: { x: 6, y: 8 }, materialId: 4, thicknessM: 0.1 },
      { id: 4, floorId: 1, a: { x: 0, y: 8 }, b: { x: 0, y: 0 }, materialId: 99, thicknessM: 0.2 },
    ],
    zones: [
      { id: 1, floorId: 1, kind: 'installable', name: 'Ceiling', polygon: rect },
      { id: 2, floorId: 1, kind: 'gateway', name: 'Gateway', polygon: [{ x: 0.5, y: 1.5 }] },
    ],
    deviceTypes: [
      { id: 1, kind: 'sensor', name: 'Thesis sensor', spec: {} },
      { id: 2, kind: 'router', name: 'Thesis router', spec: {} },
      { id: 3, kind: 'gateway', name: 'Gateway', spec: {} },
    ],
    placements: [
      { id: 1, floorId: 1, deviceTypeId: 1, x: 5.5, y: 0.5, label: 'S1' },
      { id: 2, floorId: 1, deviceTypeId: 1, x: 0.5, y: 1.5, label: 'S2' },
      { id: 3, floorId: 1, deviceTypeId: 2, x: 9.5, y: 3.5, label: 'R1' },
      { id: 4, floorId: 1, deviceTypeId: 3, x: 0.5, y: 1.5, label: 'GW' },
      // A device outside the outline (the view must still show it) and one of an unknown type.
      { id: 5, floorId: 1, deviceTypeId: 1, x: 12, y: -1, label: 'S-out' },
      { id: 6, floorId: 1, deviceTypeId: 42, x: 1, y: 1, label: '?' },
    ],
  };
}

export function projectInfo(path: string, overrides: Partial<ProjectInfo> = {}): ProjectInfo {
  const name = path.replace(/^.*[\\/]/, '').replace(/\.meterplan$/, '');
  return { path, displayName: name, untitled: false, formatVersion: 2, migratedFrom: null, ...overrides };
}
