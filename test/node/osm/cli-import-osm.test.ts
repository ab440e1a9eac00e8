/** `response-sim import-osm`: the written graph, the summary, and bad input (exit 2 through InputError). */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../src/cli/errors';
import { main } from '../../../src/cli/main';
import { londonDataDir } from '../../../src/node/data/paths';
import { loadGraphFile } from '../../../src/node/osm/graph-file';

const SAMPLE = 'roads/osm_sample_n_london_palmers_green_drive.osm.pbf';
let dir: string;
let sample: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'import-osm-'));
  sample = path.join(londonDataDir({ required: [SAMPLE] }), SAMPLE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe('response-sim import-osm', () => {
  it('writes a graph file and prints nodes, edges, km by class and what was dropped', async () => {
    const out = path.join(dir, 'sample.graph');
    const result = await run(['import-osm', sample, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Road graph written to .*sample\.graph in [\d.]+ s/);
    expect(result.out).toMatch(/nodes\s+\d+/);
    expect(result.out).toMatch(/edges\s+[\d,]+ directed/);
    expect(result.out).toMatch(/residential\s+\d+\.\d/);
    expect(result.out).toMatch(/dropped\s+\d+ parts outside the largest strongly connected component/);
    const graph = loadGraphFile(out);
    expect(graph.nodeCount).toBeGreaterThan(500);
    expect(graph.hierarchy).toBeDefined();
    expect(graph.meta.sources[0]).toMatch(/^osm_sample_n_london_palmers_green_drive\.osm\.pbf sha256:[0-9a-f]{64}$/);
  });

  it('prints JSON with --json and keeps only the box with --bbox', async () => {
    const out = path.join(dir, 'west.graph');
    const result = await run(['import-osm', sample, '--out', out, '--bbox', '-0.16,51.59,-0.127,51.64', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { meta: { stats: { nodes: number } } };
    expect(parsed.meta.stats.nodes).toBe(loadGraphFile(out).nodeCount);
  });

  it('is listed in the usage', async () => {
    const result = await run(['--help']);
    expect(result.out).toMatch(/import-osm <extract\.osm\.pbf> --out graph\.bin/);
  });

  it('rejects bad input with a message naming the problem', async () => {
    await expect(main(['import-osm', sample])).rejects.toThrow(/--out graph\.bin is required/);
    await expect(main(['import-osm', '--out', 'x.graph'])).rejects.toThrow(/which extract/);
    await expect(main(['import-osm', path.join(dir, 'missing.pbf'), '--out', 'x.graph'])).rejects.toThrow(/missing\.pbf: no such file/);
    await expect(main(['import-osm', sample, '--out', 'x.graph', '--bbox', '1,2,3'])).rejects.toThrow(/--bbox expects WEST,SOUTH,EAST,NORTH/);
    await expect(main(['import-osm', sample, '--out', 'x.graph', '--bbox', '0,51.7,0.1,51.8'])).rejects.toThrow(/no drivable roads found inside the box/);
    const text = path.join(dir, 'not.osm.pbf');
    writeFileSync(text, 'this is not a protocol buffer file at all, just text\n');
    const error = await main(['import-osm', text, '--out', path.join(dir, 'never.graph')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/not\.osm\.pbf: not a valid \.osm\.pbf file/);
    expect(existsSync(path.join(dir, 'never.graph'))).toBe(false);
  });
});
