// @vitest-environment node
/** (Node's Blob, CompressionStream and Response: the DOM test environment lacks streams.) The browser sim worker's warm-up snapshot (src/web/prebuilt-fetch.ts): fetched by its key's file name, once per key; none is null. */
import { describe, expect, it } from 'vitest';
import { fetchWarmSnapshot } from '../../../src/web/prebuilt-fetch';
import { WARM_SNAPSHOTS_FILE, WARM_SNAPSHOTS_FORMAT, warmSnapshotFile } from '../../../src/web/prebuilt';

describe('fetchWarmSnapshot', () => {
  it('asks for the file named by the key, once per key, and gives null for a missing or failing one', async () => {
    const asked: string[] = [];
    const find = fetchWarmSnapshot('https://site.example/data/', async (url) => {
      asked.push(url);
      if (url.endsWith(WARM_SNAPSHOTS_FILE)) return { ok: true, arrayBuffer: async () => new ArrayBuffer(0), json: async () => ({ format: WARM_SNAPSHOTS_FORMAT, files: ['k1', 'k2', 'k3', 'k4'].map(warmSnapshotFile) }) };
      if (url.endsWith(warmSnapshotFile('k1'))) return { ok: true, json: async () => null, arrayBuffer: () => new Response(new Blob(['snapshot one']).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer() };
      if (url.endsWith(warmSnapshotFile('k4'))) return { ok: true, json: async () => null, arrayBuffer: async () => new TextEncoder().encode('snapshot four, sent unzipped').buffer };
      if (url.endsWith(warmSnapshotFile('k2'))) throw new Error('offline');
      return { ok: false, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) };
    });
    expect(warmSnapshotFile('k1')).toMatch(/^warm-[0-9a-f]{24}\.snapshot\.gz$/);
    expect(warmSnapshotFile('k1')).not.toBe(warmSnapshotFile('k3'));
    expect(await find('k1')).toBe('snapshot one');
    expect(await find('k1')).toBe('snapshot one');
    expect(await find('k2')).toBeNull();
    expect(await find('k3')).toBeNull();
    expect(await find('k4')).toBe('snapshot four, sent unzipped');
    expect(asked).toEqual([`https://site.example/data/${WARM_SNAPSHOTS_FILE}`, `https://site.example/data/${warmSnapshotFile('k1')}`, `https://site.example/data/${warmSnapshotFile('k2')}`, `https://site.example/data/${warmSnapshotFile('k3')}`, `https://site.example/data/${warmSnapshotFile('k4')}`]);
  });

  it('asks for nothing the site\'s list does not name (a session of another scenario), nor when the site has no list', async () => {
    for (const list of [{ format: WARM_SNAPSHOTS_FORMAT, files: [warmSnapshotFile('other')] }, null]) {
      const asked: string[] = [];
      const find = fetchWarmSnapshot('https://site.example/data/', async (url) => {
        asked.push(url);
        return { ok: list !== null, json: async () => list, arrayBuffer: async () => new ArrayBuffer(0) };
      });
      expect(await find('k1')).toBeNull();
      expect(await find('k2')).toBeNull();
      expect(asked, 'the list only, once').toEqual([`https://site.example/data/${WARM_SNAPSHOTS_FILE}`]);
    }
  });
});
