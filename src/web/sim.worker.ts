/**
 * The browser build's sim worker: the shared loop (src/host/loop.ts) with the real simulator, its
 * data fetched from the site. The script is emitted into `assets/` (vite.web.config.ts), so the
 * site's `data/` folder is `../data/` from here.
 */
import { createSimHost } from '../host/loop';
import { realSimulator } from '../host/real-simulator';
import type { FromWorker } from '../shared/protocol';
import { fetchDataProvider } from './data-provider';

/** The part of the worker's global scope used here (the renderer's tsconfig has DOM types, not WebWorker). */
interface WorkerScope {
  readonly location: { readonly href: string };
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

const scope = self as unknown as WorkerScope;
const data = fetchDataProvider(new URL('../data/', scope.location.href).href);
// The built-in road graph (51 MB) is fetched at once, while the page draws and the first scenario
// comes: the London scenarios need it. A failure is reported by the run that needs it (fetched again).
data.network('london').catch(() => undefined);
const host = createSimHost({
  simulator: realSimulator(data),
  post: (message) => scope.postMessage(message),
});
scope.onmessage = (event) => void host.receive(event.data);
