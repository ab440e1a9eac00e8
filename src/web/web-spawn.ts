/**
 * Web Worker transport for the sim worker pool (src/host/pool.ts). A Web Worker cannot be asked
 * synchronously whether a run was cancelled, so cancel is a `cancel` message (seen between runs and
 * while data loads) and the pool terminates a worker that does not stop in time.
 */
import type { SpawnWorker } from '../host/pool';
import { isFromWorker } from '../shared/worker-schemas';

/** The part of `Worker` used here (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export function webSpawn(createWorker: () => WorkerLike): SpawnWorker {
  return (events) => {
    const worker = createWorker();
    let ended = false;
    const crash = (reason: string): void => {
      if (ended) return;
      ended = true;
      events.crash(reason);
    };
    worker.onmessage = (event) => {
      if (ended) return;
      const message: unknown = event.data;
      if (isFromWorker(message)) events.message(message);
      else crash(`sim worker sent a message that is not a FromWorker: ${JSON.stringify(message)?.slice(0, 200)}`);
    };
    worker.onerror = (event) => {
      event.preventDefault(); // reported here, as a crash of this worker; not also on the console as uncaught
      crash(`sim worker error: ${event.message || 'the worker script failed to load or threw'}`);
    };
    worker.onmessageerror = () => crash('sim worker sent a message that could not be read');
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => {
        ended = true;
        worker.terminate();
      },
    };
  };
}
