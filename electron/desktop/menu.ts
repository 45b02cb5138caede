// The native menu. Items send command ids to the renderer, whose command registry runs them, so that
// menus, shortcuts, the command palette and tests all go through the same commands.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function installMenu(window: BrowserWindow, send: (command: string) => void): void {
  const item = (label: string, command: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Project', 'project.new', 'CmdOrCtrl+N'),
        item('Open Project…', 'project.open', 'CmdOrCtrl+O'),
        item('Open Example Office', 'project.openExample'),
        { type: 'separator' },
        item('Save As…', 'project.saveAs', 'CmdOrCtrl+Shift+S'),
        {
          label: 'Export Deployment Plan',
          submenu: [
            item('PDF Report…', 'export.pdf', 'CmdOrCtrl+E'),
            item('PNG Image…', 'export.png'),
            item('SVG Drawing…', 'export.svg'),
            item('CSV Coordinates…', 'export.csv'),
            item('JSON…', 'export.json'),
          ],
        },
        item('Close Project', 'project.close', 'CmdOrCtrl+W'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }] },
    {
      label: '&View',
      submenu: [
        item('Plan', 'view.plan', 'CmdOrCtrl+1'),
        item('Optimise', 'view.optimise', 'CmdOrCtrl+2'),
        item('Scope', 'view.scope', 'CmdOrCtrl+3'),
        item('Calibrate', 'view.calibrate', 'CmdOrCtrl+4'),
        item('Monitor', 'view.monitor', 'CmdOrCtrl+5'),
        { type: 'separator' },
        item('Command Palette…', 'app.commandPalette', 'CmdOrCtrl+Shift+P'),
        item('Toggle Theme', 'app.toggleTheme'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  void window;
}
