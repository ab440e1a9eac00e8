/**
 * Browser entry: the same renderer as the desktop app, given the Web Worker implementation of the
 * API instead of the preload's. The host side (./web-host.ts) is a chunk of its own, fetched at once
 * while the page draws; calls made before it arrives wait for it (./deferred-api.ts).
 */
import { mountApp } from '../renderer/mount';
import { deferredApi } from './deferred-api';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

mountApp(root, deferredApi(import('./web-host').then(({ createPageApi }) => createPageApi())));
