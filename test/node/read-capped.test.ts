/** Reading a file the user named: regular files only, and never past the cap whatever the size reported. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError, readCappedText } from '../../src/node/files/read-capped';

const reason = (f: () => unknown) => {
  try {
    f();
    return 'read';
  } catch (error) {
    expect(error).toBeInstanceOf(FileReadError);
    return `${(error as FileReadError).reason}: ${(error as FileReadError).detail}`;
  }
};

describe('readCappedText', () => {
  it('reads a regular file under the cap', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-capped-'));
    writeFileSync(path.join(dir, 'a.json'), '{}');
    expect(readCappedText(path.join(dir, 'a.json'), 10)).toBe('{}');
    expect(reason(() => readCappedText(path.join(dir, 'a.json'), 1))).toMatch(/^too-big: /);
    expect(reason(() => readCappedText(path.join(dir, 'none.json'), 10))).toBe('missing: no such file');
    expect(reason(() => readCappedText(dir, 10))).toBe('not-a-file: is a folder, not a file');
  });

  it('refuses devices and named pipes without opening them (no hang), and caps files that report size 0', () => {
    expect(reason(() => readCappedText('/dev/zero', 1024))).toBe('not-a-file: is a device, not a file');
    expect(reason(() => readCappedText('/dev/urandom', 1024))).toBe('not-a-file: is a device, not a file');
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'sim-capped-')), 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(reason(() => readCappedText(fifo, 1024))).toBe('not-a-file: is a named pipe, not a file');
    // /proc files report 0 bytes; the cap still holds while reading.
    expect(reason(() => readCappedText('/proc/self/status', 16))).toMatch(/^too-big: is over 0 MB/);
  });
});
