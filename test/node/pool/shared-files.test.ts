/**
 * Cache files shared between a pool's sim workers (src/node/pool/shared-files.ts): read once into a
 * SharedArrayBuffer, read again when the file is replaced, served only under the pool's folders;
 * the worker's reader gets the same bytes, and undefined for what the pool would not serve; a
 * cached graph read through it is the graph read from disk, with its space file read ahead.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedGraph, writeGraphFile } from '../../../src/node/osm/graph-file';
import { SharedFiles, sharedFileReader } from '../../../src/node/pool/shared-files';
import { londonDataDir } from '../../../src/node/data/paths';
import { importOsm } from '../../../src/node/osm/import';
import type { RoadGraph } from '../../../src/sim/roads/graph';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shared-files-'));
  dirs.push(dir);
  return dir;
}

describe('shared cache files', () => {
  it('are read once into shared memory, and again when the file is replaced', async () => {
    const dir = folder();
    const file = path.join(dir, 'a.bin');
    writeFileSync(file, Uint8Array.of(1, 2, 3));
    const files = new SharedFiles([dir]);
    const first = await files.read(file);
    expect(first).toBeInstanceOf(SharedArrayBuffer);
    expect([...new Uint8Array(first)]).toEqual([1, 2, 3]);
    expect(await files.read(file), 'the same version: the same buffer').toBe(first);
    writeFileSync(`${file}.tmp`, Uint8Array.of(4, 5, 6, 7));
    renameSync(`${file}.tmp`, file);
    expect([...new Uint8Array(await files.read(file))]).toEqual([4, 5, 6, 7]);
  });

  it('are served only under their folders, and only as regular files', async () => {
    const dir = folder();
    const other = folder();
    writeFileSync(path.join(other, 'b.bin'), Uint8Array.of(1));
    mkdirSync(path.join(dir, 'sub'));
    const files = new SharedFiles([dir]);
    await expect(files.read(path.join(other, 'b.bin'))).rejects.toThrow(/not under the shared folders/);
    await expect(files.read(path.join(dir, '..', path.basename(other), 'b.bin'))).rejects.toThrow(/not under the shared folders/);
    await expect(files.read(path.join(dir, 'sub'))).rejects.toThrow(/not a regular file/);
    await expect(files.read(path.join(dir, 'missing.bin'))).rejects.toThrow(/ENOENT/);
  });

  it('reach a worker through its port: the same bytes, undefined for what is not served', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.bin'), Uint8Array.of(9, 8));
    const files = new SharedFiles([dir]);
    const { port, close } = files.connect();
    try {
      const read = sharedFileReader(port);
      const [a, b] = await Promise.all([read(path.join(dir, 'a.bin')), read(path.join(dir, 'a.bin'))]);
      expect([...a!]).toEqual([9, 8]);
      expect(a!.buffer).toBeInstanceOf(SharedArrayBuffer);
      // Two messages, two buffer objects on the same memory (written here only to show it).
      a![0] = 42;
      expect(b![0], 'one memory for both').toBe(42);
      expect(await read(path.join(dir, 'missing.bin'))).toBeUndefined();
      expect(await read(path.join(tmpdir(), 'elsewhere.bin'))).toBeUndefined();
    } finally {
      close();
      port.close();
    }
  });

  it('give a cached graph equal to the one read from disk, with the space file beside it read ahead', async () => {
    const dir = folder();
    const sample = 'roads/osm_sample_n_london_palmers_green_drive.osm.pbf';
    writeGraphFile(path.join(dir, 'net-k1.graph'), await importOsm([path.join(londonDataDir({ required: [sample] }), sample)], { sources: [sample] }));
    const spaces = path.join(dir, 'net-k1.spaces-0123456789abcdef.bin');
    writeFileSync(spaces, Uint8Array.of(5, 6, 7, 8));
    const build = (): Promise<RoadGraph> => Promise.reject(new Error('the cached file should be read'));
    const fromDisk = (await cachedGraph(dir, 'net', 'k1', build)).graph;

    const files = new SharedFiles([dir]);
    const asked: string[] = [];
    const read = async (file: string): Promise<Uint8Array> => {
      asked.push(path.basename(file));
      return new Uint8Array(await files.read(file));
    };
    const shared = (await cachedGraph(dir, 'net', 'k1', build, read)).graph;
    expect(asked.sort()).toEqual(['net-k1.graph', 'net-k1.spaces-0123456789abcdef.bin']);
    expect(shared.firstOut.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const key of ['firstOut', 'edgeHead', 'edgeLengthM', 'vertexLon', 'roadFirstVertex'] as const) expect([...shared[key]], key).toEqual([...fromDisk[key]]);
    expect([...shared.hierarchy!.upOutHead]).toEqual([...fromDisk.hierarchy!.upOutHead]);
    const loaded = shared.spaceStore!.load('0123456789abcdef')!;
    expect(loaded.buffer, 'the space file read ahead').toBeInstanceOf(SharedArrayBuffer);
    expect([...loaded]).toEqual([5, 6, 7, 8]);
    writeFileSync(spaces, Uint8Array.of(1));
    expect([...fromDisk.spaceStore!.load('0123456789abcdef')!], 'from disk, as before').toEqual([1]);
  });
});
