/**
 * Entry of a Node sim worker (a `worker_threads` thread of the pool in src/node/pool): the shared
 * loop with the real simulator. Built by electron-vite as out/main/sim-worker.js; loaded from source
 * through tsx by the tests and the command line.
 *
 * workerData.options: `{ dataDir?: string | null }`, the data folder from the app's settings.
 */
import { createSimEngine } from '../host/sim-engine';
import { noBuiltInData } from '../world';
import { serveSimWorker } from './pool/node-worker';

// Built-in data sets (London areas, points, roads) come with the Node data provider of the data
// step; until it is wired here, scenarios with inline areas and points run and built-in sets are
// refused with a message naming the set.
serveSimWorker(createSimEngine(noBuiltInData));
