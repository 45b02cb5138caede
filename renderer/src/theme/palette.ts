// Colours that carry meaning, defined once: devices on the plan and in legends, optimisation objectives
// in charts. The canvas reads these constants; the DOM reads the CSS variables installed from them
// (installPaletteVariables), so a sensor is the same blue in a legend, a chart and on the plan.
import type { DeviceKind } from '../../../shared/model/building';

export const DEVICE_COLOURS: Readonly<Record<DeviceKind, string>> = {
  sensor: '#2f80ed',
  router: '#e8912d',
  gateway: '#9b51e0',
};

/** Objectives of the deployment problem (DESIGN.md §3.2), for fronts and convergence charts. */
export const OBJECTIVE_COLOURS = {
  cost: '#d35400',
  coverage: '#2e9d57',
  overCoverage: '#c2185b',
  connectivity: '#1f6fd1',
  lifetime: '#8d6e63',
} as const;
export type Objective = keyof typeof OBJECTIVE_COLOURS;

/** The optimisation algorithms, the same in every Pareto view, legend and progress bar. */
export const ALGORITHM_COLOURS = {
  nsga2: '#2f5fd0',
  spea2: '#c2410c',
  nsga3: '#0f8f7e',
} as const;

/** Zone kinds on the plan (DESIGN.md §3.1). */
export const ZONE_COLOURS = {
  installable: '#2e9d57',
  exclusion: '#d64545',
  poi: '#e0a800',
  gateway: DEVICE_COLOURS.gateway,
} as const;

export function cssVariableName(group: 'device' | 'objective' | 'zone' | 'algorithm', key: string): string {
  return `--${group}-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;
}

/** Installs the constants above as CSS variables (--device-sensor, --objective-over-coverage, --algorithm-nsga2, …). */
export function installPaletteVariables(style: Pick<CSSStyleDeclaration, 'setProperty'>): void {
  for (const [k, v] of Object.entries(DEVICE_COLOURS)) style.setProperty(cssVariableName('device', k), v);
  for (const [k, v] of Object.entries(OBJECTIVE_COLOURS)) style.setProperty(cssVariableName('objective', k), v);
  for (const [k, v] of Object.entries(ZONE_COLOURS)) style.setProperty(cssVariableName('zone', k), v);
  for (const [k, v] of Object.entries(ALGORITHM_COLOURS)) style.setProperty(cssVariableName('algorithm', k), v);
}
