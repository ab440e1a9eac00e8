/**
 * The Electron main process: lifecycle, the secure window, the app scheme with its CSP, the menu,
 * the IPC handlers and the pool of sim workers. Thin by design: everything with logic lives in the
 * modules it wires together, which are tested in Node without the Electron binary.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { LiveDriver } from '../host/live-driver';
import { ensureBuiltinData } from '../node/data/builtin';
import { createNodeSimPool, nodeTimers, type SimWorkerPool } from '../node/pool';
import { contentSecurityPolicy, tileOriginOf } from '../shared/csp';
import { EVENT_CHANNEL, type AppEvent, type Settings } from '../shared/protocol';
import { createMainHandlers } from './api-handlers';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl, serveAppRequest } from './app-protocol';
import { errorDetails, writeCrashReport } from './crash-report';
import { AutosaveFile } from './autosave';
import { isAllowedExternalUrl } from './external-links';
import { openScenarioWithDialog, readScenarioFile, saveScenarioWithDialog, writeScenarioFile } from './files';
import { GrantedPaths } from './grants';
import { registerApi } from './ipc';
import { readMapLayers } from './map-layers';
import { exportReportWithDialog, printHtmlToPdf, printRequestAllowed, printWindowOptions } from './report-export';
import { buildMenuTemplate } from './menu';
import { SettingsStore } from './settings';
import { confirmUnload, guardContents, mainWindowOptions } from './window';

/** The session of the hidden window that prints reports to PDF. */
const REPORT_PARTITION = 'report-print';

