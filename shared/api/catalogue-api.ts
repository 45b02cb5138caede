// The device catalogue (resources/catalogue/devices.json) and copying one of its entries into the
// project as a device type, which the project then owns and may edit (DESIGN.md §3.2).
import { z } from 'zod';
import { resultOf } from './result';

/** A catalogue entry as plain JSON; its full schema is shared/model/catalogue.ts DeviceSpecSchema. */
const SpecJson = z.record(z.string(), z.unknown());

export const catalogueMethods = {
  getCatalogue: { args: z.object({}).strict(), result: resultOf(z.object({ devices: z.array(SpecJson) })) },
  /** Adds a device type to the project from a catalogue entry or an edited copy of one (checked on receipt). */
  addDeviceType: { args: z.object({ spec: SpecJson }), result: resultOf(z.object({ id: z.number().int().positive() })) },
} as const;

export const catalogueEvents = {} as const;
