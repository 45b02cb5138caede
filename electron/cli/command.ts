/** One sub-command of `npm run cli -- <name> ...`. */
export interface CliCommand {
  readonly name: string;
  /** One line for `npm run cli -- help`. */
  readonly summary: string;
  /** Returns the process exit code. Bad arguments throw CliUsageError (a one-line message, exit 2). */
  run(argv: readonly string[]): Promise<number>;
}

/** A user mistake on the command line: printed as one line, exit code 2. */
export class CliUsageError extends Error {}
