/**
 * The browser build's host side, as one chunk fetched by the entry (./main.ts) while the page draws:
 * the `DesktopApi` on Web Workers (./web-api.ts) with the page's files, storage and data folder.
 */
import { fetchMapLayers } from './map-layers';
import { downloadText } from './browser-files';
import { fileSystemAccessOf, pickFileWithInput } from './open-picker';
import { createWebApi, type WebApi } from './web-api';
import { printReportInPage } from './report-export';
import type { PageEarly } from './page-early';

/**
 * @param firstWorker a sim worker started already (./main.ts), taken as the pool's first
 * @param early the page's first data (./page-early.ts: the prebuilt figures, the shared files' fetches), null when its chunk failed
 */
export function createPageApi(firstWorker?: Worker, early?: PageEarly | null): WebApi {
  let started: Worker | undefined = firstWorker;
  const base = new URL('data/', document.baseURI).href;
  const prebuilt = early?.prebuilt ?? null;
  const api = createWebApi({
    createWorker: () => {
      const worker = started ?? new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim-worker' });
      started = undefined;
      return worker;
    },
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
    mapLayers: fetchMapLayers(base),
    sharedFiles: early?.sharedFiles ?? null,
    ...(prebuilt ? { prebuilt } : {}),
  });
  // The runs the early chunk answered (the first figures): the host checks them, and so warms its first worker.
  early?.onUsed((scenario) => api.prebuiltUsed(scenario));
  return api;
}
