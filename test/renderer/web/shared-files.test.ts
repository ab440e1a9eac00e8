/**
 * The road graph fetched once by the page and shared with its sim workers (src/web/shared-fetch.ts,
 * src/web/shared-files.ts): each worker gets the page's word on each shared file, the data provider
 * decodes the page's bytes instead of fetching, and wherever the page may not share memory or its
 * fetch failed, each worker fetches the file itself as before.
 */
import { describe, expect, it } from 'vitest';
import { fetchDataProvider, WEB_DATA_FILES } from '../../../src/web/data-provider';
import { fetchShared, fetchSharedFiles, SHARED_DATA_FILES } from '../../../src/web/shared-fetch';
import { isSharedFileMessage, shareFiles, sharedFileInbox, type SharedFileMessage } from '../../../src/web/shared-files';
import { encodeGraph } from '../../../src/sim/roads/build/encode';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { asciiNetwork } from '../../sim/roads/helpers';

const GRAPH = WEB_DATA_FILES.network.london;
const base = 'https://example.org/app/data/';

const SAMPLE = asciiNetwork(`
    A - B
    |   |
    C - D
  `).graph;

function graphBytes(): ArrayBuffer {
  return encodeGraph(SAMPLE);
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('the road graph shared by the page with its workers', () => {
  it('is fetched by the page into shared memory, whole', async () => {
    const bytes = new Uint8Array(graphBytes());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const buffer = await fetchShared('x', async () => new Response(body));
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...new Uint8Array(buffer!)]).toEqual([...bytes]);
    expect(await fetchShared('x', async () => new Response(null, { status: 404 })), 'not there').toBeNull();
    expect(await fetchShared('x', async () => Promise.reject(new Error('offline'))), 'no network').toBeNull();
  });

  it('is streamed into shared memory of the size the server gave; another size, or none, still gives the bytes as they came', async () => {
    const bytes = new Uint8Array(graphBytes());
    const streamed = (parts: Uint8Array[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
    const parts = () => [bytes.slice(0, 7), bytes.slice(7, 30), bytes.slice(30)];
    const withLength = (length: number | null, encoding?: string) => async () =>
      new Response(streamed(parts()), { headers: { ...(length === null ? {} : { 'Content-Length': String(length) }), ...(encoding ? { 'Content-Encoding': encoding } : {}) } });
    for (const [what, fetchFn] of [
      ['the right length', withLength(bytes.length)],
      ['no length', withLength(null)],
      ['a length too short (more bytes came)', withLength(20)],
      ['a length too long (fewer bytes came)', withLength(bytes.length + 100)],
      ['a compressed body', withLength(12, 'gzip')],
    ] as const) {
      const buffer = await fetchShared('x', fetchFn);
      expect(buffer, what).toBeInstanceOf(SharedArrayBuffer);
      expect(buffer!.byteLength, what).toBe(bytes.length);
      expect(new Uint8Array(buffer!).every((b, i) => b === bytes[i]), what).toBe(true);
    }
  });

  it('is fetched only where the page may share memory, one file after the other', async () => {
    const urls: string[] = [];
    const arrive: (() => void)[] = [];
    const one = (url: string) => (urls.push(url), new Promise<null>((resolve) => arrive.push(() => resolve(null))));
    expect(fetchSharedFiles(base, one, false)).toBeNull();
    const files = ['a.bin', 'b.bin'];
    const fetches = fetchSharedFiles(base, one, true, files)!;
    expect(Object.keys(fetches)).toEqual(files);
    await flush();
    expect(urls, 'the second waits for the first').toEqual([`${base}a.bin`]);
    arrive.shift()!();
    await flush();
    arrive.shift()!();
    await fetches['b.bin'];
    expect(urls).toEqual([`${base}a.bin`, `${base}b.bin`]);
    expect(Object.keys(fetchSharedFiles(base, one, true)!)).toEqual([...SHARED_DATA_FILES]);
  });

  it('waits for the page\'s first data before fetching (the first figures are not slowed by 70 MB beside them)', async () => {
    const urls: string[] = [];
    let release: () => void = () => {};
    const after = new Promise<void>((resolve) => (release = resolve));
    const fetches = fetchSharedFiles(base, async (url: string) => (urls.push(url), null), true, ['a.bin'], after)!;
    await flush();
    expect(urls, 'nothing before the first data').toEqual([]);
    release();
    await fetches['a.bin'];
    expect(urls).toEqual([`${base}a.bin`]);
  });

  it('reaches each worker as one message per file once fetched, null when the fetch failed or the worker cannot take it', async () => {
    const buffer = new SharedArrayBuffer(8);
    const got: unknown[] = [];
    shareFiles({ [GRAPH]: Promise.resolve(buffer) }, { postMessage: (m) => got.push(m) });
    shareFiles({ [GRAPH]: Promise.reject(new Error('offline')) }, { postMessage: (m) => got.push(m) });
    shareFiles({}, { postMessage: (m) => got.push(m) }, ['other.bin']);
    let refused = 0;
    shareFiles({ [GRAPH]: Promise.resolve(buffer) }, {
      postMessage: (m) => {
        if ((m as SharedFileMessage).buffer !== null && refused++ === 0) throw new Error('DataCloneError');
        got.push(m);
      },
    });
    await flush();
    expect(got).toEqual([
      { type: 'shared-file', file: GRAPH, buffer },
      { type: 'shared-file', file: GRAPH, buffer: null },
      { type: 'shared-file', file: 'other.bin', buffer: null },
      { type: 'shared-file', file: GRAPH, buffer: null },
    ]);
    expect(got.every(isSharedFileMessage)).toBe(true);
    expect(isSharedFileMessage({ type: 'shared-file', file: GRAPH, buffer: new ArrayBuffer(8) }), 'not shared memory').toBe(false);
  });

  it("is decoded by the worker's data provider from the page's bytes, without a fetch of its own", async () => {
    const bytes = graphBytes();
    const shared = new SharedArrayBuffer(bytes.byteLength);
    new Uint8Array(shared).set(new Uint8Array(bytes));
    const inbox = sharedFileInbox(true);
    const fetched: string[] = [];
    const provider = fetchDataProvider(base, async (u) => (fetched.push(u), Promise.reject(new Error('no fetch expected'))), { shared: inbox.get });
    const pending = provider.network('london') as Promise<RoadGraph>;
    await flush();
    inbox.receive({ type: 'shared-file', file: GRAPH, buffer: shared });
    const graph = await pending;
    expect(graph.nodeCount).toBe(SAMPLE.nodeCount);
    expect(graph.firstOut.buffer, 'a view on the shared bytes').toBe(shared);
    expect(fetched).toEqual([]);
  });

  it('is fetched by the worker itself when the page sent null, or may not share memory', async () => {
    const bytes = graphBytes();
    for (const inbox of [sharedFileInbox(true), sharedFileInbox(false)]) {
      const fetched: string[] = [];
      const provider = fetchDataProvider(base, async (u) => (fetched.push(u), { ok: true, status: 200, json: async () => null, arrayBuffer: async () => bytes }), { shared: inbox.get });
      inbox.receive({ type: 'shared-file', file: GRAPH, buffer: null });
      expect(((await provider.network('london')) as RoadGraph).nodeCount).toBe(SAMPLE.nodeCount);
      expect(fetched).toEqual([`${base}${GRAPH}`]);
    }
    expect(await sharedFileInbox(true).get('demand-points.json'), 'a file the page does not share: at once').toBeNull();
  });
});
