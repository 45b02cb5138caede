// Small plans for the planner's tests, with device types in the catalogue's shape.
import type { DeviceType, Floor, Material, ProjectSnapshot, Wall, Zone } from '../../../shared/model/building';

export const DISK_SENSOR: DeviceType = {
  id: 1,
  kind: 'sensor',
  name: 'Disk sensor',
  spec: { cost: 1, detection: { kind: 'disk', radiusM: 1 }, radio: { technology: 'ideal-disk', rangeM: 2 } },
};
export const DISK_ROUTER: DeviceType = { id: 2, kind: 'router', name: 'Disk router', spec: { cost: 3, radio: { technology: 'ideal-disk', rangeM: 5 } } };
export const GATEWAY: DeviceType = { id: 3, kind: 'gateway', name: 'Gateway', spec: { cost: 0 } };
/** The catalogue's CC2530 radio: highest level 4.5 dBm, sensitivity −97 dBm, 2.44 GHz. */
const ZIGBEE_RADIO = { technology: 'ieee802154-2g4', frequencyHz: 2.44e9, txLevels: [{ powerDbm: -22, currentMa: 23 }, { powerDbm: 4.5, currentMa: 34 }], rxSensitivityDbm: -97, antennaGainDbi: 0, rxCurrentMa: 24 };
export const ZIGBEE_SENSOR: DeviceType = {
  id: 4,
  kind: 'sensor',
  name: 'Zigbee sensor',
  spec: { cost: 35, detection: { kind: 'exponential', rMinM: 1, rMaxM: 3, alphaPerM: 0.5, blockedByWalls: true }, radio: ZIGBEE_RADIO },
};
export const ZIGBEE_ROUTER: DeviceType = { id: 5, kind: 'router', name: 'Zigbee router', spec: { cost: 60, radio: ZIGBEE_RADIO } };

export const MATERIALS: Material[] = [
  { id: 1, name: 'Concrete', attenuationDb: 12, colour: '#7f8c8d' },
  { id: 2, name: 'Metal', attenuationDb: 30, colour: '#34495e' },
];

export function floor(widthM: number, heightM: number, gridPitchM = 1): Floor {
  return { id: 1, name: 'F', level: 0, widthM, heightM, outline: [], gridPitchM, plan: null };
}

let nextId = 100;
export const wall = (ax: number, ay: number, bx: number, by: number, materialId = 1): Wall => ({
  id: nextId++,
  floorId: 1,
  a: { x: ax, y: ay },
  b: { x: bx, y: by },
  materialId,
  thicknessM: 0.2,
});

export function plan(f: Floor, walls: Wall[] = [], zones: Zone[] = []): ProjectSnapshot {
  return {
    building: { name: 'Test', address: '', notes: '' },
    materials: MATERIALS,
    floors: [f],
    walls,
    zones,
    deviceTypes: [DISK_SENSOR, DISK_ROUTER, GATEWAY, ZIGBEE_SENSOR, ZIGBEE_ROUTER],
    placements: [],
  };
}
