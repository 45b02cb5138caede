// Named settings for the virtual meter (for the CLI and the app's demo menu): a mains preset, a load
// kind with its size, and the board's imperfections.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import { defaultBoardModel, NO_ADC_ERRORS } from '../../../shared/signal/adc-model';
import type { LoadSpec, MainsPresetName } from '../../../shared/signal/waveform';
import { MAINS_PRESETS } from '../../../shared/signal/waveform';
import type { VirtualMeterOptions } from './virtual-meter';

export const LOAD_KINDS = ['resistive', 'inductive', 'led', 'motor', 'none'] as const;
export type LoadKindName = (typeof LOAD_KINDS)[number];

export interface VirtualMeterSettings {
  preset?: string;
  load?: string;
  /** W for resistive, LED and motor; VA for inductive. */
  power?: number;
  /** Inductive load's power factor (lagging). */
  powerFactor?: number;
  serial?: string;
  samplesPerPeriod?: number;
  mode?: string;
  /** Start with coefficients that cancel the board's errors (as if already calibrated). */
  calibrated?: boolean;
  /** A perfect front end: no gain, offset or phase errors. */
  noErrors?: boolean;
  noiseCounts?: number;
}

export function loadSpec(kind: LoadKindName, power: number | undefined, powerFactor: number | undefined): LoadSpec {
  switch (kind) {
    case 'resistive':
      return { kind: 'resistive', powerW: power ?? 2300 };
    case 'inductive':
      return { kind: 'inductive', apparentPowerVA: power ?? 2300, powerFactor: powerFactor ?? 0.5 };
    case 'led':
      return { kind: 'nonlinear', powerW: power ?? 60 };
    case 'motor':
      return { kind: 'motor', ratedPowerW: power ?? 1500 };
    case 'none':
      return { kind: 'none' };
  }
}

/** Checks and turns settings into VirtualMeter options; the message names the bad setting. */
export function virtualMeterOptions(s: VirtualMeterSettings): Result<VirtualMeterOptions> {
  const preset = s.preset ?? '230V-50Hz';
  if (!(preset in MAINS_PRESETS)) return err('bad-setting', `unknown preset "${preset}" (use ${Object.keys(MAINS_PRESETS).join(' or ')})`);
  const load = s.load ?? 'resistive';
  if (!(LOAD_KINDS as readonly string[]).includes(load)) return err('bad-setting', `unknown load "${load}" (use ${LOAD_KINDS.join(', ')})`);
  if (s.power !== undefined && !(Number.isFinite(s.power) && s.power > 0 && s.power <= 50_000)) return err('bad-setting', `power ${s.power} must be in (0, 50000]`);
  if (s.powerFactor !== undefined && !(s.powerFactor >= 0 && s.powerFactor <= 1)) return err('bad-setting', `power factor ${s.powerFactor} must be in [0, 1]`);
  if (s.serial !== undefined && !/^[0-9a-fA-F]{16}$/.test(s.serial)) return err('bad-setting', `serial "${s.serial}" must be 16 hex digits`);
  if (s.samplesPerPeriod !== undefined && s.samplesPerPeriod !== 64 && s.samplesPerPeriod !== 128) return err('bad-setting', 'samples per period must be 64 or 128');
  if (s.mode !== undefined && s.mode !== 'binary' && s.mode !== 'text') return err('bad-setting', `mode "${s.mode}" must be binary or text`);
  if (s.noiseCounts !== undefined && !(s.noiseCounts >= 0 && s.noiseCounts <= 100)) return err('bad-setting', `noise ${s.noiseCounts} counts must be in [0, 100]`);
  const board = defaultBoardModel({
    ...(s.noErrors ? { errors: NO_ADC_ERRORS } : {}),
    ...(s.noiseCounts !== undefined ? { noiseRmsCounts: s.noiseCounts } : {}),
  });
  return ok({
    mains: MAINS_PRESETS[preset as MainsPresetName],
    load: loadSpec(load as LoadKindName, s.power, s.powerFactor),
    board,
    boardSerial: s.serial,
    samplesPerPeriod: s.samplesPerPeriod as 64 | 128 | undefined,
    mode: s.mode as 'binary' | 'text' | undefined,
    calibration: s.calibrated ? 'ideal' : 'nominal',
  });
}
