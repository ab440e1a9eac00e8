/**
 * Property-based campaign on the readers of user files and on the IPC boundary: the scenario file
 * loader (with `extends` and GeoJSON area files), the JSON text reader, the CSV and borough
 * GeoJSON readers of the data step, the data provider's point and area files, and every schema of
 * src/shared/ipc-schemas.ts. Each input is either refused with a message that names where
 * (a JSON path, or a line and column) or accepted; nothing else is ever thrown. Bounded runs.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataSourceError, nodeDataProvider } from '../../src/node/data/provider';
import { buildAreas } from '../../src/node/london/boroughs';
import { SourceDataError, parseCsv } from '../../src/node/london/csv';
import { ScenarioFileError, loadScenarioFile } from '../../src/node/scenario';
import { describeIssues, ipcArgSchemas } from '../../src/shared/ipc-schemas';
import { parseJsonText } from '../../src/shared/json-text';
import { parseScenario } from '../../src/shared/scenario';
import { applyMutations, hostileValue, jsonText, mutation, nested, realise, textMutation } from './arbitraries';

const ROOT = path.resolve(__dirname, '../..');
const smallText = readFileSync(path.join(ROOT, 'assets/scenarios/small.json'), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'sim-hostile-readers-'));
let n = 0;
const write = (text: string | Buffer, ext = '.json') => {
  const file = path.join(dir, `f${n++}${ext}`);
  writeFileSync(file, text);
  return file;
};
const WHERE = /line \d+, column \d+|not a text file|empty|[\w\]]+: /;

describe('hostile files (fast-check)', () => {
  it('scenario files with text mutations: refused naming the file and line/column or path, or parsed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const text = mutations.reduce((t, m) => m(t), smallText);
        const file = write(text);
        try {
          const raw = await loadScenarioFile(file);
          const parsed = parseScenario(raw);
          if (!parsed.ok) for (const e of parsed.errors) expect(e.message.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioFileError);
          const e = error as ScenarioFileError;
          expect(e.problems[0]!.file).toBe(file);
          expect(e.message).toMatch(WHERE);
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  }, 60_000);

  it('a file that extends a mutated parent, and GeoJSON area files with hostile values: refused with a path, or parsed', async () => {
    const geo = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Polygon', coordinates: [[[-0.2, 51.4], [0, 51.4], [0, 51.6], [-0.2, 51.4]]] } }] };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.boolean(), async (mutations, viaExtends) => {
        const parent = viaExtends ? applyMutations(JSON.parse(smallText), mutations) : JSON.parse(smallText);
        const areas = viaExtends ? geo : applyMutations(geo, mutations);
        const areaFile = write(jsonText(areas), '.geojson');
        const parentFile = write(jsonText(parent));
        const child = write(JSON.stringify({ extends: path.basename(parentFile), areas: { source: path.basename(areaFile) } }));
        try {
          const parsed = parseScenario(await loadScenarioFile(child));
          if (!parsed.ok) for (const e of parsed.errors) expect(e.path.length + e.message.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioFileError);
          expect((error as Error).message).toMatch(WHERE);
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  }, 60_000);

  it('JSON text: any string is parsed or refused in words, never thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), fc.array(textMutation, { maxLength: 2 }), (text, mutations) => {
        const outcome = parseJsonText(mutations.reduce((t, m) => m(t), text));
        if (!outcome.ok) expect(outcome.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('CSV and borough GeoJSON of the data step: parsed or a SourceDataError naming the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        try {
          parseCsv(text, 'x.csv', ['a']);
        } catch (error) {
          expect(error).toBeInstanceOf(SourceDataError);
          expect((error as Error).message).toMatch(/^x\.csv: /);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
    fc.assert(
      fc.property(hostileValue, fc.array(mutation, { maxLength: 2 }), (value, mutations) => {
        const raw = applyMutations({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { GSS_CODE: 'E09000001', NAME: 'x' }, geometry: null }] }, mutations) as { features?: { geometry?: unknown }[] };
        const first = Array.isArray(raw.features) ? raw.features[0] : undefined;
        if (typeof first === 'object' && first !== null) first.geometry = realise(value);
        try {
          buildAreas(raw, 'b.geojson');
        } catch (error) {
          expect(error).toBeInstanceOf(SourceDataError);
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('point and area files named by a scenario: read or a DataSourceError naming the file', async () => {
    const provider = nodeDataProvider({ cwd: dir });
    await fc.assert(
      fc.asyncProperty(hostileValue, fc.array(textMutation, { maxLength: 1 }), async (value, mutations) => {
        const text = mutations.reduce((t, m) => m(t), jsonText({ lon: [0], lat: realise(value), weight: [1] }));
        const file = write(text);
        for (const load of [() => provider.points(file), () => provider.areas(file)]) {
          try {
            await load();
          } catch (error) {
            expect(error).toBeInstanceOf(DataSourceError);
            expect((error as Error).message).toContain(file);
          }
        }
      }),
      { numRuns: 100, seed: 13 },
    );
  }, 60_000);
});

describe('every IPC schema (fast-check)', () => {
  const names = Object.keys(ipcArgSchemas) as (keyof typeof ipcArgSchemas)[];
  it('hostile arguments are accepted or refused with a path; never thrown', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.oneof(fc.anything({ maxDepth: 4 }), fc.array(hostileValue, { maxLength: 3 })), (name, args) => {
        const checked = ipcArgSchemas[name].safeParse(Array.isArray(args) ? args.map(realise) : args);
        if (!checked.success) expect(describeIssues(checked.error, 'args').length).toBeGreaterThan(0);
      }),
      { numRuns: 600, seed: 13 },
    );
  });

  it('a scenario sent to runScenario or liveStart that the schema lets through is refused by parseScenario with a path, or valid', () => {
    const scenario = JSON.parse(smallText) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const hostile = applyMutations(scenario, mutations);
        for (const [name, args] of [['runScenario', [{ jobId: 'j', scenario: hostile }]], ['liveStart', [{ jobId: 'j', scenario: hostile }]]] as const) {
          const checked = ipcArgSchemas[name].safeParse(args);
          if (!checked.success) continue;
          const parsed = parseScenario((checked.data[0] as { scenario: unknown }).scenario);
          if (!parsed.ok) expect(parsed.errors.every((e) => e.message.length > 0)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 13 },
    );
    // Depth that would crash a recursive reader is refused by the first look.
    const deep = parseScenario({ ...scenario, name: nested(100_000) });
    expect(deep.ok).toBe(false);
  });
});
