/**
 * The browser build's sim worker: the shared loop (./worker-host.ts) with the real simulator, its
 * data fetched from the site. The script is emitted into `assets/` (vite.web.config.ts), so the
 * site's `data/` folder is `../data/` from here.
 */
import { realSimulator } from '../host/real-simulator';
import { fetchDataProvider } from './data-provider';
import { markedSimulator } from './marked-simulator';
import { mark, marked } from './timeline';
import { prepareSnapshot } from '../sim/snapshot/snapshot';
import { serveWebWorker, type WorkerScope } from './worker-host';
import { fetchWarmSnapshot } from './prebuilt-fetch';
import { sharedFileInbox } from './shared-files';
import { withSegmentFiles } from './segment-fetch';

mark('worker-script');
const scope = self as unknown as WorkerScope & { readonly location: { readonly href: string } };
// The page's one fetch of the road graph, shared by its workers where it may share memory (./shared-files.ts).
const inbox = sharedFileInbox();
const base = new URL('../data/', scope.location.href).href;
// The graph's snapping index comes with it, fetched by the worker while the page fetches the graph (./segment-fetch.ts).
const data = withSegmentFiles(fetchDataProvider(base, undefined, { spaceFiles: __WEB_SPACES__, shared: inbox.get }), base);
// The built-in road graph (51 MB) is fetched (or taken from the page) at once, while the page draws and the first scenario
// comes: the London scenarios need it. A failure is reported by the run that needs it (fetched again).
data.network('london').catch(() => undefined);
// A warmed live session of the London baseline restores the site's warm-up snapshot (./prebuilt.ts),
// checked and parsed as it arrives (mostly while the worker waits for the road graph), not after the world is built.
const warmSnapshot = fetchWarmSnapshot(base);
serveWebWorker(scope, markedSimulator(realSimulator(data)), inbox, (key) =>
  warmSnapshot(key).then((text) => {
    if (text !== null) marked('warm-snapshot-parse', () => prepareSnapshot(text));
    return text;
  }),
);
