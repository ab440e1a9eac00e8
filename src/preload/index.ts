/**
 * The preload script (sandboxed, context-isolated): exposes the `DesktopApi` to the page as
 * `window.api` and nothing else. The page never sees `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/protocol';
import { createPreloadApi } from './api';

const api: DesktopApi = createPreloadApi(ipcRenderer);
contextBridge.exposeInMainWorld('api', api);
