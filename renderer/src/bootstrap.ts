// Wires the window's services together: stores, the project controller, the command registry, and the
// back end's events (settings, menu commands, connection state).
import type { i18n } from 'i18next';
import type { MeterplanApi } from '../../shared/api/contract';
import type { ConnectionSource } from './api/connection';
import { createCommandRegistry } from './commands/all-commands';
import type { AppServices } from './state/app-context';
import { createProjectController } from './state/project-controller';
import { createProjectStore } from './state/project-store';
import { createUiStore } from './state/ui-store';

export function createAppServices(api: MeterplanApi, connection: ConnectionSource, isMac: boolean): AppServices {
  const ui = createUiStore({ connection: connection.connectionState });
  const projectStore = createProjectStore();
  const project = createProjectController(api, projectStore);
  const commands = createCommandRegistry({ api, project, projectStore, ui });
  return { api, connection, ui, projectStore, project, commands, isMac };
}

/** Loads what the window needs from the back end and keeps it current. Resolves once settings are in. */
export async function startAppServices(services: AppServices, i18n: i18n): Promise<void> {
  const { api, ui, project, commands, connection } = services;

  // Language follows the UI store, wherever the change came from (command, other window, start-up).
  let language = ui.getState().language;
  ui.subscribe((s) => {
    if (s.language === language) return;
    language = s.language;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  });

  api.on('settingsChanged', (s) => {
    ui.getState().setLanguage(s.language);
    ui.getState().setTheme(s.theme);
  });
  api.on('menuCommand', ({ command }) => {
    void commands.run(command).then((outcome) => {
      if (outcome === 'unknown') console.warn(`meterplan: the menu sent an unknown command ${command}`);
    });
  });

  const loadSettings = async () => {
    try {
      const [info, settings] = await Promise.all([api.getAppInfo({}), api.getSettings({})]);
      ui.getState().setAppInfo(info);
      ui.getState().setLanguage(settings.language);
      ui.getState().setTheme(settings.theme);
    } catch (e) {
      ui.getState().pushToast('error', (e as Error).message);
    }
  };

  // After the link comes back, events may have been missed while it was down: reload everything.
  let wasLost = false;
  connection.onConnectionState((state) => {
    ui.getState().setConnection(state);
    if (state === 'lost') wasLost = true;
    if (state === 'open' && wasLost) {
      wasLost = false;
      void loadSettings();
      void project.refreshAll();
    }
  });

  await loadSettings();
  void project.start();
}
