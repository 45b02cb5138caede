// Modbus failures turned into results a person can act on. Exception codes and names from the MODBUS
// Application Protocol Specification V1.1b3, §7 "MODBUS Exception Responses".
import type { Err } from '../../../shared/api/result';
import { err } from '../../../shared/api/result';

export const MODBUS_EXCEPTIONS: Readonly<Record<number, { name: string; hint: string }>> = {
  1: { name: 'ILLEGAL FUNCTION', hint: 'the meter does not support this function code: check the meter model' },
  2: { name: 'ILLEGAL DATA ADDRESS', hint: 'the register does not exist on this meter: check the meter model and its register map' },
  3: { name: 'ILLEGAL DATA VALUE', hint: 'the meter refused the request’s length or value' },
  4: { name: 'SERVER DEVICE FAILURE', hint: 'the meter reported an internal error while reading the value' },
  5: { name: 'ACKNOWLEDGE', hint: 'the meter accepted the request but needs more time' },
  6: { name: 'SERVER DEVICE BUSY', hint: 'the meter is busy: try again' },
  8: { name: 'MEMORY PARITY ERROR', hint: 'the meter found a parity error in its memory' },
  10: { name: 'GATEWAY PATH UNAVAILABLE', hint: 'the gateway has no path to the meter: check the gateway’s configuration' },
  11: { name: 'GATEWAY TARGET DEVICE FAILED TO RESPOND', hint: 'the gateway got no answer from the meter: check the unit id and the RS-485 wiring behind it' },
};

export type ModbusErrorCode = 'modbus-timeout' | 'modbus-exception' | 'modbus-connect' | 'modbus-error' | 'modbus-closed';

/** What was being read when a failure happened, for the message. */
export interface ModbusRequestContext {
  /** e.g. "Siemens SENTRON PAC3200 at 127.0.0.1:502 (unit 1)". */
  meter: string;
  /** e.g. "Voltage Va-n (offset 1)". */
  what: string;
  timeoutMs: number;
}

interface LibraryError {
  message?: unknown;
  errno?: unknown;
  code?: unknown;
  modbusCode?: unknown;
  name?: unknown;
}

/** Translates an error thrown by the Modbus library into a result with a clear message. */
export function modbusFailure(error: unknown, ctx: ModbusRequestContext): Err & { modbusCode?: number } {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as LibraryError;
  if (typeof e.modbusCode === 'number') {
    const known = MODBUS_EXCEPTIONS[e.modbusCode];
    const name = known ? known.name : 'unknown exception';
    const hint = known ? `: ${known.hint}` : '';
    return { ...err('modbus-exception', `${ctx.meter} answered the read of ${ctx.what} with Modbus exception ${e.modbusCode} (${name})${hint}.`), modbusCode: e.modbusCode };
  }
  if (e.errno === 'ETIMEDOUT' || e.name === 'TransactionTimedOutError') {
    return err('modbus-timeout', `${ctx.meter} did not answer the read of ${ctx.what} within ${ctx.timeoutMs} ms: check the unit id, the baud rate and parity, and the wiring.`);
  }
  if (e.errno === 'ECONNREFUSED' && e.name === 'PortNotOpenError') {
    return err('modbus-closed', `The connection to ${ctx.meter} is closed.`);
  }
  const message = typeof e.message === 'string' && e.message ? e.message : 'unknown error';
  return err('modbus-error', `Reading ${ctx.what} from ${ctx.meter} failed: ${message}.`);
}

/** Translates a failure to open the port or the connection. */
export function connectFailure(error: unknown, meter: string): Err {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as LibraryError;
  const message = typeof e.message === 'string' && e.message ? e.message : String(e.code ?? e.errno ?? 'unknown error');
  return err('modbus-connect', `Could not connect to ${meter}: ${message}.`);
}
