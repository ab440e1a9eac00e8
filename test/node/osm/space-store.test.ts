/**
 * The cache's space files (src/node/osm/graph-file.ts `withHierarchyStore`: `<prefix>.spaces-<key>.bin`
 * beside the graph): made once, read back by the next process, and made again when the file on
 * disk is truncated; and the browser's optional space file (src/web/data-provider.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withHierarchyStore } from '../../../src/node/osm/graph-file';
import { contract } from '../../../src/sim/roads/build/contract';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { keepSpaces } from '../../../src/sim/roads/query/kept-spaces';
import { fetchDataProvider } from '../../../src/web/data-provider';
import { randomGrid } from '../../sim/roads/helpers';

const grid = randomGrid(10, 8, 9);
const nodes = { forward: Uint32Array.of(0, 9, 33, 70), backward: Uint32Array.of(2, 9, 50) };
const places = Uint32Array.of(7, 8);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('space files in the cache', () => {
  it('are written once beside the graph, read by the next world, and rewritten when truncated', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spaces-'));
    dirs.push(dir);
    const graph = withHierarchyStore({ ...grid } as unknown as RoadGraph, dir, 'london-abc');
    expect(keepSpaces(graph, contract(grid), places, () => nodes)).toBe('made');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^london-abc\.spaces-[0-9a-f]{16}\.bin$/);
    const file = path.join(dir, files[0]!);
    const size = statSync(file).size;
    expect(keepSpaces(graph, contract(grid), places, () => nodes), 'another process (a new hierarchy object)').toBe('loaded');
    writeFileSync(file, readFileSync(file).subarray(0, size - 12));
    expect(keepSpaces(graph, contract(grid), places, () => nodes), 'a truncated file').toBe('made');
    expect(statSync(file).size).toBe(size);
  });
});

describe('the browser build space file', () => {
  const base = 'https://example.org/app/data/';
  it('is fetched once when the site has it, and is optional', async () => {
    const fetched: string[] = [];
    const bytes = Uint8Array.of(1, 2, 3, 4).buffer;
    const provider = fetchDataProvider(base, async (url) => {
      fetched.push(url);
      return { ok: true, status: 200, json: async () => null, arrayBuffer: async () => bytes };
    }, { spaceFiles: true });
    const [a, b] = await Promise.all([provider.spaces!('london'), provider.spaces!('london')]);
    expect([...a!]).toEqual([1, 2, 3, 4]);
    expect(b).toBe(a);
    expect(fetched).toEqual([`${base}london-roads.spaces`]);
    expect(await provider.spaces!('paris'), 'no file for another network').toBeUndefined();
    const missing = fetchDataProvider(base, async () => ({ ok: false, status: 404, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) }), { spaceFiles: true });
    expect(await missing.spaces!('london')).toBeUndefined();
    const failing = fetchDataProvider(base, async () => {
      throw new TypeError('network error');
    }, { spaceFiles: true });
    expect(await failing.spaces!('london')).toBeUndefined();
  });

  it('is never asked for when the site was built without space files (no request fails)', async () => {
    const fetched: string[] = [];
    const provider = fetchDataProvider(base, async (url) => {
      fetched.push(url);
      return { ok: false, status: 404, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) };
    });
    expect(await provider.spaces!('london')).toBeUndefined();
    expect(fetched).toEqual([]);
  });
});
