/**
 * The one entry both hosts call: renders the app into `root` with the API it is given and a fresh
 * store. Electron calls it from ./main.tsx with the preload's `window.api`; the browser build from
 * src/web/main.tsx with its Web Worker API.
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { DesktopApi } from '../shared/protocol';
import { ApiProvider } from './api-context';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { preloadPanels } from './lazy-panels';
import { createAppStore, StoreProvider, type AppStore } from './store';
import './styles.css';

export function mountApp(root: HTMLElement, api: DesktopApi, store: AppStore = createAppStore()): Root {
  const reactRoot = createRoot(root);
  reactRoot.render(
    <StrictMode>
      <ErrorBoundary>
        <ApiProvider api={api}>
          <StoreProvider store={store}>
            <App figuresFirst />
          </StoreProvider>
        </ApiProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
  // The panels drawn at once fetch their code anyway; this also fetches the scenario schema (opening a file needs it).
  preloadPanels().catch((error: unknown) => console.warn('a part of the app could not be fetched', error));
  return reactRoot;
}
