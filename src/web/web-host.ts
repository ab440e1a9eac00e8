/**
 * The browser build's host side, as one chunk fetched by the entry (./main.ts) while the page draws:
 * the `DesktopApi` on Web Workers (./web-api.ts) with the page's files, storage and data folder.
 */
import { fetchMapLayers } from './map-layers';
import { downloadText, fileSystemAccessOf } from './browser-files';
import { pickFileWithInput } from './pick-file';
import { createWebApi } from './web-api';
import { printReportInPage } from './report-export';
import { fetchPrebuilt } from './prebuilt-fetch';
import { PREBUILT_FILE, PREBUILT_LIVE_FILE } from './prebuilt';
import type { SharedFetches } from './shared-fetch';

/** Whether index.html preloads this file of data/ (scripts/copy-web-data.ts adds the links for the files it made). */
const preloaded = (file: string): boolean => document.querySelector(`link[rel="preload"][href$="/${file}"]`) !== null;

/**
 * @param firstWorker a sim worker started already (./main.ts), taken as the pool's first
 * @param sharedFiles the page's fetches of the data files its workers share (./main.ts starts them)
 * @param firstDataFetched told once the page's first figures (prebuilt) are fetched, or at once where the site has none
 */
export function createPageApi(firstWorker?: Worker, sharedFiles?: SharedFetches | null, firstDataFetched: () => void = () => {}): ReturnType<typeof createWebApi> {
  let started: Worker | undefined = firstWorker;
  const base = new URL('data/', document.baseURI).href;
  // Only where the build made them: it then preloads them from index.html (scripts/copy-web-data.ts).
  const prebuilt = preloaded(PREBUILT_FILE) ? fetchPrebuilt(base, preloaded(PREBUILT_LIVE_FILE)) : null;
  if (prebuilt) void prebuilt.ready.then(firstDataFetched, firstDataFetched);
  else firstDataFetched();
  return createWebApi({
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
    sharedFiles: sharedFiles ?? null,
    ...(prebuilt ? { prebuilt } : {}),
  });
}
