/** The whole app rendered in jsdom against a given API, with a fresh store it returns. */
import { render } from '@testing-library/react';
import { ApiProvider } from '../../src/renderer/api-context';
import { App } from '../../src/renderer/App';
import { createAppStore, StoreProvider } from '../../src/renderer/store';
import type { DesktopApi } from '../../src/shared/protocol';
import { preloadPanels } from '../../src/renderer/lazy-panels';

// The lazily fetched panels render at once (without their placeholders) once their code is here.
await preloadPanels();

export function renderApp(api: DesktopApi) {
  const store = createAppStore();
  render(
    <ApiProvider api={api}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ApiProvider>,
  );
  return store;
}
