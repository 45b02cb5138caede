// What the reference instrument says during a calibration step, whether typed by the engineer or read
// from a meter over Modbus, and the checks that refuse a reading that cannot calibrate anything.
import { z } from 'zod';
import type { Result } from '../api/result';
import { err, ok } from '../api/result';

/** Reference meters with a register map (electron/services/reference-meter/register-maps.ts). */
export const ReferenceMeterModelSchema = z.enum(['pac3200', 'sdm120', 'sdm630']);
export type ReferenceMeterModel = z.infer<typeof ReferenceMeterModelSchema>;

export const REFERENCE_METER_LABELS: Record<ReferenceMeterModel, string> = {
  pac3200: 'Siemens SENTRON PAC3200',
  sdm120: 'Eastron SDM120-Modbus',
  sdm630: 'Eastron SDM630-Modbus',
};

/**
 * How to reach a Modbus reference meter. Serial defaults are those of the MODBUS over Serial Line
 * Specification V1.02 §2.5 (19200 baud, even parity, 1 stop bit); meters often ship otherwise (the
 * SDM120 at 2400 baud, no parity), so the wizard shows them.
 */
export const ModbusLinkSchema = z.discriminatedUnion('transport', [
  z.object({
    transport: z.literal('rtu'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(19200),
    parity: z.enum(['none', 'even', 'odd']).default('even'),
    stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
  }),
  z.object({ transport: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65535).default(502) }),
]);
export type ModbusLink = z.infer<typeof ModbusLinkSchema>;

/** The reference chosen in the wizard. */
export const ReferenceSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('typed'),
    /** Instrument the engineer reads from, e.g. "Fluke 1736, s/n 1234, calibrated 2024-05". */
    instrument: z.string().min(1).max(200),
  }),
  z.object({
    kind: z.literal('modbus'),
    model: ReferenceMeterModelSchema,
    link: ModbusLinkSchema,
    unitId: z.number().int().min(0).max(247).default(1),
    timeoutMs: z.number().int().min(50).max(10_000).default(1000),
    /** Serial number or tag of the reference, for the certificate. */
    instrument: z.string().max(200).default(''),
  }),
]);
export type ReferenceSource = z.infer<typeof ReferenceSourceSchema>;
export type ReferenceSourceInput = z.input<typeof ReferenceSourceSchema>;

/** One reference reading: averages over the window the board measured. Absent quantities were not read. */
export const ReferenceReadingSchema = z.object({
  voltageV: z.number().optional(),
  currentA: z.number().optional(),
  activePowerW: z.number().optional(),
  /** Positive when the current lags (inductive). */
  reactivePowerVar: z.number().optional(),
  /** |cos φ| as the meter displays it. */
  powerFactor: z.number().optional(),
  frequencyHz: z.number().optional(),
  /** Polls averaged (1 for a typed reading). */
  samples: z.number().int().positive().default(1),
  durationS: z.number().nonnegative().default(0),
});
export type ReferenceReading = z.infer<typeof ReferenceReadingSchema>;
export type ReferenceQuantity = 'voltageV' | 'currentA' | 'activePowerW' | 'reactivePowerVar' | 'powerFactor' | 'frequencyHz';

const QUANTITY_TEXT: Record<ReferenceQuantity, { name: string; unit: string }> = {
  voltageV: { name: 'voltage', unit: 'V' },
  currentA: { name: 'current', unit: 'A' },
  activePowerW: { name: 'active power', unit: 'W' },
  reactivePowerVar: { name: 'reactive power', unit: 'var' },
  powerFactor: { name: 'power factor', unit: '' },
  frequencyHz: { name: 'frequency', unit: 'Hz' },
};

/** A quantity the step needs must be present and strictly positive: a zero or negative reading is refused. */
export function requirePositive(reading: ReferenceReading, quantity: ReferenceQuantity): Result<number> {
  const value = reading[quantity];
  const { name, unit } = QUANTITY_TEXT[quantity];
  if (value === undefined) return err('missing-reference', `The reference ${name} is missing: enter it (in ${unit || 'per unit'}) or choose a meter that reports it.`);
  if (!Number.isFinite(value)) return err('bad-reference', `The reference ${name} is not a number.`);
  if (value <= 0) {
    return err(
      'bad-reference',
      `The reference ${name} is ${value}${unit ? ` ${unit}` : ''}: a reading of zero or less cannot calibrate the board. Check the load is connected and the reference is wired and reading.`,
    );
  }
  return ok(value);
}

/** A power factor must be in (0, 1]. */
export function requirePowerFactor(reading: ReferenceReading): Result<number> {
  const pf = requirePositive(reading, 'powerFactor');
  if (!pf.ok) return pf;
  if (pf.value > 1 + 1e-6) return err('bad-reference', `The reference power factor is ${pf.value}: it cannot exceed 1.`);
  return ok(Math.min(1, pf.value));
}
