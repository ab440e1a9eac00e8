/**
 * The secure window (Electron's security checklist, STYLE.md 12): the page runs isolated and
 * sandboxed with no Node, may not open windows, navigate away, attach webviews or ask for
 * permissions. No fallbacks to weaker settings.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { isAllowedExternalUrl } from './external-links';

/** Options of the main window; `preload` is the absolute path of the built preload script. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false, // shown on 'ready-to-show', so no white flash
    title: 'Response Simulator',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The part of `WebContents` the guards use. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { url?: string; preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface GuardOptions {
  /** Whether `url` is one of the app's own pages. */
  readonly isAppUrl: (url: string) => boolean;
  /**
   * Called for a link the page tried to open in a new window that is on the allowlist
   * (./external-links.ts: the data's attribution and licence pages); the app shows it in the
   * user's browser. Every other address is dropped.
   */
  readonly openExternal?: (url: string) => void;
}

/** Denies every new window and blocks navigation away from the app. */
export function guardContents(contents: GuardedContents, options: GuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (options.openExternal && isAllowedExternalUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { url?: string; preventDefault(): void }, url: string): void => {
    if (!options.isAppUrl(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The part of `WebContents` the unload guard uses. */
export interface UnloadContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * The close handler for unsaved changes: the page cancels its unload (`beforeunload`) while its
 * scenario is modified; Electron then emits 'will-prevent-unload' and closes nothing. `ask` shows
 * the question and returns the button chosen: 0 closes (or reloads) anyway, any other keeps the page.
 */
export function confirmUnload(contents: UnloadContents, ask: () => number): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the page's refusal: the window closes and the edits are lost.
    if (ask() === 0) event.preventDefault();
  });
}
