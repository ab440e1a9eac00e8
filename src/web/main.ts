/**
 * Browser entry: the same renderer as the desktop app, given the Web Worker implementation of the
 * API instead of the preload's.
 */
import { mountApp } from '../renderer/mount';
import { fetchMapLayers } from './map-layers';
import { downloadText, fileSystemAccessOf } from './browser-files';
import { pickFileWithInput } from './pick-file';
import { createWebApi } from './web-api';
import { printReportInPage } from './report-export';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const api = createWebApi({
  createWorker: () => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim-worker' }),
  // Leave a core for the page; a few workers are plenty for replications in a browser.
  workers: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)),
  appVersion: __APP_VERSION__,
  storage: window.localStorage,
  pickFile: () => pickFileWithInput(document),
  fileSystemAccess: fileSystemAccessOf(window as unknown as Parameters<typeof fileSystemAccessOf>[0]),
  download: (name, text, type) => downloadText(document, name, text, type),
  printReport: (html) => printReportInPage(document, window, html),
  autosaveStorage: window.localStorage,
  keyboard: window,
  // The site's data/ folder, beside index.html (relative: the site may live in a sub-folder).
  mapLayers: fetchMapLayers(new URL('data/', document.baseURI).href),
});
mountApp(root, api);
