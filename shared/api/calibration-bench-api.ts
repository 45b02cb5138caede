// Which boards the Calibrate area can calibrate now: the board the device manager is connected to, and
// the built-in virtual meter (connected on demand when the session starts). The virtual meter's load and
// its simulated truth are the device API's (configureVirtualMeter, getVirtualMeter).
import { z } from 'zod';
import { resultOf } from './result';

export const CalibrationBoardChoiceSchema = z.object({
  kind: z.enum(['connected', 'virtual']),
  boardSerial: z.string(),
  firmwareVersion: z.string().nullable(),
  /** Where it is: a port path, or the virtual meter's. */
  where: z.string(),
  /** Why it cannot be calibrated now (a text-mode link, another board holds the connection), or null. */
  unavailable: z.string().nullable(),
});
export type CalibrationBoardChoice = z.infer<typeof CalibrationBoardChoiceSchema>;

export const CalibrationBenchSchema = z.object({ boards: z.array(CalibrationBoardChoiceSchema) });
export type CalibrationBench = z.infer<typeof CalibrationBenchSchema>;

export const calibrationBenchMethods = {
  getCalibrationBench: { args: z.object({}).strict(), result: resultOf(CalibrationBenchSchema) },
} as const;

export const calibrationBenchEvents = {} as const;
