// The colours and symbols of the plan, shared by the SVG/PDF/PNG export and meant for the planner's
// canvas too, so that a sensor looks the same on screen and on paper (DESIGN §1: "consistent colours
// for devices"). Device colours are saturated and drawn with a white outline; overlay colours are pale,
// so devices stay readable on any cell.
import type { DeviceKind, ZoneKind } from '../model/building';

export interface DeviceStyle {
  readonly colour: string;
  readonly symbol: 'circle' | 'square' | 'diamond';
  readonly name: string;
  readonly plural: string;
}

export const DEVICE_STYLES: Readonly<Record<DeviceKind, DeviceStyle>> = {
  sensor: { colour: '#00838f', symbol: 'circle', name: 'Sensor', plural: 'Sensors' },
  router: { colour: '#3949ab', symbol: 'square', name: 'Router', plural: 'Routers' },
  gateway: { colour: '#d84315', symbol: 'diamond', name: 'Gateway', plural: 'Gateways' },
};

export interface ZoneStyle {
  readonly stroke: string;
  readonly fill: string;
  readonly fillOpacity: number;
  readonly dash: string;
  readonly name: string;
}

export const ZONE_STYLES: Readonly<Record<ZoneKind, ZoneStyle>> = {
  installable: { stroke: '#2e7d32', fill: '#2e7d32', fillOpacity: 0, dash: '6 3', name: 'Installable zone' },
  exclusion: { stroke: '#c62828', fill: '#c62828', fillOpacity: 0.06, dash: '', name: 'Exclusion (no device)' },
  poi: { stroke: '#ef6c00', fill: '#ef6c00', fillOpacity: 0.08, dash: '5 2 1 2', name: 'Point of interest' },
  gateway: { stroke: '#d84315', fill: 'none', fillOpacity: 0, dash: '3 2', name: 'Gateway position' },
};

/** Detection count per cell: 0 (uncovered), 1, 2 (over-covered), ≥ 3. */
export const COVERAGE_COLOURS: readonly string[] = ['#f9d9d6', '#dcefd3', '#ffe6a8', '#ffc46b'];
export const COVERAGE_LABELS: readonly string[] = ['uncovered', 'once', 'twice (over-coverage)', 'three times or more'];

export const LINK_COLOURS = { sensor: '#78909c', backbone: '#3949ab' } as const;

export const INK = {
  text: '#1f2933',
  muted: '#616e7c',
  outline: '#1f2933',
  gridMinor: '#e4e7eb',
  gridMajor: '#c5ccd3',
  floorFill: '#ffffff',
  background: '#ffffff',
  unknownMaterial: '#555555',
} as const;

/** Font stack: PDF's standard Helvetica first, then metric-compatible fonts a rasteriser is likely to have. */
export const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
