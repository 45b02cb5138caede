// Window-wide commands: the areas, theme, language, the palette itself.
import { LanguageSchema } from '../../../shared/api/app-api';
import { AREAS, selectResolvedTheme, type Area } from '../state/ui-store';
import type { Command } from './command';
import { changeSettings } from './settings-actions';

const AREA_SHORTCUT_DIGIT: Record<Area, number> = { plan: 1, optimise: 2, scope: 3, calibrate: 4, monitor: 5 };

export const viewCommands: Command[] = AREAS.map((area) => ({
  id: `view.${area}`,
  label: `commands.view.${area}`,
  shortcut: `Mod+${AREA_SHORTCUT_DIGIT[area]}`,
  perform: (ctx) => ctx.ui.getState().setArea(area),
}));

export const appCommands: Command[] = [
  {
    id: 'app.toggleTheme',
    label: 'commands.app.toggleTheme',
    perform: (ctx) => {
      const current = selectResolvedTheme(ctx.ui.getState());
      return changeSettings(ctx, { theme: current === 'dark' ? 'light' : 'dark' });
    },
  },
  {
    id: 'app.commandPalette',
    label: 'commands.app.commandPalette',
    shortcut: 'Mod+Shift+P',
    perform: (ctx) => ctx.ui.getState().openDialog({ kind: 'palette' }),
  },
  {
    id: 'app.setLanguage',
    label: 'commands.app.setLanguage',
    // 'app.setLanguage:fr' sets French; without an input it switches to the other language.
    perform: (ctx, input) => {
      if (input === undefined || input === '') {
        return changeSettings(ctx, { language: ctx.ui.getState().language === 'en' ? 'fr' : 'en' });
      }
      const parsed = LanguageSchema.safeParse(input);
      if (!parsed.success) throw new Error(`Unknown language "${input}" (expected one of ${LanguageSchema.options.join(', ')}).`);
      return changeSettings(ctx, { language: parsed.data });
    },
  },
];
