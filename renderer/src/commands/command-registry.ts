// Holds every command once, and runs command lines for the menu, shortcuts, the palette and tests.
import { parseCommandLine, type Command, type CommandContext } from './command';

export type RunOutcome = 'done' | 'unknown' | 'disabled' | 'failed';

export class CommandRegistry {
  private readonly byId = new Map<string, Command>();

  constructor(private readonly ctx: CommandContext) {}

  register(...commands: readonly Command[]): this {
    for (const c of commands) {
      if (this.byId.has(c.id)) throw new Error(`command ${c.id} is registered twice`);
      this.byId.set(c.id, c);
    }
    return this;
  }

  get(id: string): Command | undefined {
    return this.byId.get(id);
  }

  all(): Command[] {
    return [...this.byId.values()];
  }

  isEnabled(command: Command): boolean {
    return command.enabled ? command.enabled(this.ctx) : true;
  }

  /** Runs 'id' or 'id:input'. A failing command shows its message in a toast instead of escaping. */
  async run(line: string): Promise<RunOutcome> {
    const { id, input } = parseCommandLine(line);
    const command = this.byId.get(id);
    if (!command) return 'unknown';
    if (!this.isEnabled(command)) return 'disabled';
    try {
      await command.perform(this.ctx, input);
      return 'done';
    } catch (e) {
      this.ctx.ui.getState().pushToast('error', (e as Error).message);
      return 'failed';
    }
  }
}
