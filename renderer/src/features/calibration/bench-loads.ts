// Loads for the built-in virtual meter, whose bench is simulated: the wizard offers the load each step
// asks for (no load for the zero, a resistive load near the top of the range for the current gain, an
// inductive one at PF 0.5 for the phase) and switches the meter to it through the device API.
import type { VirtualMeterConfig } from '../../../../shared/api/device-api';
import type { CalibrationView } from './wizard-pages';

export interface BenchLoad {
  readonly id: string;
  readonly load: 'none' | 'resistive' | 'inductive';
  /** W for a resistive load, VA for an inductive one. */
  readonly powerW: number;
  readonly powerFactor: number;
}

/** At 230 V: 3, 10, 40 and 80 A resistive; 10 and 20 A at PF 0.5 lagging; 20 A at PF 0.8. */
export const BENCH_LOADS: readonly BenchLoad[] = [
  { id: 'none', load: 'none', powerW: 2300, powerFactor: 1 },
  { id: 'r3', load: 'resistive', powerW: 690, powerFactor: 1 },
  { id: 'r10', load: 'resistive', powerW: 2300, powerFactor: 1 },
  { id: 'r40', load: 'resistive', powerW: 9200, powerFactor: 1 },
  { id: 'r80', load: 'resistive', powerW: 18_400, powerFactor: 1 },
  { id: 'l10', load: 'inductive', powerW: 2300, powerFactor: 0.5 },
  { id: 'l20', load: 'inductive', powerW: 4600, powerFactor: 0.5 },
  { id: 'l20pf08', load: 'inductive', powerW: 4600, powerFactor: 0.8 },
];

/** The load each page proposes. */
export const PAGE_LOAD: Partial<Record<CalibrationView, string>> = { zero: 'none', voltage: 'r10', current: 'r40', phase: 'l20', unity: 'r10', verify: 'r10' };

/** The kind of load a step needs (any size will do); verification takes any load. */
export const PAGE_LOAD_KIND: Partial<Record<CalibrationView, BenchLoad['load']>> = { zero: 'none', voltage: 'resistive', current: 'resistive', phase: 'inductive', unity: 'resistive' };

export const benchLoad = (id: string): BenchLoad => BENCH_LOADS.find((l) => l.id === id) ?? BENCH_LOADS[0];

/** The preset the virtual meter is on now, or null (the Scope area may have chosen a motor or an LED driver). */
export function currentBenchLoad(config: Pick<VirtualMeterConfig, 'load' | 'powerW' | 'powerFactor'>): BenchLoad | null {
  if (config.load === 'none') return BENCH_LOADS[0];
  return BENCH_LOADS.find((l) => l.load === config.load && Math.abs(l.powerW - config.powerW) < 1e-6 && (l.load !== 'inductive' || Math.abs(l.powerFactor - config.powerFactor) < 1e-6)) ?? null;
}

/** The arguments of configureVirtualMeter for a preset. */
export function benchConfig(l: BenchLoad): Partial<VirtualMeterConfig> {
  return l.load === 'none' ? { load: 'none' } : { load: l.load, powerW: l.powerW, powerFactor: l.powerFactor };
}
