// Every command of the window, registered once.
import { appCommands, viewCommands } from './app-commands';
import type { CommandContext } from './command';
import { CommandRegistry } from './command-registry';
import { projectCommands } from './project-commands';

export const ALL_COMMANDS = [...projectCommands, ...viewCommands, ...appCommands];

export function createCommandRegistry(ctx: CommandContext): CommandRegistry {
  return new CommandRegistry(ctx).register(...ALL_COMMANDS);
}
