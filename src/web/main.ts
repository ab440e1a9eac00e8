/**
 * Browser entry: the same renderer as the desktop app, given the Web Worker implementation of the
 * API instead of the preload's. The host side (./web-host.ts) is a chunk of its own, fetched at once
 * while the page draws; calls made before it arrives wait for it (./deferred-api.ts).
 */
import { mountApp } from '../renderer/mount';
import { deferredApi } from './deferred-api';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first sim worker starts with the page (its script, then the road graph it fetches at once),
// not after the host's chunk: the first figures wait for it (issue 14 aim 4).
const first = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim-worker' });
mountApp(root, deferredApi(import('./web-host').then(({ createPageApi }) => createPageApi(first))));
