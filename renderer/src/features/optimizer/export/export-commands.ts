// Export commands (palette, menu, buttons, tests): each opens the export dialog for its format; the
// dialog asks for the path (the web shell has no native save dialog) and calls exportPlan.
import { ExportFormatSchema } from '../../../../../shared/api/export-api';
import type { Command, CommandContext } from '../../../commands/command';
import { optimizerFor } from '../optimizer-services';
import { openExportDialog } from './export-dialog-store';

const hasProject = (ctx: CommandContext) => ctx.projectStore.getState().info !== null;

export const exportCommands: Command[] = ExportFormatSchema.options.map((format) => ({
  id: `export.${format}`,
  label: `optimizer.commands.export.${format}`,
  enabled: hasProject,
  perform: () => openExportDialog(format),
}));

/** The Optimise area's own commands: run with the panel's settings, stop, the thesis's guided study. */
export const optimiseCommands: Command[] = [
  {
    id: 'optimise.run',
    label: 'optimizer.commands.run',
    enabled: hasProject,
    perform: async (ctx) => {
      ctx.ui.getState().setArea('optimise');
      await optimizerFor(ctx).start();
    },
  },
  {
    id: 'optimise.stop',
    label: 'optimizer.commands.stop',
    enabled: (ctx) => (optimizerFor(ctx).store.getState().job?.pending.length ?? 0) > 0,
    perform: (ctx) => optimizerFor(ctx).stop(),
  },
  {
    id: 'optimise.reproduceThesis',
    label: 'optimizer.commands.reproduceThesis',
    enabled: hasProject,
    perform: async (ctx) => {
      ctx.ui.getState().setArea('optimise');
      await optimizerFor(ctx).reproduceThesis();
    },
  },
];

export const optimizerCommands: Command[] = [...exportCommands, ...optimiseCommands];
