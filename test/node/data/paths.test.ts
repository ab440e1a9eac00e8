import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_ENV, DATA_ENV, DataNotFoundError, cacheDir, londonDataDir, repoRoot } from '../../../src/node/data/paths';

/** A data folder holding `files` (empty files: the resolver checks presence only). */
function dataFolder(files: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-data-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
  }
  return dir;
}

const required = ['boundaries/a.geojson', 'roads/b.osm.pbf'];

describe('London data folder resolver', () => {
  it('takes the explicit folder over settings and environment', () => {
    const explicit = dataFolder(required);
    const other = dataFolder(required);
    expect(londonDataDir({ explicit, settings: other, env: { [DATA_ENV]: other }, required })).toBe(explicit);
  });

  it('takes the folder in settings over the environment', () => {
    const settings = dataFolder(required);
    const env = dataFolder(required);
    expect(londonDataDir({ settings, env: { [DATA_ENV]: env }, required })).toBe(settings);
  });

  it('takes $RESPONSE_SIM_DATA when settings name no folder', () => {
    const env = dataFolder(required);
    expect(londonDataDir({ settings: null, env: { [DATA_ENV]: env }, required })).toBe(env);
  });

  it('defaults to ../shared/data beside the checkout', () => {
    expect(londonDataDir({ env: {}, required: [] })).toBe(path.resolve(repoRoot(), '..', 'shared', 'data'));
  });

  it('names the settings folder and says it came from Settings when it does not exist', () => {
    expect(() => londonDataDir({ settings: '/no/such/folder', env: {}, required })).toThrow(DataNotFoundError);
    expect(() => londonDataDir({ settings: '/no/such/folder', env: {}, required })).toThrow(
      "London data not found: /no/such/folder (the data folder in Settings) does not exist",
    );
  });

  it('does not fall back to the environment when the chosen folder is wrong', () => {
    const env = dataFolder(required);
    expect(() => londonDataDir({ settings: '/no/such/folder', env: { [DATA_ENV]: env }, required })).toThrow('/no/such/folder');
  });

  it('lists every missing file and where the folder came from', () => {
    const partial = dataFolder(required.slice(0, 1));
    expect(() => londonDataDir({ env: { [DATA_ENV]: partial }, required })).toThrow(
      `London data incomplete in ${partial} ($${DATA_ENV}): missing roads/b.osm.pbf.`,
    );
  });

  it('puts the cache in $RESPONSE_SIM_CACHE or else <checkout>/.cache', () => {
    expect(cacheDir({ [CACHE_ENV]: '/tmp/some-cache' })).toBe('/tmp/some-cache');
    expect(cacheDir({})).toBe(path.join(repoRoot(), '.cache'));
  });
});
