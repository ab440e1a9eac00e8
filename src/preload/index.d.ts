/**
 * What the preload adds to the page (the renderer's tsconfig sees this file, never the preload's
 * code). Only the Electron entry of the renderer (src/renderer/main.tsx) reads `window.api`; every
 * other module gets the API injected.
 */
import type { DesktopApi } from '../shared/protocol';

declare global {
  interface Window {
    readonly api: DesktopApi;
  }
}

export {};
