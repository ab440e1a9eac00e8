import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src/main/settings';
import { DEFAULT_SETTINGS, RECENT_FILES_MAX } from '../../src/shared/ipc-schemas';

const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'rs-settings-')), 'nested', 'settings.json');

describe('settings store', () => {
  it('starts from the defaults when there is no file, and writes nothing until a change', () => {
    const file = fresh();
    const { store, problem } = SettingsStore.load(file);
    expect(problem).toBeNull();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(file), 'no file written by reading').toBe(false);
  });

  it('saves an update and reads it back', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({ dataDir: '/data/london', onlineTiles: true });
    const again = SettingsStore.load(file);
    expect(again.problem).toBeNull();
    expect(again.store.get()).toMatchObject({ dataDir: '/data/london', onlineTiles: true });
  });

  it('refuses an update that breaks the schema and keeps the old settings', () => {
    const { store } = SettingsStore.load(fresh());
    expect(() => store.update({ tileUrl: 'http://insecure.example/{z}/{x}/{y}.png' })).toThrow('expected an https:// URL template');
    expect(store.get().tileUrl).toBe(DEFAULT_SETTINGS.tileUrl);
  });

  it('keeps recent files newest first, once each, at most RECENT_FILES_MAX', () => {
    const { store } = SettingsStore.load(fresh());
    for (let i = 0; i < RECENT_FILES_MAX + 2; i++) store.addRecent(`/s/${i}.json`);
    store.addRecent('/s/5.json');
    const recent = store.get().recentFiles;
    expect(recent).toHaveLength(RECENT_FILES_MAX);
    expect(recent.slice(0, 3)).toEqual(['/s/5.json', `/s/${RECENT_FILES_MAX + 1}.json`, `/s/${RECENT_FILES_MAX}.json`]);
    expect(new Set(recent).size, 'no duplicates').toBe(recent.length);
    expect(store.clearRecent().recentFiles).toEqual([]);
  });

  it('moves a file that is not JSON aside and says so, naming the file', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({ onlineTiles: true });
    writeFileSync(file, '{ "schemaVersion": 1,');
    const { store, problem } = SettingsStore.load(file);
    expect(store.get(), 'defaults in use').toEqual(DEFAULT_SETTINGS);
    expect(problem).toContain(`${file}: `);
    expect(problem).toContain('kept as settings.json.bad; using defaults');
    expect(readFileSync(`${file}.bad`, 'utf8'), 'the user\'s file is kept').toBe('{ "schemaVersion": 1,');
  });

  it('names the JSON path of a schema failure', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({});
    writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, recentFiles: ['/ok', 42] }));
    const { problem } = SettingsStore.load(file);
    expect(problem).toMatch(/settings\.json: recentFiles\[1\]: .*expected string/);
  });
});
