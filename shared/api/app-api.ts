// Application-level calls: identity of the shell, preferences, native dialogs where the shell has them.
import { z } from 'zod';
import { resultOf } from './result';

export const LanguageSchema = z.enum(['en', 'fr']);
export type Language = z.infer<typeof LanguageSchema>;
export const ThemeSchema = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({ language: LanguageSchema, theme: ThemeSchema });
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'desktop' has native dialogs and menus; 'web' is the localhost shell used in a browser and by tests. */
  shell: z.enum(['desktop', 'web']),
  /** Where new (untitled) projects are created and where "Save As" suggests to go. */
  documentsDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const none = z.object({}).strict();

export const appMethods = {
  getAppInfo: { args: none, result: AppInfoSchema },
  getSettings: { args: none, result: SettingsSchema },
  updateSettings: { args: SettingsSchema.partial(), result: SettingsSchema },
  /**
   * Asks the user for a project path with the platform's dialog. The web shell has none and answers
   * `{ ok: false, code: 'unsupported' }`: the renderer then asks for a path in its own dialog.
   */
  pickProjectPath: {
    args: z.object({ purpose: z.enum(['open', 'save']), suggestedName: z.string().max(255).optional() }),
    result: resultOf(z.string().nullable()),
  },
} as const;

export const appEvents = {
  settingsChanged: SettingsSchema,
  /** A menu command chosen in the desktop shell's native menu, run by the renderer's command registry. */
  menuCommand: z.object({ command: z.string() }),
} as const;
