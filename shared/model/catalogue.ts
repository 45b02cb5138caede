// The device catalogue (resources/catalogue/devices.json) and the spec of a project's device type
// (building.ts `DeviceType.spec`, a copy of a catalogue entry, editable per project).
// Schema and loader; the physics they feed lives in shared/radio.
import { z } from 'zod';
import { DeviceKindSchema } from './building';
import type { DetectionModel } from '../radio/detection';
import type { DutyCycle } from '../radio/lifetime';

const finite = z.number().finite();
const positive = finite.positive();
const nonNegative = finite.min(0);

export const DetectionSpecSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('disk'), radiusM: positive }),
    z.object({ kind: z.literal('exponential'), rMinM: nonNegative, rMaxM: positive, alphaPerM: positive }),
    z.object({ kind: z.literal('polynomial'), rMinM: positive, rMaxM: positive, exponentK: positive }),
  ])
  .and(z.object({ blockedByWalls: z.boolean().default(false) }))
  .refine((d) => d.kind === 'disk' || d.rMinM < d.rMaxM, { message: 'rMinM must be smaller than rMaxM' });
export type DetectionSpec = z.infer<typeof DetectionSpecSchema>;

/** One transmit power setting and the supply current while transmitting at it (datasheet table). */
export const TxLevelSchema = z.object({ powerDbm: finite.min(-40).max(36), currentMa: nonNegative });
export type TxLevel = z.infer<typeof TxLevelSchema>;

export const RADIO_TECHNOLOGIES = ['ieee802154-2g4', 'ble', 'wifi', 'lora'] as const;

/**
 * A real radio, or the thesis's binary communication disk ('ideal-disk': a link exists within
 * `rangeM`, which reproduces the thesis's area connectivity and ignores walls).
 */
export const RadioSpecSchema = z.union([
  z.object({ technology: z.literal('ideal-disk'), rangeM: positive }),
  z.object({
    technology: z.enum(RADIO_TECHNOLOGIES),
    frequencyHz: finite.min(1e8).max(1e11),
    /** Ascending power; the highest is the device's maximum. */
    txLevels: z
      .array(TxLevelSchema)
      .min(1)
      .refine((levels) => levels.every((l, i) => i === 0 || l.powerDbm > levels[i - 1].powerDbm), {
        message: 'txLevels must be sorted by strictly increasing powerDbm',
      }),
    rxSensitivityDbm: finite.min(-160).max(0),
    antennaGainDbi: finite.min(-20).max(30).default(0),
    rxCurrentMa: nonNegative,
  }),
]);
export type RadioSpec = z.infer<typeof RadioSpecSchema>;
export type RealRadioSpec = Exclude<RadioSpec, { technology: 'ideal-disk' }>;

export const PowerSpecSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('mains') }),
  z.object({
    source: z.literal('battery'),
    capacityMah: positive,
    /** Reporting period and the phases of one cycle; sleep fills the rest of the period. */
    cycle: z.object({
      periodS: positive,
      sleepCurrentMa: nonNegative,
      measure: z.object({ durationS: nonNegative, currentMa: nonNegative }),
      /** Time on air per report; the current is the transmit level's. */
      transmitS: nonNegative,
      /** Receive window per report (acknowledgement), at the radio's rxCurrentMa. */
      receiveS: nonNegative,
    }),
  }),
]);
export type PowerSpec = z.infer<typeof PowerSpecSchema>;

export const DeviceSpecSchema = z.object({
  /** Stable catalogue key, e.g. 'zigbee-sensor-cc2530'. */
  key: z.string().min(1).max(100),
  kind: DeviceKindSchema,
  name: z.string().min(1).max(100),
  /** Purchase and installation cost (currency of the project; 1 = the thesis's unit cost). */
  cost: nonNegative,
  detection: DetectionSpecSchema.optional(),
  radio: RadioSpecSchema.optional(),
  power: PowerSpecSchema.default({ source: 'mains' }),
  /** Where the figures come from. */
  source: z.string().max(500).optional(),
});
export type DeviceSpecInput = z.input<typeof DeviceSpecSchema>;
type ParsedSpec = z.infer<typeof DeviceSpecSchema>;

/** A device spec that passed every check: it has a radio, and a sensor has a detection model. */
export type DeviceSpec = ParsedSpec & { radio: RadioSpec };

export const CatalogueSchema = z.object({
  version: z.literal(1),
  devices: z.array(z.unknown()),
});

export interface SpecProblem {
  readonly code: string;
  readonly message: string;
}

export type SpecResult = { ok: true; value: DeviceSpec } | { ok: false; code: string; message: string };

