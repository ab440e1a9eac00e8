/**
 * The browser build's sim worker: the shared loop (./worker-host.ts) with the real simulator, its
 * data fetched from the site. The script is emitted into `assets/` (vite.web.config.ts), so the
 * site's `data/` folder is `../data/` from here.
 */
import { realSimulator } from '../host/real-simulator';
import { fetchDataProvider } from './data-provider';
import { markedSimulator } from './marked-simulator';
import { mark } from './timeline';
import { serveWebWorker, type WorkerScope } from './worker-host';
import { fetchWarmSnapshot } from './prebuilt-fetch';

mark('worker-script');
const scope = self as unknown as WorkerScope & { readonly location: { readonly href: string } };
const data = fetchDataProvider(new URL('../data/', scope.location.href).href, undefined, { spaceFiles: __WEB_SPACES__ });
// The built-in road graph (51 MB) is fetched at once, while the page draws and the first scenario
// comes: the London scenarios need it. A failure is reported by the run that needs it (fetched again).
data.network('london').catch(() => undefined);
// A warmed live session of the London baseline restores the site's warm-up snapshot (./prebuilt.ts).
serveWebWorker(scope, markedSimulator(realSimulator(data)), fetchWarmSnapshot(new URL('../data/', scope.location.href).href));
