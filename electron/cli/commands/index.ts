import type { CliCommand } from '../command';
import { evaluateCommand } from './evaluate';
import { exportCommand } from './export';
import { makeExampleCommand } from './make-example';
import { optimizeCommand } from './optimize';
import { measureCommand } from './measure';
import { virtualMeterCommand } from './virtual-meter';

// Each command lives in its own file; register it here with one line.
export const commands: readonly CliCommand[] = [
  makeExampleCommand,
  exportCommand,
  evaluateCommand,
  optimizeCommand,
  measureCommand,
  virtualMeterCommand,
];
