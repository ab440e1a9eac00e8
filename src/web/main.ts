/**
 * Browser entry: the same renderer as the desktop app, given the Web Worker implementation of the
 * API instead of the preload's. The host side (./web-host.ts) is a chunk of its own, fetched at once
 * while the page draws; calls made before it arrives wait for it (./deferred-api.ts). The first sim
 * worker starts here, before the page draws, so that it fetches the road graph and builds its world
 * meanwhile (issue 14 aim 4); the host side takes it as its pool's first worker. Where the page may
 * share memory it fetches the road graph here, once for all its workers (./shared-fetch.ts).
 */
import { mountApp } from '../renderer/mount';
import { deferredApi } from './deferred-api';
import { mark } from './timeline';
import { fetchSharedFiles } from './shared-fetch';

mark('page-script');
// The shared files wait for the page's first data (its host chunk and prebuilt figures, fetched or
// failed: createPageApi says when; without the host chunk there is no page to serve).
let firstDataFetched!: () => void;
const firstData = new Promise<void>((resolve) => (firstDataFetched = resolve));
const sharedFiles = fetchSharedFiles(new URL('data/', document.baseURI).href, undefined, undefined, undefined, firstData);
const firstWorker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim-worker' });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

mountApp(
  root,
  deferredApi(
    import('./web-host').then(({ createPageApi }) => {
      mark('page-host-chunk');
      return createPageApi(firstWorker, sharedFiles, firstDataFetched);
    }),
  ),
);
