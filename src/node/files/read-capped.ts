/**
 * Reading a file the user named, safely whatever it is: only regular files are read (a device such
 * as /dev/zero, a named pipe or a folder is refused before it is opened, so nothing blocks), and
 * at most `maxBytes` bytes are read whatever size the file system reports (files in /proc report
 * 0 and may grow while read). The failure says why in words, without the file's content, so the
 * caller can put it next to the file and JSON path that named the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** Why a file could not be read; `message` is one clause ("is a device or a pipe, not a file"). */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'missing' | 'not-a-file' | 'too-big' | 'unreadable',
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'FileReadError';
  }
}

const megabytes = (n: number) => `${Math.round(n / 1048576)} MB`;

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'is a folder, not a file';
  if (info.isFIFO()) return 'is a named pipe, not a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a file';
  if (info.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

/**
 * The bytes of `file`, a regular file of at most `maxBytes` bytes. Throws FileReadError.
 * `what` names the kind of file in the size message ("scenario files", "road graph files").
 */
export function readCappedFile(file: string, maxBytes: number, what = 'files'): Buffer {
  let fd: number;
  try {
    // stat first: opening a named pipe for reading would wait for a writer.
    const info = statSync(file);
    if (!info.isFile()) throw new FileReadError(file, 'not-a-file', kindOf(info));
    if (info.size > maxBytes) throw new FileReadError(file, 'too-big', `is ${megabytes(info.size)}; ${what} over ${megabytes(maxBytes)} are refused`);
    // O_NONBLOCK: if the path was swapped for a pipe since the stat, the open does not wait.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw systemError(file, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new FileReadError(file, 'not-a-file', kindOf(info));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new FileReadError(file, 'too-big', `is over ${megabytes(maxBytes)}; ${what} over ${megabytes(maxBytes)} are refused`);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw systemError(file, error);
  } finally {
    closeSync(fd);
  }
}

/** As readCappedFile, decoded as UTF-8. */
export function readCappedText(file: string, maxBytes: number, what = 'files'): string {
  return readCappedFile(file, maxBytes, what).toString('utf8');
}

function systemError(file: string, error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError(file, 'missing', 'no such file');
  if (code === 'EISDIR') return new FileReadError(file, 'not-a-file', 'is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError(file, 'unreadable', 'permission denied');
  if (code === 'EAGAIN') return new FileReadError(file, 'not-a-file', 'is not a regular file');
  return new FileReadError(file, 'unreadable', `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`);
}
