// Every command of the window, registered once.
import { optimizerCommands } from '../features/optimizer/export/export-commands';
import { appCommands, viewCommands } from './app-commands';
import type { CommandContext } from './command';
import { CommandRegistry } from './command-registry';
import { projectCommands } from './project-commands';
import { plannerCommands } from '../features/planner/planner-commands';

export const ALL_COMMANDS = [...projectCommands, ...viewCommands, ...appCommands, ...optimizerCommands, ...plannerCommands];

export function createCommandRegistry(ctx: CommandContext): CommandRegistry {
  return new CommandRegistry(ctx).register(...ALL_COMMANDS);
}
