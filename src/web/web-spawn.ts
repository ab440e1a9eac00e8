/**
 * Web Worker transport for the sim worker pool (src/host/pool.ts). A run holds its worker's thread,
 * so a `cancel` message is seen only between runs and while data loads. Where the page may share
 * memory (cross-origin isolated: scripts/serve-web.mjs), each worker also gets a cancel board
 * (src/host/cancel-board.ts) that the run reads at its cancel checks: it stops within milliseconds
 * and the worker keeps its world. Elsewhere the pool terminates a worker that does not stop in time.
 */
import { createCancelBoard } from '../host/cancel-board';
import type { SpawnWorker } from '../host/pool';
import { isFromWorker } from '../shared/worker-schemas';
import { mark } from './timeline';

/** The part of `Worker` used here (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/**
 * `sharedCancel`: give each worker a cancel board (needs `SharedArrayBuffer`: see `canShareMemory`);
 * `shareFiles`: called with each worker started, to give it the page's shared data files (./shared-files.ts).
 */
export function webSpawn(createWorker: () => WorkerLike, options: { readonly sharedCancel?: boolean; readonly shareFiles?: (worker: WorkerLike) => void } = {}): SpawnWorker {
  return (events) => {
    const worker = createWorker();
    const board = options.sharedCancel ? createCancelBoard() : null;
    if (board) worker.postMessage(board.message);
    options.shareFiles?.(worker);
    let ended = false;
    const crash = (reason: string): void => {
      if (ended) return;
      ended = true;
      events.crash(reason);
    };
    worker.onmessage = (event) => {
      if (ended) return;
      const message: unknown = event.data;
      if (isFromWorker(message)) {
        if (message.type === 'reply' && message.call === 'liveOpen') mark('page-live-open-reply');
        events.message(message);
      }
      else crash(`sim worker sent a message that is not a FromWorker: ${JSON.stringify(message)?.slice(0, 200)}`);
    };
    worker.onerror = (event) => {
      event.preventDefault(); // reported here, as a crash of this worker; not also on the console as uncaught
      crash(`sim worker error: ${event.message || 'the worker script failed to load or threw'}`);
    };
    worker.onmessageerror = () => crash('sim worker sent a message that could not be read');
    return {
      post: (message) => worker.postMessage(message),
      // The board for a run in progress; the message too, for a call still loading its data.
      ...(board
        ? {
            signalCancel: (id: number) => {
              board.post(id);
              worker.postMessage({ type: 'cancel', id });
            },
          }
        : {}),
      terminate: () => {
        ended = true;
        worker.terminate();
      },
    };
  };
}
