// The reference side of a measurement: readings typed by the engineer, or a Modbus meter polled over the
// same window as the board. With a polled meter both run at once, so the averages cover the same time.
import type { Result } from '../../../shared/api/result';
import { err, ok } from '../../../shared/api/result';
import type { ReferenceReading } from '../../../shared/calibration/reference-reading';
import { ReferenceReadingSchema } from '../../../shared/calibration/reference-reading';
import type { PolledReference } from '../reference-meter/modbus-reference-meter';
import { averageReference } from '../reference-meter/reference-averager';

export type ReferenceDriver =
  | { kind: 'typed' }
  | {
      kind: 'polled';
      meter: PolledReference;
      /** Pause between two polls of the meter, ms. */
      pollIntervalMs?: number;
    };

export interface InStep<T> {
  board: T;
  reference: ReferenceReading;
}

/**
 * Runs the board's measurement and the reference's over the same window. A typed reading is required
 * unless `typedOptional` (the zero step needs nothing from the reference).
 */
export async function measureInStep<T>(
  driver: ReferenceDriver,
  windowS: number,
  board: (durationS: number) => Promise<Result<T>>,
  typed: ReferenceReading | undefined,
  typedOptional = false,
): Promise<Result<InStep<T>>> {
  if (driver.kind === 'typed') {
    if (!typed && !typedOptional) return err('missing-reference', 'Type the reference meter’s readings for this step before measuring.');
    const reading = ReferenceReadingSchema.parse(typed ?? {});
    const b = await board(windowS);
    if (!b.ok) return b;
    return ok({ board: b.value, reference: reading });
  }
  const [b, r] = await Promise.all([board(windowS), averageReference(driver.meter, { windowMs: windowS * 1000, pollIntervalMs: driver.pollIntervalMs })]);
  if (!b.ok) return b;
  if (!r.ok) return err(r.code, `${r.message} The step was not recorded.`);
  return ok({ board: b.value, reference: r.value });
}
