// Language and theme: applied at once in the window, then persisted through the back end so the next
// start (and the other shell) opens with them.
import type { Language, Theme } from '../../../shared/api/app-api';
import type { CommandContext } from './command';

export async function changeSettings(ctx: CommandContext, patch: { language?: Language; theme?: Theme }): Promise<void> {
  const ui = ctx.ui.getState();
  if (patch.language) ui.setLanguage(patch.language);
  if (patch.theme) ui.setTheme(patch.theme);
  await ctx.api.updateSettings(patch);
}
