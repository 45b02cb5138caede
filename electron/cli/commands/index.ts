import type { CliCommand } from '../command';
import { makeExampleCommand } from './make-example';

// Each command lives in its own file; register it here with one line.
export const commands: readonly CliCommand[] = [
  makeExampleCommand,
];
