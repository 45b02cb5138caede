// A small floor with real radios for the network-mode tests: 20 m × 10 m, a metal partition at
// x = 10 m with a 4 m opening at the bottom, a plasterboard wall along y = 5 m on the left half, the
// gateway at (2.5, 2.5); Zigbee (CC2530) sensor, router and coordinator from the catalogue.
import { readFileSync } from 'node:fs';
import type { Floor, Material, Wall, Zone } from '../../../../shared/model/building';
import type { DeviceSpec } from '../../../../shared/model/catalogue';
import { findDevice, parseCatalogue } from '../../../../shared/model/catalogue';
import type { DeploymentFloorInput } from '../../../../shared/optimize/problems/deployment/floor-model';

export function catalogueDevice(key: string): DeviceSpec {
  const cat = parseCatalogue(JSON.parse(readFileSync(new URL('../../../../resources/catalogue/devices.json', import.meta.url), 'utf8')));
  if (!cat.ok) throw new Error(cat.message);
  const d = findDevice(cat.value, key);
  if (!d) throw new Error(`no ${key}`);
  return d;
}

export const materials: Material[] = [
  { id: 1, name: 'Metal', attenuationDb: 30, colour: '#34495e' },
  { id: 2, name: 'Plasterboard', attenuationDb: 2.2, colour: '#bdc3c7' },
];
export const floor: Floor = { id: 1, name: 'Lab', level: 0, widthM: 20, heightM: 10, outline: [], gridPitchM: 1, plan: null };
export const walls: Wall[] = [
  { id: 1, floorId: 1, a: { x: 10, y: 0 }, b: { x: 10, y: 6 }, materialId: 1, thicknessM: 0.01 },
  { id: 2, floorId: 1, a: { x: 0, y: 5 }, b: { x: 10, y: 5 }, materialId: 2, thicknessM: 0.1 },
];
export const zones: Zone[] = [{ id: 1, floorId: 1, kind: 'gateway', name: 'Gateway', polygon: [{ x: 2.5, y: 2.5 }] }];

export function labInput(overrides: Partial<DeploymentFloorInput> = {}): DeploymentFloorInput {
  return {
    floor,
    walls,
    zones,
    materials,
    sensor: catalogueDevice('zigbee-sensor-cc2530'),
    router: catalogueDevice('zigbee-router-cc2530'),
    gateway: catalogueDevice('zigbee-coordinator-cc2530'),
    pathLossExponent: 3,
    ...overrides,
  };
}
