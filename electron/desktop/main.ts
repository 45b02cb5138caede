// The desktop shell (Electron main): window, menu, native dialogs, the app:// protocol that serves the
// renderer, and IPC that carries the API contract. Kept thin: every behaviour lives in the services.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, shell as electronShell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_PREFIX, methodNames, type EventName } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import { createAppServices } from '../services/app/app-services';
import { PROJECT_EXTENSION } from '../services/project/format';
import { contentSecurityPolicy } from '../shell/content-security-policy';
import { repositoryRoot } from '../shell/paths';
import { installMenu } from './menu';

const APP_ORIGIN = 'app://meterplan';
const root = app.isPackaged ? process.resourcesPath : repositoryRoot(__dirname);
const outDir = app.isPackaged ? path.join(app.getAppPath(), 'out') : path.join(root, 'out');
const rendererDir = path.join(outDir, 'renderer');
// better-sqlite3 built for Electron's ABI lives beside the Node build (build/scripts/native-for-electron.mjs).
process.env.METERPLAN_SQLITE_BINDING ??= path.join(outDir, 'native', 'electron', 'better_sqlite3.node');

// The renderer is served from a privileged custom scheme rather than file://, so that 'self' in the CSP
// means exactly our files and nothing else on disk.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;

function projectPathFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((a) => a.endsWith(PROJECT_EXTENSION));
}

async function start(): Promise<void> {
  const services = createAppServices({
    shell: 'desktop',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    documentsDir: path.join(app.getPath('documents'), 'Meterplan'),
    resourcesDir: path.join(root, 'resources'),
    pickProjectPath: async (purpose, suggestedName) => {
      const filters = [{ name: 'Meterplan project', extensions: [PROJECT_EXTENSION.slice(1)] }];
      if (!mainWindow) return null;
      if (purpose === 'open') {
        const r = await dialog.showOpenDialog(mainWindow, { properties: ['openFile'], filters });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      }
      const r = await dialog.showSaveDialog(mainWindow, { defaultPath: suggestedName, filters });
      return r.canceled ? null : (r.filePath ?? null);
    },
  });

  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, decodeURIComponent(pathname === '/' ? 'index.html' : pathname.slice(1)));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString()).then((res) => {
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', contentSecurityPolicy());
      return new Response(res.body, { status: res.status, headers });
    });
  });

  // IPC: one channel per method, under our prefix; the sender must be our own top frame.
  const dispatch = createDispatcher(services.handlers);
  const isTrustedSender = (event: IpcMainInvokeEvent) =>
    mainWindow !== null && event.sender === mainWindow.webContents && event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`) === true;
  for (const name of methodNames) {
    ipcMain.handle(CHANNEL_PREFIX + name, (event, args: unknown) => {
      if (!isTrustedSender(event)) throw new Error(`refused ${name} from an untrusted sender`);
      return dispatch(name, args);
    });
  }
  services.events.subscribe((event: EventName, payload: unknown) => {
    mainWindow?.webContents.send(`${CHANNEL_PREFIX}event:${event}`, payload);
  });

  services.projects.openOnStartup(projectPathFromArgv(process.argv));

  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Meterplan',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  installMenu(mainWindow, (command) => services.events.emit('menuCommand', { command }));

  // Navigation away from the app and new windows are refused; http(s) links open in the user's browser.
  mainWindow.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void electronShell.openExternal(url);
    return { action: 'deny' };
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => services.dispose());

  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

// One instance owns the project files; a second launch hands its file to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', (_e, argv) => {
    const file = projectPathFromArgv(argv);
    if (file) mainWindow?.webContents.send(`${CHANNEL_PREFIX}event:menuCommand`, { command: `project.openPath:${file}` });
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start, (e: unknown) => {
    dialog.showErrorBox('Meterplan could not start', (e as Error).message);
    app.quit();
  });
}
