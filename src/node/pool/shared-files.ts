/**
 * Cache files read once for all the sim workers of a process (issue 14, aim 5): the road graph
 * (53 MB for London, its hierarchy inside) and the search-space file beside it (20 MB) are read by
 * the pool's thread into SharedArrayBuffers, and every worker decodes the same bytes (typed-array
 * views, no copy). Before, each worker read and held its own copies: on two workers, twice the
 * reading and twice the memory the two cores' caches share.
 *
 * The pool's side (`SharedFiles`) gives each worker a MessagePort on which the worker asks for a
 * file by path; it serves only regular files under its folders (the cache: a worker may read
 * nothing through it that it could not read itself) and reads a file again when its size,
 * modification time or inode changed (cache files are replaced by rename). The worker's side
 * (`sharedFileReader`) answers undefined when the pool could not serve a file: the caller reads it
 * itself, as before. The bytes are never written to: graphs, hierarchies and space files are read only.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

/** A worker's request: the file's absolute path. */
interface SharedFileRequest {
  readonly id: number;
  readonly file: string;
}

/** The pool's reply: the bytes (shared, not copied) or why it did not serve the file. */
type SharedFileReply = { readonly id: number; readonly bytes: SharedArrayBuffer } | { readonly id: number; readonly error: string };

/** Reads a file the pool serves; undefined when it did not (the caller reads the file itself). */
export type SharedFileReader = (file: string) => Promise<Uint8Array | undefined>;

interface Held {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly bytes: Promise<SharedArrayBuffer>;
}

/** Largest file served (the graph file limit of the scenario checks is 1 GB). */
const MAX_BYTES = 1 << 30;

export class SharedFiles {
  private readonly held = new Map<string, Held>();
  private readonly roots: readonly string[];

  /** Serves regular files under `roots` (folders). */
  constructor(roots: readonly string[]) {
    this.roots = roots.map((root) => path.resolve(root));
  }

  /** A port for one worker (`port`: transfer it to the worker), and `close` for when the worker ends. */
  connect(): { port: MessagePort; close: () => void } {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: SharedFileRequest) => {
      void this.read(message.file).then(
        (bytes): void => port1.postMessage({ id: message.id, bytes } satisfies SharedFileReply),
        (error: unknown): void => port1.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies SharedFileReply),
      );
    });
    // The pool's thread may exit while a worker holds the other end.
    port1.unref();
    return { port: port2, close: () => port1.close() };
  }

  /** The bytes of `file`, read now or kept from an earlier read of the same version. */
  async read(file: string): Promise<SharedArrayBuffer> {
    const abs = path.resolve(file);
    if (!this.roots.some((root) => abs.startsWith(root + path.sep))) throw new Error(`${abs} is not under the shared folders`);
    const info = await stat(abs);
    if (!info.isFile()) throw new Error(`${abs} is not a regular file`);
    if (info.size > MAX_BYTES) throw new Error(`${abs} is larger than ${MAX_BYTES} bytes`);
    const kept = this.held.get(abs);
    if (kept && kept.size === info.size && kept.mtimeMs === info.mtimeMs && kept.ino === info.ino) return kept.bytes;
    const bytes = readShared(abs, info.size);
    const entry: Held = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, bytes };
    this.held.set(abs, entry);
    bytes.catch(() => {
      if (this.held.get(abs) === entry) this.held.delete(abs);
    });
    return bytes;
  }
}

/** The whole of `file` (`size` bytes when stated) in a SharedArrayBuffer; fails if it changed size meanwhile. */
async function readShared(file: string, size: number): Promise<SharedArrayBuffer> {
  const buffer = new SharedArrayBuffer(size);
  const view = new Uint8Array(buffer);
  const handle = await open(file, 'r');
  try {
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(view, done, size - done, done);
      if (bytesRead === 0) throw new Error(`${file} ended after ${done} of ${size} bytes`);
      done += bytesRead;
    }
    const { size: now } = await handle.stat();
    if (now !== size) throw new Error(`${file} changed while read`);
  } finally {
    await handle.close();
  }
  return buffer;
}

/** The worker's side: reads files through `port` (the `port` of a `SharedFiles.connect()`); undefined when not served. */
export function sharedFileReader(port: MessagePort): SharedFileReader {
  const waiting = new Map<number, (bytes: Uint8Array | undefined) => void>();
  let nextId = 0;
  port.on('message', (reply: SharedFileReply) => {
    const resolve = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) port.unref();
    resolve?.('bytes' in reply ? new Uint8Array(reply.bytes) : undefined);
  });
  port.unref();
  return (file) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      port.ref();
      port.postMessage({ id, file: path.resolve(file) } satisfies SharedFileRequest);
    });
}
