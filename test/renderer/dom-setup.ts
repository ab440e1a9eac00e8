/**
 * What jsdom lacks for rendering the whole app (import first in a component test): matchMedia
 * (uPlot asks for it when loaded) and a canvas 2D context (jsdom has none and says so on the
 * console; the app then draws no charts and the live layer draws nothing, as intended).
 */
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

export {};
