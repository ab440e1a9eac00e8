/**
 * The files the Node side keeps for a build that ships them (src/node/data/kept-files.ts): the
 * London demand points' areas, made in the cache when missing or damaged, the same as a world
 * build locates them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptPointAreasFile } from '../../../src/node/data/kept-files';
import { londonDataDir } from '../../../src/node/data/paths';
import { nodeDataProvider } from '../../../src/node/data/provider';
import { buildAreaSet } from '../../../src/world';

let haveData = true;
try {
  londonDataDir();
} catch {
  haveData = false;
}
const cache = mkdtempSync(path.join(tmpdir(), 'kept-files-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe.skipIf(!haveData)('kept point areas of the London sets', () => {
  it('are made in the cache, found again, and made again when damaged', async () => {
    const env = { ...process.env, RESPONSE_SIM_CACHE: cache };
    const file = await keptPointAreasFile({ env });
    expect(file).not.toBeNull();
    const bytes = readFileSync(file!);
    const data = nodeDataProvider({ env });
    const points = await data.points('london-lsoa');
    expect(bytes.length).toBe(4 * (8 + points.lon.length));
    const built = buildAreaSet(await data.areas('london-boroughs'), { idProperty: 'id', nameProperty: 'name', groups: {}, path: 'areas' });
    if (!built.ok) throw new Error('the London areas');
    const index = new Int32Array(bytes.buffer, bytes.byteOffset + 32, points.lon.length);
    for (let i = 0; i < points.lon.length; i += 97) expect(index[i], `point ${i}`).toBe(built.areas.locate(points.lon[i]!, points.lat[i]!));
    writeFileSync(file!, bytes.subarray(0, 100));
    expect(await keptPointAreasFile({ env })).toBe(file);
    expect(readFileSync(file!).equals(bytes)).toBe(true);
  });
});
