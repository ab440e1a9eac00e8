import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openScenarioWithDialog, readScenarioFile, type OpenDialog } from '../../src/main/files';

const dir = mkdtempSync(path.join(tmpdir(), 'rs-files-'));
const good = path.join(dir, 'good.json');
writeFileSync(good, JSON.stringify({ schemaVersion: 1, name: 'x' }));
const bad = path.join(dir, 'bad.json');
writeFileSync(bad, '{ "name": ');

const dialogChoosing = (filePaths: string[], canceled = false): OpenDialog & { asked: unknown[] } => {
  const asked: unknown[] = [];
  return {
    asked,
    showOpenDialog: async (options) => {
      asked.push(options);
      return { canceled, filePaths };
    },
  };
};

describe('scenario files', () => {
  it('reads and parses a JSON file', async () => {
    expect(await readScenarioFile(good)).toEqual({ ok: true, file: { path: good, name: 'good.json', raw: { schemaVersion: 1, name: 'x' } } });
  });

  it('reports a file that is not JSON as not-json, naming it', async () => {
    const outcome = await readScenarioFile(bad);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('not-json');
    expect(!outcome.ok && outcome.reason !== 'cancelled' && outcome.message).toMatch(new RegExp(`^${bad}: not valid JSON: line 1, column \\d+: `));
  });

  it('resolves extends and inlines GeoJSON areas, as the command line does', async () => {
    writeFileSync(path.join(dir, 'areas.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify({ schemaVersion: 1, name: 'base', days: 7, areas: { source: 'areas.geojson' } }));
    const variant = path.join(dir, 'variant.json');
    writeFileSync(variant, JSON.stringify({ extends: 'base.json', name: 'variant' }));
    const outcome = await readScenarioFile(variant);
    expect(outcome).toEqual({
      ok: true,
      file: { path: variant, name: 'variant.json', raw: { schemaVersion: 1, name: 'variant', days: 7, areas: { source: { type: 'FeatureCollection', features: [] } } } },
    });
  });

  it('names the file and field of a broken extends', async () => {
    const file = path.join(dir, 'orphan.json');
    writeFileSync(file, JSON.stringify({ extends: 'missing-base.json' }));
    const outcome = await readScenarioFile(file);
    expect(outcome).toEqual({ ok: false, reason: 'unreadable', message: `${file}: extends: no such file: ${path.join(dir, 'missing-base.json')}` });
  });

  it('reports a missing file and a folder as unreadable', async () => {
    const missing = await readScenarioFile(path.join(dir, 'nope.json'));
    expect(!missing.ok && missing.reason).toBe('unreadable');
    expect(!missing.ok && missing.reason !== 'cancelled' && missing.message).toContain('nope.json: ENOENT');
    expect(await readScenarioFile(dir)).toEqual({ ok: false, reason: 'unreadable', message: `${dir} is not a file` });
  });

  it('the dialog asks for JSON and reads the chosen file', async () => {
    const dialog = dialogChoosing([good]);
    const outcome = await openScenarioWithDialog(dialog);
    expect(outcome.ok && outcome.file.name).toBe('good.json');
    expect(dialog.asked[0]).toMatchObject({ properties: ['openFile'], filters: [{ name: 'Scenario', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] });
  });

  it('a cancelled dialog is a cancelled outcome', async () => {
    expect(await openScenarioWithDialog(dialogChoosing([], true))).toEqual({ ok: false, reason: 'cancelled' });
  });
});
