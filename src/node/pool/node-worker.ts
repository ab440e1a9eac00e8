/**
 * Node `worker_threads` transport for the sim worker pool (src/host/pool.ts): starting a worker
 * from the pool's side, and wiring the shared loop (src/host/loop.ts) on the worker's side.
 *
 * Cancelling: a run holds the worker's thread, so besides its parentPort each worker gets a second
 * MessagePort on which the pool posts the ids of cancelled calls; the worker reads it synchronously
 * (`receiveMessageOnPort`) whenever the simulator asks whether it is cancelled.
 */
import { MessageChannel, MessagePort, Worker, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { Simulator } from '../../host/simulator';
import { createSimHost } from '../../host/loop';
import type { SpawnWorker } from '../../host/pool';
import { isFromWorker } from '../../shared/worker-schemas';

/** What every sim worker receives as `workerData`. */
export interface SimWorkerData {
  /** the pool posts cancelled call ids here */
  readonly cancelPort: MessagePort;
  /** host-specific settings for the worker entry (e.g. the London data folder) */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface NodeSpawnOptions {
  /**
   * The worker entry: a built `.js`/`.cjs` file (Electron: out/main/sim-worker.js) or a `.ts`
   * source file, which is loaded through tsx (tests, the command line under tsx).
   */
  readonly entry: string;
  /** passed to the entry as `workerData.options` (structured-cloneable) */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly resourceLimits?: import('node:worker_threads').ResourceLimits;
}

/** A `SpawnWorker` that starts `entry` in a worker thread. */
export function nodeSpawn(spawnOptions: NodeSpawnOptions): SpawnWorker {
  return (events) => {
    const { port1, port2 } = new MessageChannel();
    const data: SimWorkerData = { cancelPort: port2, options: spawnOptions.options ?? {} };
    const common = { workerData: data, transferList: [port2], ...(spawnOptions.resourceLimits ? { resourceLimits: spawnOptions.resourceLimits } : {}) };
    const worker = spawnOptions.entry.endsWith('.ts')
      ? new Worker(tsBootstrap(spawnOptions.entry), { ...common, eval: true })
      : new Worker(spawnOptions.entry, common);
    let ended = false;
    const end = (reason: string | null): void => {
      if (ended) return;
      ended = true;
      port1.close();
      if (reason !== null) events.crash(reason);
    };
    worker.on('message', (message: unknown) => {
      if (ended) return;
      if (isFromWorker(message)) events.message(message);
      else end(`sim worker sent a message that is not a FromWorker: ${JSON.stringify(message)?.slice(0, 200)}`);
    });
    // 'error' (an uncaught exception) is followed by 'exit'; the first says more.
    worker.on('error', (error) => end(`sim worker threw: ${error instanceof Error ? error.message : String(error)}`));
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

/** The `options` the pool gave this worker (see `NodeSpawnOptions.options`). */
export function simWorkerOptions(): Readonly<Record<string, unknown>> {
  return (workerData as SimWorkerData | null)?.options ?? {};
}
