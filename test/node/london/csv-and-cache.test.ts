/** The CSV reader and the atomic cache folder, on small inputs. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedFolder, inputsKey, MANIFEST, publishFolder } from '../../../src/node/london/cache';
import { numberField, parseCsv, SourceDataError } from '../../../src/node/london/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, CRLF and a byte-order mark', () => {
    const table = parseCsv('\ufeffname,lat\r\n"Canonbury, Mildmay ""East""",51.5\r\nPlain,51.6\r\n\r\n', 'x.csv', ['name', 'lat']);
    expect(table.rows).toEqual([
      { name: 'Canonbury, Mildmay "East"', lat: '51.5' },
      { name: 'Plain', lat: '51.6' },
    ]);
    expect(numberField(table, 1, 'lat', { min: 51, max: 52 })).toBe(51.6);
  });

  it('names the file and the missing columns', () => {
    expect(() => parseCsv('a,b\n1,2\n', 'data/x.csv', ['a', 'lon'])).toThrow('data/x.csv: header lacks column(s) lon (has a, b)');
  });

  it('names the record whose field count differs from the header', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'x.csv', [])).toThrow('x.csv: record 3: 1 fields, the header has 2');
  });

  it('rejects an unterminated quote and a stray quote', () => {
    expect(() => parseCsv('a\n"open\n', 'x.csv', [])).toThrow(SourceDataError);
    expect(() => parseCsv('a\nab"c\n', 'x.csv', [])).toThrow(/line 2: a quote in the middle/);
  });

  it('rejects numbers that are empty, not numbers or out of range, naming record and column', () => {
    const table = parseCsv('v\n\nabc\n-1\n', 'x.csv', ['v']);
    // the blank line carries no record, so 'abc' is record 2
    expect(() => numberField(table, 0, 'v')).toThrow('x.csv: record 2, column v: expected a number, got "abc"');
    expect(() => numberField(table, 1, 'v', { min: 0 })).toThrow('x.csv: record 3, column v: expected a number in [0, Infinity], got "-1"');
  });
});

describe('publishFolder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'london-publish-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('publishes all files and the manifest under the key, and removes older keys', () => {
    const old = publishFolder(root, 'v1-aaaaaaaaaaaaaaaa', new Map([['a.json', '1']]), { n: 1 });
    const dir = publishFolder(root, 'v1-bbbbbbbbbbbbbbbb', new Map([['a.json', '2'], ['b.json', '3']]), { n: 2 });
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('3');
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'))).toEqual({ n: 2 });
    expect(cachedFolder(root, 'v1-bbbbbbbbbbbbbbbb')).toBe(dir);
    expect(existsSync(old), 'older key removed').toBe(false);
    expect(readdirSync(root)).toEqual(['v1-bbbbbbbbbbbbbbbb']);
  });

  it('leaves neither the key nor a staging folder when writing fails midway', () => {
    // A file name inside a folder that does not exist makes the second write fail.
    const files = new Map([['a.json', '1'], ['missing-dir/b.json', '2']]);
    expect(() => publishFolder(root, 'v1-cccccccccccccccc', files, {})).toThrow(/ENOENT/);
    expect(cachedFolder(root, 'v1-cccccccccccccccc')).toBeNull();
    expect(readdirSync(root), 'nothing left').toEqual([]);
  });

  it('keeps the first complete copy when the same key is published twice', () => {
    const first = publishFolder(root, 'v1-dddddddddddddddd', new Map([['a.json', 'first']]), {});
    publishFolder(root, 'v1-dddddddddddddddd', new Map([['a.json', 'second']]), {});
    expect(readFileSync(path.join(first, 'a.json'), 'utf8')).toBe('first');
    publishFolder(root, 'v1-dddddddddddddddd', new Map([['a.json', 'third']]), {}, { replace: true });
    expect(readFileSync(path.join(first, 'a.json'), 'utf8'), 'replace: a fresh copy').toBe('third');
    expect(readdirSync(root)).toEqual(['v1-dddddddddddddddd']);
  });
});

describe('inputsKey', () => {
  it('changes with the version and with any input content', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'london-key-'));
    try {
      const file = path.join(dir, 'x.csv');
      writeFileSync(file, 'a\n1\n');
      const a = inputsKey(1, [{ name: 'x.csv', path: file }]);
      expect(a.key).toMatch(/^v1-[0-9a-f]{16}$/);
      expect(inputsKey(2, [{ name: 'x.csv', path: file }]).key).not.toBe(a.key);
      writeFileSync(file, 'a\n2\n');
      expect(inputsKey(1, [{ name: 'x.csv', path: file }]).key).not.toBe(a.key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
