import type { CliCommand } from '../command';

// Each command lives in its own file; register it here with one line.
export const commands: readonly CliCommand[] = [];
