/**
 * Browser entry: the same renderer as the desktop app, given the Web Worker implementation of the
 * API instead of the preload's. The host side (./web-host.ts) is a chunk of its own, fetched at once
 * while the page draws; calls made before it arrives wait for it (./deferred-api.ts), but for the
 * runs the site's prebuilt figures answer: a small chunk fetched beside it (./page-early.ts) answers
 * them as soon as the figures are parsed, and starts the fetch of the files the workers share. The
 * first sim worker starts here, before the page draws, so that it fetches the road graph and builds
 * its world meanwhile (issue 14 aim 4); the host side takes it as its pool's first worker. Open
 * scenario's picker starts here too, in the click (./open-picker.ts), whether the host side is there or not.
 */
import { mountApp } from '../renderer/mount';
import { deferredApi } from './deferred-api';
import { fileSystemAccessOf, pickFileWithInput, startOpenPick } from './open-picker';
import { mark } from './timeline';

mark('page-script');
const early = import('./page-early').then((m) => m.pageEarly());
const firstWorker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim-worker' });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

mountApp(
  root,
  deferredApi(
    import('./web-host').then(async ({ createPageApi }) => {
      mark('page-host-chunk');
      return createPageApi(firstWorker, await early.catch(() => null));
    }),
    early,
    () => startOpenPick(fileSystemAccessOf(window as never), () => pickFileWithInput(document)),
  ),
);
