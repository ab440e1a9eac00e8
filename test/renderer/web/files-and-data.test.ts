import { describe, expect, it, vi } from 'vitest';
import { fetchDataProvider, WEB_DATA_FILES, WEB_POINT_AREAS_FILE } from '../../../src/web/data-provider';
import { readPickedFile } from '../../../src/web/pick-file';
import { loadSettings, SETTINGS_KEY } from '../../../src/web/settings-storage';
import { DEFAULT_SETTINGS } from '../../../src/shared/ipc-schemas';

describe('picked scenario files', () => {
  it('parses JSON, names the file in every failure', async () => {
    const picked = (name: string, text: string) => ({ name, size: text.length, text: async () => text });
    expect(await readPickedFile(picked('a.json', '{"a":1}'))).toEqual({ ok: true, file: { path: 'a.json', name: 'a.json', raw: { a: 1 } } });
    const bad = await readPickedFile(picked('b.json', '{"a":'));
    expect(!bad.ok && bad.reason).toBe('not-json');
    expect(!bad.ok && bad.reason !== 'cancelled' && bad.message).toMatch(/^b\.json: not valid JSON: line 1, column 6: /);
    const deep = await readPickedFile(picked('d.json', '['.repeat(100_000) + ']'.repeat(100_000)));
    expect(!deep.ok && deep.reason !== 'cancelled' && deep.message).toMatch(/^d\.json: not valid JSON: line 1, column 65: nested more than 64 deep/);
    expect(await readPickedFile(null)).toEqual({ ok: false, reason: 'cancelled' });
    const unreadable = await readPickedFile({ name: 'c.json', size: 10, text: () => Promise.reject(new Error('NotReadableError')) });
    expect(unreadable).toEqual({ ok: false, reason: 'unreadable', message: 'c.json: NotReadableError' });
  });

  it('refuses a file over the scenario size limit without reading it', async () => {
    const text = vi.fn(async () => '{}');
    const outcome = await readPickedFile({ name: 'huge.json', size: 200 * 1048576, text });
    expect(outcome).toEqual({ ok: false, reason: 'unreadable', message: 'huge.json is 200 MB; scenario files over 64 MB are refused' });
    expect(text).not.toHaveBeenCalled();
  });
});

describe('browser settings storage', () => {
  it('falls back to the defaults on bad stored settings and says why', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(loadSettings({ getItem: () => '{"schemaVersion":1,"onlineTiles":"yes"}', setItem: () => {} })).toEqual(DEFAULT_SETTINGS);
    expect(warn.mock.calls[0]![0]).toMatch(new RegExp(`^localStorage ${SETTINGS_KEY.replace('.', '\\.')}: .*onlineTiles`));
    expect(loadSettings({ getItem: () => '{', setItem: () => {} })).toEqual(DEFAULT_SETTINGS);
    expect(warn.mock.calls[1]![0]).toContain('not JSON');
    warn.mockRestore();
  });
});

describe('browser data provider', () => {
  const base = 'https://example.org/app/data/';

  it('fetches built-in sets from the site\'s data folder by their built file names', async () => {
    const fetched: string[] = [];
    const provider = fetchDataProvider(base, async (url) => {
      fetched.push(url);
      return { ok: true, status: 200, json: async () => ({ type: 'FeatureCollection', features: [] }), arrayBuffer: async () => new ArrayBuffer(0) };
    });
    await provider.areas('london-boroughs');
    await provider.points('london-lsoa');
    // The points' areas (src/world/point-areas.ts) come beside the London points, optional.
    expect(fetched.sort()).toEqual([`${base}${WEB_DATA_FILES.areas['london-boroughs']}`, `${base}${WEB_DATA_FILES.points['london-lsoa']}`, `${base}${WEB_POINT_AREAS_FILE}`].sort());
    expect(provider.pointAreas?.('london-boroughs', 'london-lsoa')?.load()).toBeInstanceOf(Uint8Array);
    expect(provider.pointAreas?.('other-areas', 'london-lsoa')).toBeUndefined();
  });

  it('builds worlds without the points\' areas when the site lacks them', async () => {
    const provider = fetchDataProvider(base, async (url) =>
      url.endsWith(WEB_POINT_AREAS_FILE)
        ? { ok: false, status: 404, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) }
        : { ok: true, status: 200, json: async () => ({ lon: [], lat: [], weight: [] }), arrayBuffer: async () => new ArrayBuffer(0) },
    );
    await provider.points('london-lsoa');
    expect(provider.pointAreas?.('london-boroughs', 'london-lsoa')).toBeUndefined();
  });

  it('names the set and the URL when the site lacks the file', async () => {
    const provider = fetchDataProvider(base, async () => ({ ok: false, status: 404, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) }));
    await expect(provider.areas('london-boroughs')).rejects.toThrow(
      'built-in data "london-boroughs" is not in this site (https://example.org/app/data/areas.geojson answered HTTP 404); build it with npm run build:web where the London data is available',
    );
  });

  it('refuses unknown sets, naming them', async () => {
    const provider = fetchDataProvider(base, async () => {
      throw new Error('must not fetch');
    });
    await expect(provider.points('paris')).rejects.toThrow('no built-in point set "paris" in the browser build (known: london-lsoa)');
    await expect(provider.network('paris')).rejects.toThrow('no built-in road network "paris" in the browser build (known: london)');
    await expect(provider.areas('london-boroughs')).rejects.toThrow('could not be fetched from https://example.org/app/data/areas.geojson: must not fetch');
  });
});
