/**
 * Entry of a Node sim worker (a `worker_threads` thread of the pool in src/node/pool): the shared
 * loop with the real simulator and the Node data provider (built-in London sets from the cache,
 * built on first use). Built by electron-vite as out/main/sim-worker.js, and by scripts/node-bundle.mjs
 * as out/node/src/node/sim-worker.js for the command line and the benchmarks; loaded from source
 * through tsx by the tests.
 *
 * workerData.options: `{ dataDir?: string | null }`, the data folder chosen in the app's settings
 * (src/node/data/paths.ts decides between it, $RESPONSE_SIM_DATA and ../shared/data). When the
 * host passes granted files (the desktop app), scenarios may name only built-in sets and those
 * files (src/node/data/granted.ts). Cache files the pool shares (src/node/pool/shared-files.ts) are
 * read through it.
 */
import { realSimulator } from '../host/real-simulator';
import { grantedOnlyProvider } from './data/granted';
import { nodeDataProvider } from './data/provider';
import { grantedFiles, serveSimWorker, simWorkerFiles, simWorkerOptions } from './pool/node-worker';

const { dataDir } = simWorkerOptions();
if (dataDir !== undefined && dataDir !== null && typeof dataDir !== 'string') {
  throw new Error(`sim worker: workerData.options.dataDir must be a folder path or null, got ${JSON.stringify(dataDir)}`);
}
const shared = simWorkerFiles();
const data = nodeDataProvider({ settings: dataDir ?? null, ...(shared ? { readShared: shared } : {}) });
const isGranted = grantedFiles();
serveSimWorker(realSimulator(isGranted ? grantedOnlyProvider(data, isGranted) : data));
