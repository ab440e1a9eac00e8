/**
 * Input hashes remembered in the cache (src/node/data/file-hash.ts): the memo answers while the
 * file is as it was, and a file rewritten (even with content of the same size), replaced or
 * touched is hashed again; a malformed memo counts as empty.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_HASHES, forgetRememberedHashes, rememberedSha256 } from '../../../src/node/data/file-hash';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'file-hash-'));
  dirs.push(dir);
  return dir;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Puts `fake` in the memo file as the hash of every file it lists (to see whether the memo answers). */
function fakeMemo(memoFile: string, fake: string): void {
  const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as { version: number; files: [string, string, string][] };
  writeFileSync(memoFile, JSON.stringify({ ...memo, files: memo.files.map(([f, s]) => [f, s, fake]) }));
}

describe('remembered file hashes', () => {
  it('hash a file once, answer from the memo while it is unchanged, and hash it again when it changed', () => {
    const memoDir = folder();
    const input = path.join(folder(), 'input.csv');
    writeFileSync(input, 'a,b\n1,2\n');
    expect(rememberedSha256(input, memoDir)).toBe(sha('a,b\n1,2\n'));
    const memoFile = path.join(memoDir, FILE_HASHES);
    const fake = 'f'.repeat(64);
    fakeMemo(memoFile, fake);
    forgetRememberedHashes(); // as another process, which reads the memo file
    expect(rememberedSha256(input, memoDir), 'the memo answers').toBe(fake);

    writeFileSync(input, 'a,b\n3,4\n'); // the same size
    expect(rememberedSha256(input, memoDir), 'rewritten').toBe(sha('a,b\n3,4\n'));
    const t = new Date(2021, 5, 1);
    utimesSync(input, t, t);
    expect(rememberedSha256(input, memoDir), 'touched').toBe(sha('a,b\n3,4\n'));
    const other = path.join(path.dirname(input), 'other.csv');
    writeFileSync(other, 'x\n');
    utimesSync(other, t, t);
    renameSync(other, input);
    expect(rememberedSha256(input, memoDir), 'replaced by another file with the same times').toBe(sha('x\n'));
  });

  it('counts a malformed or foreign memo as empty, and writes a good one', () => {
    const input = path.join(folder(), 'input.csv');
    writeFileSync(input, 'hello\n');
    for (const bad of ['not json', '{"version":99,"files":[]}', '{"version":1,"files":[["x", 1, "zz"]]}', '{"version":1,"files":{}}']) {
      const memoDir = folder();
      writeFileSync(path.join(memoDir, FILE_HASHES), bad);
      forgetRememberedHashes();
      expect(rememberedSha256(input, memoDir), bad).toBe(sha('hello\n'));
      expect(JSON.parse(readFileSync(path.join(memoDir, FILE_HASHES), 'utf8')).files, bad).toHaveLength(1);
    }
  });
});
