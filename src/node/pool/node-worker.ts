/**
 * Node `worker_threads` transport for the sim worker pool (src/host/pool.ts): starting a worker
 * from the pool's side, and wiring the shared loop (src/host/loop.ts) on the worker's side.
 *
 * Cancelling: a run holds the worker's thread, so besides its parentPort each worker gets a second
 * MessagePort on which the pool posts the ids of cancelled calls; the worker reads it synchronously
 * (`receiveMessageOnPort`) whenever the simulator asks whether it is cancelled.
 *
 * Granted files (the desktop app only, `NodeSpawnOptions.grants`): a third port carries the list of
 * files the user granted, posted whole on every change; the worker reads the latest list
 * synchronously when a scenario names a file (`grantedFiles`). A grant made before a call is sent
 * is in the port's queue before the call arrives, so it is always seen.
 */
import { MessageChannel, MessagePort, Worker, parentPort, receiveMessageOnPort, workerData, type ResourceLimits } from 'node:worker_threads';
import type { Simulator } from '../../host/simulator';
import { createSimHost } from '../../host/loop';
import type { SpawnWorker } from '../../host/pool';
import { isFromWorker } from '../../shared/worker-schemas';
import { workerEntry } from './entry';
import { sharedFileReader, type SharedFileReader, type SharedFiles } from './shared-files';

/** What every sim worker receives as `workerData`. */
export interface SimWorkerData {
  /** the pool posts cancelled call ids here */
  readonly cancelPort: MessagePort;
  /** host-specific settings for the worker entry (e.g. the London data folder) */
  readonly options: Readonly<Record<string, unknown>>;
  /** present when the host limits file sources to granted files: each message is the whole list */
  readonly grantPort?: MessagePort;
  /** present when the pool shares cache files between its workers (./shared-files.ts) */
  readonly filePort?: MessagePort;
}

/** The files a host has granted, and news of changes (src/main/grants.ts). */
export interface GrantFeed {
  current(): readonly string[];
  /** `listener` gets the whole list after each change; returns a function that stops listening. */
  subscribe(listener: (files: readonly string[]) => void): () => void;
}

export interface NodeSpawnOptions {
  /**
   * The worker entry: a built `.js`/`.cjs` file (Electron: out/main/sim-worker.js) or a `.ts`
   * source file, which is loaded through tsx (tests) or, from the Node bundle (the command line,
   * the benchmarks), replaced by its bundled twin in out/node (./entry.ts).
   */
  readonly entry: string;
  /** passed to the entry as `workerData.options` (structured-cloneable) */
  readonly options?: Readonly<Record<string, unknown>>;
  /**
   * Memory limits of each worker thread (default `SIM_WORKER_LIMITS`). A worker that exceeds them
   * is stopped by Node and reported as a crash of its call only (the pool starts a fresh one).
   */
  readonly resourceLimits?: ResourceLimits;
  /**
   * When set, workers may read only these files for a scenario's data sources (the desktop app:
   * scenarios come from the page). Without it, any path is read (the command line).
   */
  readonly grants?: GrantFeed;
  /**
   * Cache files (road graphs, space files) the pool reads once for all its workers
   * (./shared-files.ts). Without it, each worker reads its own copies.
   */
  readonly sharedFiles?: SharedFiles;
}

/**
 * Default memory limits of a sim worker, MB. A London year with its incident log (`run london
 * --days 365 --out DIR`: about 5 million calls on roads) runs within 1.5 GB of old space (checked
 * 2026-12-06: the whole process peaked at 2.35 GB resident); a runaway scenario is stopped there
 * instead of taking the machine's memory.
 */
export const SIM_WORKER_LIMITS: Readonly<ResourceLimits> = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 64 };

