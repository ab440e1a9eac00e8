/**
 * The application menu: File, Edit, View, Help with the usual shortcuts (and the app menu first on
 * macOS). Built as a plain template from injected actions, so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';

export interface MenuActions {
  openScenario(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  showAbout(): void;
  showDataSources(): void;
  /** File > Save Scenario and Save Scenario As… (the page does the saving; absent: not in the menu) */
  saveScenario?(): void;
  saveScenarioAs?(): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly recentFiles: readonly string[];
  /** Developer tools in the View menu (not in a packaged app). */
  readonly devTools: boolean;
  readonly actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions } = options;
  const mac = options.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : [
          ...options.recentFiles.map((file, i): MenuItemConstructorOptions => ({
            // "&" would become a mnemonic on Windows and Linux.
            label: `${i < 9 ? `${i + 1} ` : ''}${path.basename(file).replace(/&/g, '&&')}`,
            toolTip: file,
            click: () => actions.openRecent(file),
          })),
          { type: 'separator' },
          { label: 'Clear Recent', click: () => actions.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O', click: () => actions.openScenario() },
      { label: 'Open Recent', submenu: recent },
      // The page listens for Ctrl+S and Ctrl+Shift+S itself (both hosts): shown here, not registered, so a key press saves once.
      ...(actions.saveScenario ? [{ label: 'Save Scenario', accelerator: 'CmdOrCtrl+S', registerAccelerator: false, click: () => actions.saveScenario?.() }] : []),
      ...(actions.saveScenarioAs ? [{ label: 'Save Scenario As…', accelerator: 'CmdOrCtrl+Shift+S', registerAccelerator: false, click: () => actions.saveScenarioAs?.() }] : []),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Data Sources and Licences', click: () => actions.showDataSources() },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: `About ${options.appName}`, click: () => actions.showAbout() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { label: `About ${options.appName}`, click: () => actions.showAbout() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return mac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}