function describeZod(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(spec)'}: ${i.message}`).join('; ');
}

/** Parses and checks one device spec. `label` names it in messages (catalogue position or type name). */
export function parseDeviceSpec(raw: unknown, label?: string): SpecResult {
  const parsed = DeviceSpecSchema.safeParse(raw);
  const rawName = typeof raw === 'object' && raw !== null && 'name' in raw ? String((raw as { name: unknown }).name) : undefined;
  const who = `Device type "${rawName ?? label ?? '?'}"`;
  if (!parsed.success) return { ok: false, code: 'invalid-device-spec', message: `${who} is invalid: ${describeZod(parsed.error)}.` };
  const spec = parsed.data;
  if (!spec.radio) {
    return {
      ok: false,
      code: 'device-without-radio',
      message: `${who} has no radio: give it a radio (technology, frequency, transmit levels, sensitivity) before it can be placed in a network.`,
    };
  }
  if (spec.kind === 'sensor' && !spec.detection) {
    return { ok: false, code: 'sensor-without-detection', message: `${who} is a sensor without a detection model (disk radius or R_min/R_max).` };
  }
  if (spec.power.source === 'battery' && spec.radio.technology === 'ideal-disk') {
    return {
      ok: false,
      code: 'battery-without-radio-currents',
      message: `${who} runs on a battery but its radio is an ideal disk, which has no transmit currents: give it a real radio or mains power.`,
    };
  }
  return { ok: true, value: spec as DeviceSpec };
}

export interface Catalogue {
  readonly devices: readonly DeviceSpec[];
}

export type CatalogueResult = { ok: true; value: Catalogue } | { ok: false; code: string; message: string; problems: readonly SpecProblem[] };

/** Loads the catalogue JSON; every bad entry is reported, none is silently dropped. */
export function parseCatalogue(json: unknown): CatalogueResult {
  const top = CatalogueSchema.safeParse(json);
  if (!top.success) {
    const message = `The device catalogue is not a version-1 catalogue: ${describeZod(top.error)}.`;
    return { ok: false, code: 'invalid-catalogue', message, problems: [{ code: 'invalid-catalogue', message }] };
  }
  const devices: DeviceSpec[] = [];
  const problems: SpecProblem[] = [];
  const keys = new Set<string>();
  top.data.devices.forEach((raw, i) => {
    const r = parseDeviceSpec(raw, `#${i + 1}`);
    if (!r.ok) {
      problems.push({ code: r.code, message: r.message });
      return;
    }
    if (keys.has(r.value.key)) {
      problems.push({ code: 'duplicate-device-key', message: `Two catalogue entries share the key "${r.value.key}".` });
      return;
    }
    keys.add(r.value.key);
    devices.push(r.value);
  });
  if (problems.length > 0) return { ok: false, code: problems[0].code, message: problems.map((p) => p.message).join(' '), problems };
  return { ok: true, value: { devices } };
}

export function findDevice(catalogue: Catalogue, key: string): DeviceSpec | undefined {
  return catalogue.devices.find((d) => d.key === key);
}

// ----------------------------------------------------------------------------------------------
// Views of a spec for the radio kernels

export function detectionModelOf(spec: DeviceSpec): DetectionModel | null {
  const d = spec.detection;
  if (!d) return null;
  switch (d.kind) {
    case 'disk':
      return { kind: 'disk', radiusM: d.radiusM };
    case 'exponential':
      return { kind: 'exponential', rMinM: d.rMinM, rMaxM: d.rMaxM, alphaPerM: d.alphaPerM };
    case 'polynomial':
      return { kind: 'polynomial', rMinM: d.rMinM, rMaxM: d.rMaxM, exponentK: d.exponentK };
  }
}

/** The duty cycle at one transmit level (index into radio.txLevels), or null for mains power. */
export function dutyCycleAt(spec: DeviceSpec, txLevel: number): DutyCycle | null {
  if (spec.power.source !== 'battery' || spec.radio.technology === 'ideal-disk') return null;
  const c = spec.power.cycle;
  const levels = spec.radio.txLevels;
  const level = levels[Math.max(0, Math.min(levels.length - 1, txLevel))];
  return {
    periodS: c.periodS,
    sleepCurrentMa: c.sleepCurrentMa,
    phases: [
      { currentMa: c.measure.currentMa, durationS: c.measure.durationS },
      { currentMa: level.currentMa, durationS: c.transmitS },
      { currentMa: spec.radio.rxCurrentMa, durationS: c.receiveS },
    ],
  };
}
