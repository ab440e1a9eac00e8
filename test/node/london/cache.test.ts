/**
 * The data step's cache and its errors: a missing data folder names what is missing, a changed
 * input rebuilds, an unchanged one does not, and a failed build leaves nothing half-written.
 * Works on a temp copy of the data step's inputs with $RESPONSE_SIM_CACHE in a temp folder.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuiltinDataReport } from '../../../src/node/data/builtin';
import { CACHE_ENV, DataNotFoundError, DATA_ENV, londonDataDir } from '../../../src/node/data/paths';
import { LONDON_BUILTIN_INPUTS } from '../../../src/node/london/build';
import { SourceDataError } from '../../../src/node/london/csv';

let work: string;
let data: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'london-step-'));
  data = path.join(work, 'data');
  const source = londonDataDir();
  for (const file of Object.values(LONDON_BUILTIN_INPUTS)) {
    mkdirSync(path.dirname(path.join(data, file)), { recursive: true });
    copyFileSync(path.join(source, file), path.join(data, file));
  }
  env = { ...process.env, [DATA_ENV]: data, [CACHE_ENV]: path.join(work, 'cache') };
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const builds = () => readdirSync(path.join(work, 'cache', 'london'));

describe('the data step cache', () => {
  it('builds once, then reuses the build while the inputs are unchanged', () => {
    const first = ensureBuiltinDataReport({ env });
    expect(first.built, 'first call builds').toBe(true);
    expect(first.dataDir).toBe(data);
    const second = ensureBuiltinDataReport({ env });
    expect(second.built, 'second call uses the cache').toBe(false);
    expect(second.folder).toBe(first.folder);
    expect(second.manifest.inputs).toEqual(first.manifest.inputs);
    expect(builds(), 'one build folder').toHaveLength(1);
  });

  it('rebuilds when an input changes, and drops the outdated build', () => {
    const first = ensureBuiltinDataReport({ env });
    // A new Met station in Hackney: Hackney then has a real base and no synthetic one.
    appendFileSync(path.join(data, LONDON_BUILTIN_INPUTS.police), 'Stoke Newington Police Station,51.5630,-0.0743,Hackney,E09000012,police_station\n');
    const second = ensureBuiltinDataReport({ env });
    expect(second.built, 'changed input rebuilds').toBe(true);
    expect(second.folder).not.toBe(first.folder);
    expect(second.manifest.inputs[LONDON_BUILTIN_INPUTS.police]).not.toBe(first.manifest.inputs[LONDON_BUILTIN_INPUTS.police]);
    expect(existsSync(first.folder), 'outdated build removed').toBe(false);
    expect(builds()).toEqual([path.basename(second.folder)]);
    const bases = (JSON.parse(readFileSync(second.files.bases, 'utf8')) as { bases: { id: string; area: string; synthetic: boolean }[] }).bases;
    const hackney = bases.filter((b) => b.area === 'E09000012');
    expect(hackney.map((b) => b.id)).toEqual(['stoke-newington-police-station']);
    expect(second.manifest.counts.syntheticBases).toBe(first.manifest.counts.syntheticBases - 1);
  });

  it('rebuilds on --force even when the cache is current', () => {
    const first = ensureBuiltinDataReport({ env });
    const forced = ensureBuiltinDataReport({ env, force: true });
    expect(forced.built).toBe(true);
    expect(forced.folder).toBe(first.folder);
    expect(builds()).toHaveLength(1);
  });

  it('leaves no build behind when an input is malformed, and names the file and record', () => {
    writeFileSync(path.join(data, LONDON_BUILTIN_INPUTS.population), 'LSOA11CD,Persons_All-Ages\nE01000001,many\n');
    let error: unknown;
    try {
      ensureBuiltinDataReport({ env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceDataError);
    expect((error as Error).message).toContain(LONDON_BUILTIN_INPUTS.population);
    expect((error as Error).message).toMatch(/record 2, column Persons_All-Ages: expected a number/);
    const root = path.join(work, 'cache', 'london');
    expect(existsSync(root) ? readdirSync(root) : [], 'nothing written').toEqual([]);
  });
});

describe('the data step without its data', () => {
  it('names the folder and the missing files when the data folder is absent', () => {
    const absent = path.join(work, 'no-such-folder');
    expect(() => ensureBuiltinDataReport({ env: { ...env, [DATA_ENV]: absent } })).toThrow(DataNotFoundError);
    expect(() => ensureBuiltinDataReport({ env: { ...env, [DATA_ENV]: absent } })).toThrow(
      new RegExp(`${absent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .* does not exist.*boundaries/london_boroughs\\.geojson`),
    );
  });

  it('names the missing file when the folder lacks one input', () => {
    rmSync(path.join(data, LONDON_BUILTIN_INPUTS.police));
    expect(() => ensureBuiltinDataReport({ env })).toThrow(/London data incomplete in .*: missing stations\/police_osm_partial\.csv/);
  });

  it('reports a broken borough file by file name and JSON path', () => {
    const file = path.join(data, LONDON_BUILTIN_INPUTS.boroughs);
    const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    fc.features[3]!.properties.GSS_CODE = 'E0900x';
    writeFileSync(file, JSON.stringify(fc));
    expect(() => ensureBuiltinDataReport({ env })).toThrow(/london_boroughs\.geojson: features\[3\]\.properties\.GSS_CODE/);
  });
});
