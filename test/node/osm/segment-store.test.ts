/**
 * The cache's segment files (src/node/osm/graph-file.ts `withHierarchyStore`:
 * `<prefix>.segments-<key>.bin` beside the graph, src/world/segment-file.ts): written by the first
 * world's snapper, read by the next, and written again when the file on disk is truncated, of
 * another version or made for another graph.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptSegmentFile } from '../../../src/node/data/kept-files';
import { withHierarchyStore } from '../../../src/node/osm/graph-file';
import { createRoadSnapper } from '../../../src/world/road';
import { asciiNetwork } from '../../sim/roads/helpers';

const GRID = `
  A - B - C - D
  |   |   |   |
  E - F > G - H
  |   |   |   |
  I - J - K - L
`;
const net = asciiNetwork(GRID, { cellM: 500 });
const other = asciiNetwork(GRID, { cellM: 480 });
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('segment files in the cache', () => {
  it('are written once beside the graph, read by the next world, and rewritten when damaged or made for another graph', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'segments-'));
    dirs.push(dir);
    const graph = withHierarchyStore(net.graph, dir, 'london-abc');
    const first = createRoadSnapper(graph);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^london-abc\.segments-[0-9a-f]{16}\.bin$/);
    const file = path.join(dir, files[0]!);
    const bytes = readFileSync(file);
    const old = new Date(2020, 0, 1);
    const written = (): boolean => statSync(file).mtimeMs !== old.getTime();
    utimesSync(file, old, old);
    const again = createRoadSnapper(withHierarchyStore(net.graph, dir, 'london-abc'));
    expect(written(), 'read, not written again').toBe(false);
    expect(again.snap(-0.095, 51.499)).toEqual(first.snap(-0.095, 51.499));

    for (const [what, damaged] of [
      ['truncated', bytes.subarray(0, bytes.length - 4)],
      ['another version', Buffer.concat([bytes.subarray(0, 4), Buffer.from([99, 0, 0, 0]), bytes.subarray(8)])],
      ['empty', Buffer.alloc(0)],
    ] as const) {
      writeFileSync(file, damaged);
      utimesSync(file, old, old);
      createRoadSnapper(withHierarchyStore(net.graph, dir, 'london-abc'));
      expect(written(), what).toBe(true);
      expect(readFileSync(file).equals(bytes), what).toBe(true);
    }

    // Another graph's file under this graph's name (its key in the name is this graph's).
    const otherDir = mkdtempSync(path.join(tmpdir(), 'segments-'));
    dirs.push(otherDir);
    createRoadSnapper(withHierarchyStore(other.graph, otherDir, 'london-abc'));
    writeFileSync(file, readFileSync(path.join(otherDir, readdirSync(otherDir)[0]!)));
    utimesSync(file, old, old);
    createRoadSnapper(withHierarchyStore(net.graph, dir, 'london-abc'));
    expect(written(), 'another graph').toBe(true);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('are found (made first when missing) for a build that ships them beside the graph', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'segments-'));
    dirs.push(dir);
    const graph = withHierarchyStore(net.graph, dir, 'london-abc');
    const file = keptSegmentFile(path.join(dir, 'london-abc.graph'), graph);
    expect(file).toBe(path.join(dir, readdirSync(dir)[0]!));
    expect(keptSegmentFile(path.join(dir, 'london-abc.graph'), graph), 'found again').toBe(file);
    expect(keptSegmentFile(path.join(dir, 'london-abc.graph'), net.graph), 'a graph without a store').toBeNull();
  });
});
