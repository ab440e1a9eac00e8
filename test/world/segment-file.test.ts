/**
 * The snapping index kept in a file (src/world/segment-file.ts): a snapper reads it back and snaps
 * exactly as one that made its index; a file that is truncated, of another version, made for
 * another graph or projection, or damaged inside is not used (the index is made again and saved
 * again); a store that cannot load or save only costs the making.
 */
import { describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../src/sim/roads/graph';
import { localProjection } from '../../src/sim/geo';
import { decodeSegmentFile, encodeSegmentFile, SEGMENT_FILE_VERSION, segmentFileKey, storedLayout, type SegmentStore } from '../../src/world/segment-file';
import { SegmentIndex } from '../../src/world/segment-index';
import { createRoadSnapper } from '../../src/world/road';
import { asciiNetwork } from '../sim/roads/helpers';

const GRID = `
  A - B - C - D - E
  |   |   |   |   |
  F - G > H - I - J
  |   |   |   |   |
  K - L - M - N - O
`;
const net = asciiNetwork(GRID, { cellM: 700, origin: { lon: -0.16, lat: 51.54 } });
const other = asciiNetwork(GRID, { cellM: 650, origin: { lon: -0.16, lat: 51.54 } });

/** A store in memory that records what it was asked. */
function memoryStore(): SegmentStore & { files: Map<string, Uint8Array>; saves: number } {
  const files = new Map<string, Uint8Array>();
  const store = {
    files,
    saves: 0,
    load: (key: string) => files.get(key),
    save(key: string, bytes: ArrayBuffer) {
      store.saves++;
      files.set(key, new Uint8Array(bytes));
    },
  };
  return store;
}

function projection(graph: RoadGraph): { kx: number; ky: number } {
  let sum = 0;
  for (let v = 0; v < graph.nodeCount; v++) sum += graph.nodeLat[v]!;
  const p = localProjection(sum / graph.nodeCount);
  return { kx: p.metresPerDegLon, ky: p.metresPerDegLat };
}

/** Points around and far from the network, and at its vertices (ties). */
function points(graph: RoadGraph): [number, number][] {
  let state = 5;
  const rnd = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
  const out: [number, number][] = [];
  for (let i = 0; i < 1500; i++) out.push([-0.25 + rnd() * 0.25, 51.45 + rnd() * 0.15]);
  for (let v = 0; v < graph.vertexLon.length; v++) out.push([graph.vertexLon[v]!, graph.vertexLat[v]!]);
  return out;
}

describe('segment files', () => {
  it('are saved by the first snapper, read by the next, and give the same snaps as an index made anew', () => {
    const store = memoryStore();
    const made = createRoadSnapper(net.graph, { store });
    expect(store.saves).toBe(1);
    expect([...store.files.keys()], 'the file is kept under the graph\'s key').toEqual([segmentFileKey(net.graph)]);
    const read = createRoadSnapper(net.graph, { store });
    expect(store.saves, 'read back, not made again').toBe(1);
    const plain = createRoadSnapper(net.graph);
    const tree = createRoadSnapper(net.graph, { index: 'tree' });
    for (const [lon, lat] of points(net.graph)) {
      const snap = plain.snap(lon, lat);
      expect(made.snap(lon, lat), `(${lon}, ${lat})`).toEqual(snap);
      expect(read.snap(lon, lat), `(${lon}, ${lat})`).toEqual(snap);
      expect(tree.snap(lon, lat), `(${lon}, ${lat})`).toEqual(snap);
    }
  });

  it('come from the graph\'s own store when the snapper is given none', () => {
    const store = memoryStore();
    createRoadSnapper({ ...net.graph, segmentStore: store } as RoadGraph);
    expect(store.saves).toBe(1);
    createRoadSnapper({ ...net.graph, segmentStore: store } as RoadGraph);
    expect(store.saves).toBe(1);
  });

  it('are not used when truncated, of another version, for another graph or projection, or damaged inside', () => {
    const { kx, ky } = projection(net.graph);
    const layout = new SegmentIndex(net.graph, kx, ky).layout()!;
    const bytes = new Uint8Array(encodeSegmentFile(net.graph, kx, ky, layout));
    const good = decodeSegmentFile(bytes, net.graph, kx, ky)!;
    expect([...good.segV]).toEqual([...layout.segV]);
    expect([...good.fine.items]).toEqual([...layout.fine.items]);
    expect([...good.coarse.start]).toEqual([...layout.coarse.start]);
    const changed = (at: number, word: number): Uint8Array => {
      const copy = bytes.slice();
      new Uint32Array(copy.buffer)[at] = word;
      return copy;
    };
    const words = new Uint32Array(bytes.buffer);
    expect(decodeSegmentFile(bytes.subarray(0, bytes.length - 4), net.graph, kx, ky), 'truncated').toBeUndefined();
    expect(decodeSegmentFile(bytes.subarray(0, 40), net.graph, kx, ky), 'truncated in the header').toBeUndefined();
    expect(decodeSegmentFile(new Uint8Array(0), net.graph, kx, ky), 'empty').toBeUndefined();
    expect(decodeSegmentFile(changed(1, SEGMENT_FILE_VERSION + 1), net.graph, kx, ky), 'another version').toBeUndefined();
    expect(decodeSegmentFile(changed(0, 0), net.graph, kx, ky), 'not a segment file').toBeUndefined();
    expect(decodeSegmentFile(changed(words.length - 1, words[words.length - 1]! ^ 1), net.graph, kx, ky), 'a damaged item').toBeUndefined();
    expect(decodeSegmentFile(changed(40, words[40]! + 1), net.graph, kx, ky), 'a damaged segment').toBeUndefined();
    const o = projection(other.graph);
    expect(decodeSegmentFile(bytes, other.graph, o.kx, o.ky), 'another graph').toBeUndefined();
    expect(decodeSegmentFile(bytes, other.graph, kx, ky), 'another graph, the same projection').toBeUndefined();
    expect(decodeSegmentFile(bytes, net.graph, kx * (1 + 1e-12), ky), 'another projection').toBeUndefined();
    expect(segmentFileKey(net.graph)).not.toBe(segmentFileKey(other.graph));
    expect(segmentFileKey(net.graph, { kx, ky })).toBe(segmentFileKey(net.graph));
    // Unaligned bytes (a Node Buffer from its pool) are copied, not refused.
    const unaligned = new Uint8Array(bytes.length + 4);
    unaligned.set(bytes, 4);
    expect(decodeSegmentFile(unaligned.subarray(4), net.graph, kx, ky)).toBeDefined();
  });

  it('are made again and saved again when the stored one is damaged or made for another graph', () => {
    const store = memoryStore();
    createRoadSnapper(net.graph, { store });
    const [key, bytes] = [...store.files][0]!;
    store.files.set(key, bytes.subarray(0, bytes.length - 8));
    createRoadSnapper(net.graph, { store });
    expect(store.saves, 'truncated: made again').toBe(2);
    expect(store.files.get(key)!.length).toBe(bytes.length);
    const otherStore = memoryStore();
    createRoadSnapper(other.graph, { store: otherStore });
    const [, otherBytes] = [...otherStore.files][0]!;
    store.files.set(key, otherBytes);
    createRoadSnapper(net.graph, { store });
    expect(store.saves, 'another graph\'s file: made again').toBe(3);
    expect([...store.files.get(key)!]).toEqual([...bytes]);
  });

  it('cost only the making when the store cannot load or save', () => {
    const { kx, ky } = projection(net.graph);
    const make = (): ReturnType<SegmentIndex['layout']> & object => new SegmentIndex(net.graph, kx, ky).layout()!;
    const failing: SegmentStore = {
      load: () => {
        throw new Error('unreadable');
      },
      save: () => {
        throw new Error('disk full');
      },
    };
    expect(storedLayout(failing, net.graph, kx, ky, make).kept).toBe('made');
    expect(storedLayout({ load: () => undefined }, net.graph, kx, ky, make).kept, 'a store without save (a browser)').toBe('made');
    const bytes = new Uint8Array(encodeSegmentFile(net.graph, kx, ky, make()));
    expect(storedLayout({ load: () => bytes }, net.graph, kx, ky, make).kept, 'a prebuilt file').toBe('read');
  });
});
