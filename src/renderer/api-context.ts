/**
 * How components reach the host: the `DesktopApi` is injected at mount (Electron: the preload's
 * `window.api`; browser: src/web's Web Worker implementation) and read with `useApi()`. No module
 * of the renderer imports an implementation.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { DesktopApi } from '../shared/protocol';

const ApiContext = createContext<DesktopApi | null>(null);

export function ApiProvider({ api, children }: { api: DesktopApi; children: ReactNode }) {
  return createElement(ApiContext.Provider, { value: api }, children);
}

export function useApi(): DesktopApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no <ApiProvider> above this component');
  return api;
}
