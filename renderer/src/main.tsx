// Entry point of the renderer: picks the transport (desktop preload or the web shell's WebSocket),
// starts the services, and renders the window.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { z } from 'zod';
import { connectBackend } from './api/select-transport';
import { createAppServices, startAppServices } from './bootstrap';
import { createI18n } from './i18n/i18n';
import { App } from './shell/App';
import { MissingToken } from './shell/MissingToken';
import { AppProvider } from './state/app-context';
import { watchTheme } from './theme/apply-theme';
import { installPaletteVariables } from './theme/palette';
import './styles/tokens.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/views.css';
import './styles/overlays.css';

// zod compiles fast paths with `new Function`, which the Content-Security-Policy (no 'unsafe-eval')
// forbids; the interpreted path is as correct and quick enough for messages of this size.
z.config({ jitless: true });

/** Settings arrive in a few ms; do not hold the window back longer than this if the back end is slow. */
const SETTINGS_WAIT_MS = 1500;

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  installPaletteVariables(document.documentElement.style);
  const backend = connectBackend(window);
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

  if (!backend.ok) {
    root.render(
      <I18nextProvider i18n={createI18n(navigator.language.startsWith('fr') ? 'fr' : 'en')}>
        <MissingToken />
      </I18nextProvider>,
    );
    return;
  }

  const services = createAppServices(backend.api, backend.connection, isMac);
  watchTheme(document, services.ui);
  const i18n = createI18n(services.ui.getState().language);
  await Promise.race([startAppServices(services, i18n), new Promise((r) => setTimeout(r, SETTINGS_WAIT_MS))]);
  await i18n.changeLanguage(services.ui.getState().language);
  document.documentElement.lang = services.ui.getState().language;

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppProvider services={services}>
          <App />
        </AppProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
