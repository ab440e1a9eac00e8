import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepMerge, loadScenarioFile, readScenario, resolveScenarioPath, ScenarioFileError } from '../../src/node/scenario';
import { smallInput, twoAreas } from '../sim/fixtures/small';

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-load-'));
  for (const [name, value] of Object.entries(files)) {
    const file = path.join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

async function failure(p: Promise<unknown>): Promise<ScenarioFileError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof ScenarioFileError)) throw new Error(`expected a ScenarioFileError, got ${String(e)}`);
  return e;
}

describe('loadScenarioFile', () => {
  it('merges objects key by key and replaces arrays and nulls', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: null })).toEqual({ a: { b: 1, c: [3] }, d: null });
  });

  it('reads a variant of a few lines', async () => {
    const dir = folder({ 'base.json': smallInput() });
    writeFileSync(path.join(dir, 'v.json'), JSON.stringify({ extends: 'base.json', name: 'v', dispatch: { border: 'any' }, travel: { speedKph: 40 } }));
    const raw = await loadScenarioFile(path.join(dir, 'v.json'));
    expect(raw.name).toBe('v');
    expect(raw.travel).toEqual({ ...smallInput().travel, speedKph: 40 });
    expect(raw.dispatch).toEqual({ ...smallInput().dispatch, border: 'any' });
    expect('extends' in raw).toBe(false);
    const { scenario } = await readScenario(path.join(dir, 'v.json'));
    expect(scenario.stations).toHaveLength(2);
  });

  it('detects cycles and missing parents', async () => {
    const dir = folder({ 'a.json': { extends: 'b.json' }, 'b.json': { extends: 'a.json' }, 'c.json': { extends: 'gone.json' } });
    const cycle = await failure(loadScenarioFile(path.join(dir, 'a.json')));
    expect(cycle.problems[0]!.issue).toEqual({ path: 'extends', message: 'extends makes a cycle: a.json -> b.json -> a.json' });
    const missing = await failure(loadScenarioFile(path.join(dir, 'c.json')));
    expect(missing.problems[0]).toMatchObject({ file: path.join(dir, 'c.json'), issue: { path: 'extends' } });
  });

  it('names file, line and column of bad JSON, also in a parent', async () => {
    const dir = folder({ 'bad.json': '{\n  "a": 1\n  "b": 2\n}', 'child.json': { extends: 'bad.json' }, 'empty.json': '' });
    const e = await failure(loadScenarioFile(path.join(dir, 'child.json')));
    // A parent that is no scenario at all is blamed on the child's `extends` (it may be any file: never quoted).
    expect(e.problems[0]).toEqual({
      file: path.join(dir, 'child.json'),
      issue: { path: 'extends', message: `${path.join(dir, 'bad.json')}: not valid JSON: line 3, column 3: expected ',' between the members` },
    });
    const empty = await failure(loadScenarioFile(path.join(dir, 'empty.json')));
    expect(empty.problems[0]!.issue.message).toBe('not valid JSON: line 1, column 1: the file is empty');
  });

  it('inlines a GeoJSON areas file named relative to the scenario', async () => {
    const dir = folder({ 'areas.geojson': twoAreas(), 's.json': { ...smallInput(), areas: { source: 'areas.geojson' } } });
    const raw = await loadScenarioFile(path.join(dir, 's.json'));
    expect(raw.areas!.source).toEqual(twoAreas());
    const bad = folder({ 's.json': { ...smallInput(), areas: { source: 'missing.geojson' } } });
    const e = await failure(loadScenarioFile(path.join(bad, 's.json')));
    expect(e.problems[0]!.issue.path).toBe('areas.source');
  });

  it('reports every schema problem of the merged file with its path', async () => {
    const dir = folder({ 's.json': { ...smallInput(), days: -1, seeed: 2 } });
    const e = await failure(readScenario(path.join(dir, 's.json')));
    expect(e.problems.map((p) => p.issue.path).sort()).toEqual(['days', 'seeed']);
    expect(e.message).toContain(`${path.join(dir, 's.json')}: days: expected a number > 0, got -1`);
  });

  it('knows "london" as the built-in baseline', () => {
    expect(resolveScenarioPath('london')).toMatch(/assets\/scenarios\/london-baseline\.json$/);
  });
});
