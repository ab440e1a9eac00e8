/**
 * A board of cancelled call ids in shared memory (a `SharedArrayBuffer`): the pool's side writes,
 * the worker reads synchronously while a run holds its thread, at the run's cancel checks (every
 * few thousand events). The browser's counterpart of the second MessagePort that Node workers poll
 * (src/node/pool/node-worker.ts): a cancelled run stops within milliseconds and its worker, with the
 * world it built, stays for the next run instead of being terminated. Pages get shared memory only
 * when cross-origin isolated (scripts/serve-web.mjs sends the headers); elsewhere the pool falls
 * back to a `cancel` message and terminating a worker that does not answer in time.
 *
 * Layout: Int32 cell 0 counts the ids ever written; cells 1..SLOTS hold the latest SLOTS ids, the
 * n-th id in cell 1 + n % SLOTS. One writer (the pool's thread) and one reader (the worker).
 */

/** Ids kept on the board: a worker runs one call at a time, so the latest few are all that matter. */
const SLOTS = 16;

/** The message that hands a worker its board (before any call). */
export const CANCEL_BOARD = 'cancel-board';

export interface CancelBoardMessage {
  readonly type: typeof CANCEL_BOARD;
  readonly buffer: SharedArrayBuffer;
}

export function isCancelBoardMessage(message: unknown): message is CancelBoardMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; buffer?: unknown };
  return m.type === CANCEL_BOARD && typeof SharedArrayBuffer === 'function' && m.buffer instanceof SharedArrayBuffer && m.buffer.byteLength === (SLOTS + 1) * 4;
}

/** Whether this context can share memory with its workers (a cross-origin isolated page, or Node). */
export function canShareMemory(scope: { readonly crossOriginIsolated?: boolean } = globalThis as { crossOriginIsolated?: boolean }): boolean {
  return scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
}

/** The writing side: a new board, and `post(id)` to put a cancelled call's id on it. */
export function createCancelBoard(): { readonly message: CancelBoardMessage; post(id: number): void } {
  const buffer = new SharedArrayBuffer((SLOTS + 1) * 4);
  const cells = new Int32Array(buffer);
  return {
    message: { type: CANCEL_BOARD, buffer },
    post(id) {
      const n = Atomics.load(cells, 0);
      Atomics.store(cells, 1 + (n % SLOTS), id);
      Atomics.store(cells, 0, n + 1);
    },
  };
}

/** The reading side: a function giving the ids written since its last call (the latest SLOTS at most). */
export function readCancelBoard(buffer: SharedArrayBuffer): () => number[] {
  const cells = new Int32Array(buffer);
  let seen = 0;
  return () => {
    const n = Atomics.load(cells, 0);
    if (n === seen) return [];
    const ids: number[] = [];
    for (let k = Math.max(seen, n - SLOTS); k < n; k++) ids.push(Atomics.load(cells, 1 + (k % SLOTS)));
    seen = n;
    return ids;
  };
}
