// Expected failures cross the process boundary as values, not exceptions: Electron's IPC keeps only an
// error's message, and the renderer must show the user a reason it can act on (STYLE.md, "The contract").
import { z } from 'zod';

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; code: string; message: string };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: string, message: string): Err => ({ ok: false, code, message });

export const ErrSchema = z.object({ ok: z.literal(false), code: z.string(), message: z.string() });

/** The schema of `Result<T>` for a value schema. */
export function resultOf<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), ErrSchema]);
}

/** Raised by a dispatcher when a message fails its schema; carries the schema's explanation. */
export class BadRequestError extends Error {
  readonly code = 'bad-request';
}
