/**
 * Data files fetched once by the page and shared with its sim workers (./shared-fetch.ts fetches
 * them): the page's side (`shareFiles`: each worker started gets one `shared-file` message per
 * file once its fetch settles: the bytes in shared memory, or null) and the worker's side
 * (`sharedFileInbox`: what the data provider, ./data-provider.ts, asks before fetching a file).
 *
 * The rule both sides follow: in a page that may share memory (`sharesData()`; a dedicated worker
 * has its page's isolation), the page sends every worker it starts a word on every file of
 * `SHARED_DATA_FILES`, and the worker waits for it rather than fetching that file. A null word (the
 * page's fetch failed) or a page that may not share memory: the worker fetches the file itself, as
 * before. Nothing writes to the bytes: a decoded graph and a space file are read only
 * (as in the Node pool: src/node/pool/shared-files.ts).
 */
import { SHARED_DATA_FILES, sharesData, type SharedFetches } from './shared-fetch';

export const SHARED_FILE = 'shared-file';

export interface SharedFileMessage {
  readonly type: typeof SHARED_FILE;
  /** the file's name in `data/` */
  readonly file: string;
  /** its bytes, or null: the page could not fetch it (fetch it yourself) */
  readonly buffer: SharedArrayBuffer | null;
}

export function isSharedFileMessage(message: unknown): message is SharedFileMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; file?: unknown; buffer?: unknown };
  return m.type === SHARED_FILE && typeof m.file === 'string' && (m.buffer === null || (typeof SharedArrayBuffer === 'function' && m.buffer instanceof SharedArrayBuffer));
}


/**
 * Gives `worker` the page's word on each shared file as its fetch settles. A file its fetch did not
 * cover (none started for it) is answered null at once, so a worker never waits for nothing.
 */
export function shareFiles(fetches: SharedFetches, worker: { postMessage(message: unknown): void }, files: readonly string[] = SHARED_DATA_FILES): void {
  for (const file of files) {
    const settle = (buffer: SharedArrayBuffer | null): void => {
      try {
        worker.postMessage({ type: SHARED_FILE, file, buffer } satisfies SharedFileMessage);
      } catch {
        // A worker that cannot take shared memory: tell it to fetch the file itself.
        if (buffer !== null) worker.postMessage({ type: SHARED_FILE, file, buffer: null } satisfies SharedFileMessage);
      }
    };
    void (fetches[file] ?? Promise.resolve(null)).then(settle, () => settle(null));
  }
}

/** The worker's side: the page's word on each shared file. */
export interface SharedFileInbox {
  /** Takes a `shared-file` message. */
  receive(message: SharedFileMessage): void;
  /**
   * The page's bytes of `file` (a data/ file name), once they come; null when the worker is to
   * fetch it itself (the page shares no such file, or sent null).
   */
  get(file: string): Promise<SharedArrayBuffer | null>;
}

/** @param share whether this worker's page shares files (default: whether it may share memory) */
export function sharedFileInbox(share = sharesData(), files: readonly string[] = SHARED_DATA_FILES): SharedFileInbox {
  const words = new Map<string, { promise: Promise<SharedArrayBuffer | null>; resolve: (buffer: SharedArrayBuffer | null) => void }>();
  const word = (file: string) => {
    let entry = words.get(file);
    if (!entry) {
      let resolve!: (buffer: SharedArrayBuffer | null) => void;
      const promise = new Promise<SharedArrayBuffer | null>((r) => (resolve = r));
      entry = { promise, resolve };
      words.set(file, entry);
    }
    return entry;
  };
  return {
    receive: (message) => word(message.file).resolve(message.buffer),
    get: (file) => (share && files.includes(file) ? word(file).promise : Promise.resolve(null)),
  };
}
