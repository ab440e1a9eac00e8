/**
 * The one way the app and the command line write a file: into a temporary file beside the target,
 * flushed to disk, then renamed over the target, and the folder flushed so the rename itself
 * survives a power cut. A reader therefore sees the old file or the new one, never half of either,
 * and a crash midway leaves at most a stray `.<name>.<pid>.<n>.tmp` beside it (removed on failure
 * when the process is still alive to do so).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** The temporary file's name for `target`: hidden, in the same folder (so the rename stays on one file system). */
function tempFor(target: string): string {
  counter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter}.tmp`);
}

/** Flushes a folder's entry table; some platforms (Windows) cannot open a folder, which is not an error there. */
function syncFolderSync(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Opening or syncing a directory is refused on Windows; the rename is already as durable as that platform makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `data` to `target` atomically (see the file comment). `mode` as for fs.writeFile (default 0o666 before umask).
 * Throws the underlying error (ENOENT for a missing folder, EACCES, ENOSPC, ...) after removing the temporary file.
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, mode?: number): void {
  writeFileAtomicStreamSync(target, (write) => write(data), mode);
}

/**
 * As writeFileAtomicSync for content too big to hold as one string (a year's incidents.csv):
 * `produce` calls `write` with each piece in order. If `produce` throws, the target is untouched,
 * the temporary file removed and the error rethrown.
 */
export function writeFileAtomicStreamSync(target: string, produce: (write: (chunk: string | Uint8Array) => void) => void, mode?: number): void {
  const temp = tempFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    const out = fd;
    produce((chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(out, bytes, written, bytes.byteLength - written);
    });
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolderSync(path.dirname(target));
}

/** The asynchronous form of writeFileAtomicSync, for the Electron main process (never blocks the window). */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const temp = tempFor(target);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  try {
    const folder = await open(path.dirname(target), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // As in writeFileAtomicSync: a folder cannot be flushed on every platform.
  }
}
