import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicStreamSync, writeFileAtomicSync } from '../../../src/node/files/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
});

describe.each([
  ['writeFileAtomicSync', async (f: string, d: string | Uint8Array) => writeFileAtomicSync(f, d)],
  ['writeFileAtomic', writeFileAtomic],
])('%s', (_name, write) => {
  it('writes a new file and replaces an old one whole, leaving no temporary file', async () => {
    const file = path.join(dir, 'scenario.json');
    await write(file, '{"a":1}\n');
    expect(readFileSync(file, 'utf8'), 'new file').toBe('{"a":1}\n');
    writeFileSync(file, 'x'.repeat(10_000));
    await write(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)], 'replaced, not overwritten in place').toEqual([1, 2, 3]);
    expect(readdirSync(dir), 'only the target is left').toEqual(['scenario.json']);
  });

  it('leaves the old file untouched and no temporary file when the write fails', async () => {
    const file = path.join(dir, 'results.json');
    writeFileSync(file, 'old');
    if (process.getuid?.() === 0) {
      // root ignores folder permissions: a target in a folder that does not exist fails at the first step instead.
      await expect(write(path.join(dir, 'missing-folder', 'results.json'), 'new')).rejects.toThrow(/ENOENT/);
    } else {
      chmodSync(dir, 0o555);
      await expect(write(file, 'new')).rejects.toThrow(/EACCES/);
    }
    expect(readFileSync(file, 'utf8'), 'old content kept').toBe('old');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp')), 'no temporary file left').toEqual([]);
  });

  it('removes its temporary file when the rename fails', async () => {
    const target = path.join(dir, 'out');
    // A target that is a folder with something in it cannot be replaced by a file.
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'x');
    await expect(write(target, 'data')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp')), 'no temporary file left').toEqual([]);
  });
});

describe('writeFileAtomicStreamSync', () => {
  it('writes the pieces in order, atomically', () => {
    const file = path.join(dir, 'incidents.csv');
    writeFileSync(file, 'old\n');
    writeFileAtomicStreamSync(file, (write) => {
      write('a,b\n');
      write(new Uint8Array([0x31, 0x2c, 0x32, 0x0a]));
    });
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['incidents.csv']);
  });

  it('leaves the old file whole and no temporary file when the producer throws midway', () => {
    const file = path.join(dir, 'incidents.csv');
    writeFileSync(file, 'old\n');
    expect(() =>
      writeFileAtomicStreamSync(file, (write) => {
        write('half');
        throw new Error('the log ran out');
      }),
    ).toThrow('the log ran out');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['incidents.csv']);
  });
});
