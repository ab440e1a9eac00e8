/** The browser sim worker's warm-up snapshot (src/web/prebuilt-fetch.ts): fetched by its key's file name, once per key; none is null. */
import { describe, expect, it } from 'vitest';
import { fetchWarmSnapshot } from '../../../src/web/prebuilt-fetch';
import { warmSnapshotFile } from '../../../src/web/prebuilt';

describe('fetchWarmSnapshot', () => {
  it('asks for the file named by the key, once per key, and gives null for a missing or failing one', async () => {
    const asked: string[] = [];
    const find = fetchWarmSnapshot('https://site.example/data/', async (url) => {
      asked.push(url);
      if (url.endsWith(warmSnapshotFile('k1'))) return { ok: true, text: async () => 'snapshot one' };
      if (url.endsWith(warmSnapshotFile('k2'))) throw new Error('offline');
      return { ok: false, text: async () => 'Not found' };
    });
    expect(warmSnapshotFile('k1')).toMatch(/^warm-[0-9a-f]{24}\.snapshot$/);
    expect(warmSnapshotFile('k1')).not.toBe(warmSnapshotFile('k3'));
    expect(await find('k1')).toBe('snapshot one');
    expect(await find('k1')).toBe('snapshot one');
    expect(await find('k2')).toBeNull();
    expect(await find('k3')).toBeNull();
    expect(asked).toEqual([`https://site.example/data/${warmSnapshotFile('k1')}`, `https://site.example/data/${warmSnapshotFile('k2')}`, `https://site.example/data/${warmSnapshotFile('k3')}`]);
  });
});