const APP_NAME = 'Response Simulator';
/** Set by `electron-vite dev` only; a built app always loads its own scheme. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererDir = path.join(__dirname, '../renderer');
const preloadFile = path.join(__dirname, '../preload/index.js');
const workerEntry = path.join(__dirname, 'sim-worker.js');

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.setName(APP_NAME);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let pool: SimWorkerPool | null = null;
  const crashDir = (): string => path.join(app.getPath('userData'), 'crash-reports');
  const report = (title: string, details: string): string | null => {
    try {
      return writeCrashReport(crashDir(), title, details, { appVersion: app.getVersion(), versions: process.versions, platform: process.platform });
    } catch (error) {
      console.error(`could not write a crash report for "${title}": ${errorDetails(error)}`);
      return null;
    }
  };

  process.on('uncaughtException', (error) => {
    const file = report('main process error', errorDetails(error));
    dialog.showErrorBox(`${APP_NAME}: internal error`, `${error.message}\n\n${file ? `A crash report was written to ${file}.` : 'No crash report could be written.'}`);
    app.exit(1);
  });

  // Every web contents, including any the page might create, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, {
      isAppUrl: (url) => isAppUrl(url, devServerUrl),
      // guardContents passes allowlisted pages only; checked again here, next to the call that opens.
      openExternal: (url) => {
        if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      },
    });
  });

  app.on('render-process-gone', (_event, contents, details) => {
    if (details.reason === 'clean-exit') return;
    const file = report('renderer gone', `reason: ${details.reason}, exit code: ${details.exitCode}, url: ${contents.getURL()}`);
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: APP_NAME,
      message: `The window stopped unexpectedly (${details.reason}).`,
      detail: file ? `A crash report was written to ${file}.` : undefined,
      buttons: ['Reload', 'Quit'],
    });
    if (choice === 0) contents.reload();
    else app.quit();
  });

  app.whenReady().then(() => {
    const { store: settings, problem } = SettingsStore.load(path.join(app.getPath('userData'), 'settings.json'));
    if (problem) {
      console.warn(`${APP_NAME}: settings not used: ${problem}`);
      void dialog.showMessageBox({ type: 'warning', title: APP_NAME, message: 'Your settings could not be used; the defaults are in use.', detail: problem });
    }
    // Files the page may name: picked in a dialog this session, named by those, or recent (./grants.ts).
    const grants = new GrantedPaths(() => settings.get().recentFiles);

    const csp = (): string => {
      const s = settings.get();
      return contentSecurityPolicy({ tileOrigins: s.onlineTiles ? [tileOriginOf(s.tileUrl)] : [], dev: devServerUrl !== undefined });
    };
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, csp()));
    if (devServerUrl) {
      // The dev server is plain http; give its responses the same policy.
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp()] } });
      });
    }
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // The report print window's session: nothing but the report itself may load (it makes no requests).
    const reportSession = session.fromPartition(REPORT_PARTITION);
    reportSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printRequestAllowed(details.url) }));
    reportSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

    const createPool = (s: Settings): SimWorkerPool => createNodeSimPool({ entry: workerEntry, options: { dataDir: s.dataDir }, grants });
    pool = createPool(settings.get());
    // Live sessions run on a worker of their own, kept for the next session (replaced with the pool).
    let livePool: SimWorkerPool | null = null;
    const live = new LiveDriver({ pool: () => (livePool ??= pool!.dedicated()), timers: nodeTimers, now: () => performance.now() });

    const send = (event: AppEvent): void => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
    };

    const handlers = createMainHandlers({
      pool: () => pool!,
      settings,
      openDialog: () => openScenarioWithDialog(dialog),
      readFile: readScenarioFile,
      writeScenario: writeScenarioFile,
      saveDialog: (text, suggestedName, folder) =>
        saveScenarioWithDialog({ showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)) }, text, suggestedName, folder),
      autosave: new AutosaveFile(path.join(app.getPath('userData'), 'autosave', 'scenario.json')),
      appVersion: app.getVersion(),
      workers: pool.size,
      onRecentFilesChanged: () => setMenu(),
      onSettingsChanged: (next, previous) => {
        // Workers read the data folder when they start: replace them (runs in progress end as cancelled).
        if (next.dataDir !== previous.dataDir) {
          const old = pool;
          pool = createPool(next);
          livePool = null;
          old?.close();
        }
      },
      writeCrashReport: report,
      grants,
      live,
      exportReport: (request) =>
        exportReportWithDialog(request, {
          dialog: { showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)) },
          print: (html) => printHtmlToPdf(html, () => new BrowserWindow(printWindowOptions(REPORT_PARTITION))),
        }),
      mapLayers: (source) =>
        readMapLayers(
          source,
          () => ensureBuiltinData({ settings: settings.get().dataDir }),
          // Built once per data set (about a second with the road graph built; with it absent, the graph is
          // built first). Loaded on demand: it pulls in the road graph and snapping code.
          async () => (await (await import('../node/data/coverage')).ensureRoadCoverage({ settings: settings.get().dataDir })).path,
        ),
    });
    registerApi(ipcMain, handlers, { isTrustedUrl: (url) => isAppUrl(url, devServerUrl) });

    const openFromMenu = async (open: () => ReturnType<typeof handlers.openScenarioFile>): Promise<void> => {
      const outcome = await open();
      if (outcome.ok) send({ type: 'scenario-opened', file: outcome.file });
      else if (outcome.reason !== 'cancelled') send({ type: 'open-failed', message: outcome.message });
    };

    const showAbout = async (): Promise<void> => {
      let sim = '(not answering)';
      try {
        sim = (await handlers.version([], undefined)).sim;
      } catch (error) {
        sim = `(not answering: ${error instanceof Error ? error.message : String(error)})`;
      }
      await dialog.showMessageBox({
        type: 'info',
        title: `About ${APP_NAME}`,
        message: `${APP_NAME} ${app.getVersion()}`,
        detail: `Simulator ${sim}\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      });
    };

    const showDataSources = async (): Promise<void> => {
      // Loaded on demand: the data step's module pulls in geometry code the window does not need at start.
      const { LONDON_ATTRIBUTION } = await import('../node/london/build');
      await dialog.showMessageBox({ type: 'info', title: 'Data sources and licences', message: 'Data sources and licences', detail: LONDON_ATTRIBUTION.join('\n\n') });
    };

    const setMenu = (): void => {
      const template = buildMenuTemplate({
        platform: process.platform,
        appName: APP_NAME,
        recentFiles: settings.get().recentFiles,
        devTools: !app.isPackaged,
        actions: {
          openScenario: () => void openFromMenu(() => handlers.openScenarioFile([], undefined)),
          openRecent: (file) => void openFromMenu(() => handlers.openRecentFile([file], undefined)),
          clearRecent: () => {
            settings.clearRecent();
            grants.changed();
            setMenu();
          },
          showAbout: () => void showAbout(),
          showDataSources: () => void showDataSources(),
          saveScenario: () => send({ type: 'save-scenario', saveAs: false }),
          saveScenarioAs: () => send({ type: 'save-scenario', saveAs: true }),
        },
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    };
    setMenu();

    const createWindow = (): void => {
      mainWindow = new BrowserWindow(mainWindowOptions(preloadFile));
      mainWindow.once('ready-to-show', () => mainWindow?.show());
      // The page holds back closing and reloading while its scenario has unsaved changes (beforeunload): ask.
      const win = mainWindow;
      confirmUnload(win.webContents, () =>
        dialog.showMessageBoxSync(win, {
          type: 'question',
          title: APP_NAME,
          message: 'The scenario has unsaved changes.',
          detail: 'Close anyway and lose them? (They are autosaved: the next start offers to recover them.)',
          buttons: ['Close without saving', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
        }),
      );
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      void mainWindow.loadURL(devServerUrl ?? APP_INDEX_URL);
    };
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  }).catch((error: unknown) => {
    const file = report('start-up failed', errorDetails(error));
    dialog.showErrorBox(`${APP_NAME} could not start`, `${errorDetails(error)}${file ? `\n\nCrash report: ${file}` : ''}`);
    app.exit(1);
  });

  // A second start (e.g. from the desktop) brings this window forward instead.
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => pool?.close());
}
