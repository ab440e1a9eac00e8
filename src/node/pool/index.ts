/**
 * The pool of sim workers for Node hosts (Electron main, command line): batch replications spread
 * over the cores, one dedicated worker per live session (`pool.dedicated()`), cancel, and recovery
 * from a crashed worker (see src/host/pool.ts for the rules).
 */
import { availableParallelism } from 'node:os';
import { SimWorkerPool, type Timers } from '../../host/pool';
import { cacheDir } from '../data/paths';
import { nodeSpawn, type NodeSpawnOptions } from './node-worker';
import { SharedFiles } from './shared-files';

export { SimWorkerPool } from '../../host/pool';
export { runBatch } from '../../host/replications';
export { SIM_WORKER_LIMITS, grantedFiles, nodeSpawn, serveSimWorker, simWorkerFiles, simWorkerOptions, type GrantFeed, type NodeSpawnOptions, type SimWorkerData } from './node-worker';
export { SharedFiles, type SharedFileReader } from './shared-files';

export interface NodePoolOptions extends NodeSpawnOptions {
  /** workers for batch work; default: one per core (`os.availableParallelism()`) */
  readonly size?: number;
  /** milliseconds a cancelled run may take to stop before its worker is terminated (default 3000) */
  readonly hardCancelMs?: number;
  /**
   * Whether the workers share the cache's files (road graphs, space files: read once by this
   * thread, see ./shared-files.ts) instead of each reading its own copies; default true.
   */
  readonly shareCacheFiles?: boolean;
}

export const nodeTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export function createNodeSimPool(options: NodePoolOptions): SimWorkerPool {
  return new SimWorkerPool({
    size: options.size ?? Math.max(1, availableParallelism()),
    spawn: nodeSpawn(options.sharedFiles || options.shareCacheFiles === false ? options : { ...options, ...cacheFiles() }),
    timers: nodeTimers,
    ...(options.hardCancelMs === undefined ? {} : { hardCancelMs: options.hardCancelMs }),
  });
}

/** The cache's files shared, or nothing when there is no cache folder to name (each worker then reads its own). */
function cacheFiles(): { sharedFiles?: SharedFiles } {
  try {
    return { sharedFiles: new SharedFiles([cacheDir()]) };
  } catch {
    return {};
  }
}