/** A `SpawnWorker` that starts `entry` in a worker thread. */
export function nodeSpawn(spawnOptions: NodeSpawnOptions): SpawnWorker {
  return (events) => {
    const { port1, port2 } = new MessageChannel();
    const grants = spawnOptions.grants ? new MessageChannel() : null;
    const files = spawnOptions.sharedFiles?.connect();
    const data: SimWorkerData = { cancelPort: port2, options: spawnOptions.options ?? {}, ...(grants ? { grantPort: grants.port2 } : {}), ...(files ? { filePort: files.port } : {}) };
    let stopGrants = (): void => {};
    if (grants && spawnOptions.grants) {
      grants.port1.postMessage(spawnOptions.grants.current());
      stopGrants = spawnOptions.grants.subscribe((files) => grants.port1.postMessage(files));
    }
    const limits = spawnOptions.resourceLimits ?? SIM_WORKER_LIMITS;
    const transferList = [port2, ...(grants ? [grants.port2] : []), ...(files ? [files.port] : [])];
    const common = { workerData: data, transferList, resourceLimits: limits };
    const entry = workerEntry(spawnOptions.entry);
    const worker = entry.tsx ? new Worker(tsBootstrap(entry.file), { ...common, eval: true }) : new Worker(entry.file, common);
    let ended = false;
    const end = (reason: string | null): void => {
      if (ended) return;
      ended = true;
      port1.close();
      files?.close();
      stopGrants();
      grants?.port1.close();
      if (reason !== null) events.crash(reason);
    };
    worker.on('message', (message: unknown) => {
      if (ended) return;
      if (isFromWorker(message)) events.message(message);
      else end(`sim worker sent a message that is not a FromWorker: ${JSON.stringify(message)?.slice(0, 200)}`);
    });
    // 'error' (an uncaught exception) is followed by 'exit'; the first says more.
    worker.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const mb = limits.maxOldGenerationSizeMb;
        end(`sim worker ran out of memory${mb === undefined ? '' : ` (its limit is ${mb} MB)`} and was stopped; only this call failed, a fresh worker takes the next`);
      } else {
        end(`sim worker threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    worker.on('messageerror', (error) => end(`sim worker sent a message that could not be read: ${error.message}`));
    worker.on('exit', (code) => end(`sim worker exited with code ${code}`));
    return {
      post: (message) => worker.postMessage(message),
      signalCancel: (id) => port1.postMessage(id),
      terminate: () => {
        end(null);
        void worker.terminate();
      },
    };
  };
}

/** Code for an `eval` worker that registers tsx's CommonJS hook, then loads the TypeScript entry. */
function tsBootstrap(entry: string): string {
  const tsx = require.resolve('tsx/cjs');
  return `require(${JSON.stringify(tsx)});\nrequire(${JSON.stringify(entry)});\n`;
}

/**
 * Worker side: runs the shared loop on this thread's parentPort with `simulator`. Call once from a
 * worker entry (src/node/sim-worker.ts).
 */
export function serveSimWorker<Scenario, World, Spec>(simulator: Simulator<Scenario, World, Spec>): void {
  if (!parentPort) throw new Error('serveSimWorker() must run inside a worker thread');
  const port = parentPort;
  const { cancelPort } = workerData as SimWorkerData;
  const host = createSimHost({
    simulator,
    post: (message) => port.postMessage(message),
    pollCancelled: () => {
      const ids: number[] = [];
      for (let m = receiveMessageOnPort(cancelPort); m !== undefined; m = receiveMessageOnPort(cancelPort)) {
        ids.push(m.message as number);
      }
      return ids;
    },
  });
  port.on('message', (message: unknown) => void host.receive(message));
}

/**
 * Worker side: whether the host limits file sources to granted files and, if so, a check of one
 * absolute path against the latest list the host posted (null: no limit, any path may be read).
 */
export function grantedFiles(): ((file: string) => boolean) | null {
  const port = (workerData as SimWorkerData | null)?.grantPort;
  if (!port) return null;
  let granted = new Set<string>();
  return (file) => {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) granted = new Set(m.message as string[]);
    return granted.has(file);
  };
}

/** The `options` the pool gave this worker (see `NodeSpawnOptions.options`). */
export function simWorkerOptions(): Readonly<Record<string, unknown>> {
  return (workerData as SimWorkerData | null)?.options ?? {};
}

/**
 * Worker side: the reader of the cache files the pool shares between its workers, or null when it
 * shares none (see `NodeSpawnOptions.sharedFiles`).
 */
export function simWorkerFiles(): SharedFileReader | null {
  const port = (workerData as SimWorkerData | null)?.filePort;
  return port ? sharedFileReader(port) : null;
}
