/** `response-sim data`: what it prints, and bad input (exit 2 through InputError). */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../src/cli/errors';
import { main } from '../../../src/cli/main';
import { CACHE_ENV } from '../../../src/node/data/paths';
import { ensureLondonGraph } from '../../../src/node/osm/london';

let cache: string;
let saved: string | undefined;

beforeAll(() => {
  cache = mkdtempSync(path.join(os.tmpdir(), 'london-cli-'));
  saved = process.env[CACHE_ENV];
  process.env[CACHE_ENV] = cache;
});

afterAll(() => {
  if (saved === undefined) delete process.env[CACHE_ENV];
  else process.env[CACHE_ENV] = saved;
  rmSync(cache, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), out };
  } finally {
    spy.mockRestore();
  }
}

describe('response-sim data', () => {
  it('builds, then reports the cached build with what it holds', async () => {
    const first = await run(['data', '--no-roads']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^London data built in/);
    expect(first.out).toMatch(/road graph {6}skipped \(--no-roads/);
    const second = await run(['data', '--no-roads']);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^London data up to date \(cached/);
    expect(second.out).toMatch(/33 areas/);
    expect(second.out).toMatch(/12 BCUs/);
    expect(second.out).toMatch(/4835 LSOA points/);
    expect(second.out).toMatch(/\d+ bases, \d+ synthetic/);
  });

  it('finds the road graph in the cache and builds the coverage layer from it, then finds both', async () => {
    // The graph takes tens of seconds to build: the one in the default cache is put where this
    // test's cache keeps it (the file name carries the key of its inputs, so it is only found when current).
    const saved2 = process.env[CACHE_ENV];
    delete process.env[CACHE_ENV];
    const built = await ensureLondonGraph();
    process.env[CACHE_ENV] = saved2;
    mkdirSync(path.join(cache, 'roads'), { recursive: true });
    copyFileSync(built.path, path.join(cache, 'roads', path.basename(built.path)));
    const first = await run(['data']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`road graph      ${path.join(cache, 'roads', path.basename(built.path))}`);
    expect(first.out).toMatch(/179,\d{3} nodes, 41\d,\d{3} edges; cached\)/);
    expect(first.out).toMatch(/road coverage {3}.*coverage[\\/]london-[0-9a-f]{16}\.json {2}\(built in \d+\.\d s\)/);
    const second = await run(['data']);
    expect(second.out).toMatch(/road coverage {3}.*\(cached\)/);
  });

  it('prints the manifest with --json', async () => {
    const { code, out } = await run(['data', '--json', '--no-roads']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { built: boolean; manifest: { counts: { areas: number } } };
    expect(parsed.built).toBe(false);
    expect(parsed.manifest.counts.areas).toBe(33);
  });

  it('turns a missing data folder into bad input naming it', async () => {
    const absent = path.join(cache, 'nowhere');
    await expect(main(['data', '--data', absent])).rejects.toThrow(InputError);
    await expect(main(['data', '--data', absent])).rejects.toThrow(/London data not found: .*nowhere \(the chosen data folder\) does not exist/);
  });

  it('rejects unknown arguments and a --data without a folder', async () => {
    await expect(main(['data', '--fast'])).rejects.toThrow("data: unknown argument '--fast'");
    await expect(main(['data', '--data'])).rejects.toThrow('data: --data needs a folder');
  });
});
