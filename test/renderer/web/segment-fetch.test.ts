// @vitest-environment node
/**
 * (Node's Blob, CompressionStream, DecompressionStream and Response: the DOM test environment lacks streams.) The browser
 * sim worker's segment file (src/web/segment-fetch.ts): fetched gzipped or plain beside the graph,
 * given to the graph as its segment store (read, not made: the same snaps), and, missing or failing,
 * not given (the index is made as before).
 */
import { describe, expect, it } from 'vitest';
import { fetchSegmentBytes, WEB_SEGMENT_FILES, withSegmentFiles } from '../../../src/web/segment-fetch';
import { createRoadSnapper } from '../../../src/world/road';
import { encodeSegmentFile, type SegmentStore } from '../../../src/world/segment-file';
import { SegmentIndex, snapProjection } from '../../../src/world/segment-index';
import { noBuiltInData, type DataProvider } from '../../../src/world';
import { asciiNetwork } from '../../sim/roads/helpers';

const base = 'https://site.example/data/';
const gzip = async (bytes: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
const ok = (bytes: Uint8Array) => ({ ok: true, arrayBuffer: async () => bytes.slice().buffer });

describe('the site\'s segment file', () => {
  it('is fetched, gunzipped when gzip, and undefined when missing or failing', async () => {
    const plain = Uint8Array.of(1, 2, 3, 4);
    expect(await fetchSegmentBytes('u', async () => ok(plain))).toEqual(plain);
    expect(await fetchSegmentBytes('u', async () => ok(await gzip(plain)))).toEqual(plain);
    expect(await fetchSegmentBytes('u', async () => ({ ok: false, arrayBuffer: async () => new ArrayBuffer(0) }))).toBeUndefined();
    expect(await fetchSegmentBytes('u', async () => Promise.reject(new Error('offline')))).toBeUndefined();
    expect(await fetchSegmentBytes('u', async () => ok(Uint8Array.of(0x1f, 0x8b, 0, 0)))).toBeUndefined();
  });

  it('becomes the graph\'s segment store (fetched once per network), and the snapper reads it: the same snaps', async () => {
    const network = () =>
      asciiNetwork(`
        A - B > C
        |   |   v
        D - E - F
      `).graph;
    const graph = network();
    const { kx, ky } = snapProjection(graph);
    const file = new Uint8Array(encodeSegmentFile(graph, kx, ky, new SegmentIndex(graph, kx, ky).layout()!));
    const asked: string[] = [];
    const data: DataProvider = { ...noBuiltInData, network: async () => graph };
    const provider = withSegmentFiles(data, base, async (url) => (asked.push(url), file));
    const got = (await provider.network('london')) as typeof graph & { segmentStore?: SegmentStore };
    await provider.network('london');
    expect(asked).toEqual([`${base}${WEB_SEGMENT_FILES['london']}`]);
    expect(got.segmentStore?.load('any')).toBe(file);
    const reference = createRoadSnapper(network());
    const read = createRoadSnapper(got);
    for (const [lon, lat] of [[graph.vertexLon[0]!, graph.vertexLat[0]!], [graph.vertexLon[3]! + 1e-4, graph.vertexLat[3]! - 2e-4]] as const) {
      expect(read.snap(lon, lat)).toEqual(reference.snap(lon, lat));
    }
    // Another network, or no file: no store.
    const other = withSegmentFiles({ ...noBuiltInData, network: async () => network() }, base, async () => undefined);
    expect('segmentStore' in ((await other.network('london')) as object)).toBe(false);
    expect('segmentStore' in ((await withSegmentFiles({ ...noBuiltInData, network: async () => network() }, base, async () => file).network('elsewhere')) as object)).toBe(false);
  });
});
